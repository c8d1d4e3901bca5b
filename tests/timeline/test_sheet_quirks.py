"""TimelineJS sheets as people really export them: every quirk TimelineJS accepts is
accepted with the same meaning; a truly broken file gives located problems."""
import csv

import pytest

from timeline.errors import StoryFormatError
from timeline.formats import dump, load_text

# TimelineJS's current template: no Alt Text, no Place columns.
TEMPLATE = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
            "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n")


def load(text, name="sheet.csv", **kw):
    return load_text(text, name=name, **kw).story


def test_template_without_alt_text_or_places_loads():
    story = load(TEMPLATE + ",,,,,,,,,My title,<p>Intro</p>,,,,,title,,#112233\n"
                 "1815,12,10,,1852,11,27,,,Ada Lovelace,<p>First programmer</p>,,,,,,,\n")
    assert story.title == "My title" and story.settings["background"] == {"color": "#112233"}
    assert [e.title for e in story.events] == ["Ada Lovelace"]
    assert story.events[0].end.isoformat() == "1852-11-27"


@pytest.mark.parametrize("month", ["5", "05", "May", "may", "mai", "Mai", "mayo", "maggio", "mei", " 5 "])
def test_month_names_and_zero_padding(month):
    story = load(TEMPLATE + f"1939,{month},11,,,,,,,Battle,,,,,,,,\n")
    assert story.events[0].start.isoformat() == "1939-05-11"


def test_numbers_with_separators_times_with_am_pm_and_v1_columns():
    story = load(TEMPLATE + '"1,815",12,01,2:30 PM,,,,,,A,,,,,,,,\n')
    assert (story.events[0].start.year, story.events[0].start.day, story.events[0].start.hour) == (1815, 1, 14)
    v1 = load("Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\n"
              "1939-05-11,9/16/1939,Khalkhin Gol,,,,,,,War\n")
    e = v1.events[0]
    assert (e.start.isoformat(), e.end.isoformat(), e.group) == ("1939-05-11", "1939-09-16", "War")


def test_bom_crlf_blank_lines_short_rows_and_case_of_headers():
    text = ("\ufeffyear,month,day,time,end year,end month,end day,end time,display date,headline,text\r\n"
            "\r\n1939,9,1\r\n,,,,,,,,,,\r\n2001,9,11,,,,,,,Attack\r\n")
    story = load(text)
    assert [(e.title, e.start.isoformat()) for e in story.events] == [
        ("Untitled event", "1939-09-01"), ("Attack", "2001-09-11")]


def test_multiline_html_cells_and_empty_headlines():
    story = load(TEMPLATE + '1943,6,5,,,,,,,,"<p>Code named <b>Project PX</b>,\nthe first\r\ncomputer</p>",,,,,,,\n')
    e = story.events[0]
    assert e.title == "Code named Project PX, the first computer"
    assert e.text.startswith("<p>Code named <b>") and "\n" in e.text  # stored losslessly


def test_empty_year_is_an_undated_event_not_a_lost_row():
    story = load(TEMPLATE + ",,,,,,,,,Someday,Not dated yet,,,,,,,\n1939,,,,,,,,,Dated,,,,,,,,\n")
    assert [e.title for e in story.undated_events] == ["Someday"]
    assert [e.title for e in story.dated_events] == ["Dated"]


def test_extra_columns_and_types_are_kept_and_written_back():
    text = TEMPLATE.rstrip("\n") + ",Notes,Source ID\n1939,,,,,,,,,War,,,,,,slide,,,checked,Q1\n"
    story = load(text)
    e = story.events[0]
    assert e.extra["columns"] == {"Notes": "checked", "Source ID": "Q1"} and e.extra["type"] == "slide"
    back = list(csv.DictReader(dump(story, "csv").splitlines()))
    assert back[1]["Notes"] == "checked" and back[1]["Source ID"] == "Q1" and back[1]["Type"] == "slide"


def test_a_second_title_row_is_an_event_as_in_timelinejs():
    story = load(TEMPLATE + ",,,,,,,,,One,,,,,,title,,\n1939,,,,,,,,,Two,,,,,,title,,\n")
    assert story.title == "One" and [e.title for e in story.events] == ["Two"]


def test_broken_date_is_still_located():
    with pytest.raises(StoryFormatError) as info:
        load(TEMPLATE + "1939,Maybe,,,,,,,,War,,,,,,,,\n")
    assert [str(p) for p in info.value.problems] == [
        "sheet.csv, row 2, line 2: Month: not a whole number (found 'Maybe'; expected a whole number 1-12)"]


def test_a_sheet_without_a_headline_or_year_column_is_refused_with_its_header():
    with pytest.raises(StoryFormatError) as info:
        load_text("Year,Title\n1939,War\n", name="x.csv")
    assert "missing column Headline" in str(info.value)


# -- issue 11 ---------------------------------------------------------------------

def test_a_cell_over_the_csv_field_limit_is_a_located_problem():
    big = "x" * (csv.field_size_limit() + 10)
    with pytest.raises(StoryFormatError) as info:
        load(TEMPLATE + "1939,,,,,,,,,Fine,,,,,,,,\n" + f'1940,,,,,,,,,Big,"{big}",,,,,,,\n')
    problem = info.value.problems[0]
    assert problem.line == 3 and "too large" in problem.message


def test_unbalanced_quotes_are_reported_not_merged():
    rows = [f'19{i:02d},,,,,,,,,Row {i},"fine",,,,,,,' for i in range(10)]
    rows[2] = '1902,,,,,,,,,Row 2,"a stray quote,,,,,,,'
    rows[6] = '1906,,,,,,,,,Row 6,oops" here,,,,,,,'
    with pytest.raises(StoryFormatError) as info:
        load(TEMPLATE + "\n".join(rows) + "\n")
    assert "unbalanced quote" in str(info.value)
    assert info.value.problems[0].row == 4  # the header is row 1, Row 2 is row 4
    result = load_text(TEMPLATE + "\n".join(rows) + "\n", name="s.csv", skip_invalid=True)
    # Row 2's stray quote swallows Row 3 (up to its first quote): both are in the one
    # problem; the other eight rows load.
    assert len(result.skipped) == 1 and len(result.story.events) == 8


def test_an_unclosed_quote_at_the_end_of_the_file_is_reported():
    with pytest.raises(StoryFormatError, match="unbalanced quote"):
        load(TEMPLATE + '1939,,,,,,,,,War,"never closed\n1940,,,,,,,,,Peace,,,,,,,,\n')


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1)", "+cmd|' /C calc'!A0",
                                   "-cmd", "\t=1", "'=already quoted", "''=twice", "'plain quote"])
def test_csv_export_neutralises_formulas_and_reads_them_back_unchanged(value):
    story = load(TEMPLATE + "1939,,,,,,,,,Safe,x,,,,,,,\n")
    from dataclasses import replace
    story = story.with_events([replace(story.events[0], title=value, text=value, group=value)])
    written = dump(story, "csv")
    for row in list(csv.reader(written.splitlines()))[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")) and not (
                cell.startswith("-") and not cell.lstrip("-").replace(".", "").isdigit())
    back = load_text(written, name="back.csv").story.events[0]
    assert (back.text, back.group) == (value, value)
    assert back.extra.get("headline", back.title) in (value, value.replace("\t", ""))


def test_a_time_with_seconds_keeps_its_minute_and_notes_the_seconds():
    result = load_text(TEMPLATE + "1969,7,20,20:17:40,,,,,,Eagle lands,,,,,,,,\n"
                       "1969,7,21,02:56,,,,,,First step,,,,,,,,\n", name="moon.csv")
    first, second = result.story.events
    assert (first.start.hour, first.start.minute, second.start.hour) == (20, 17, 2)
    assert result.notes == ["seconds and milliseconds are not kept: times are shown to the minute"]
