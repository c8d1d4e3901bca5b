"""More TimeML news rules (issue #13): the sentences are written for these tests, in
the style of wire and business copy, not taken from a corpus."""
from __future__ import annotations

from timeline.timex import tag


def values(text, published, **kw):
    return [(t.text, t.type, t.value) for t in tag(text, published=published, timeml=True, **kw)]


def test_the_week_of_a_day_is_that_calendar_week():
    got = values("The trial may open the week of Jan. 10, the clerk said.", "2000-01-03")
    assert got == [("the week of Jan. 10", "DATE", "2000-W02")]


def test_the_weekend_of_a_day_is_that_weekend():
    got = values("The fair ran the weekend of Oct. 16, 1999.", "2000-01-03")
    assert got == [("the weekend of Oct. 16, 1999", "DATE", "1999-W41-WE")]


def test_a_day_of_a_week_that_is_no_calendar_week_stays_a_day():
    got = values("The end of the week of talks will come on March 9.", "2000-01-03")
    assert ("March 9", "DATE", "2000-03-09") in got


def test_the_year_after_a_figure_or_months_is_the_report_year():
    got = values("The stock hit a low for the year of $12.50 in May. Profit fell 5% in "
                 "the first six months of the year.", "1991-08-14")
    assert [g for g in got if g[0] == "the year"] == [("the year", "DATE", "1991")] * 2


def test_the_year_ended_a_date_is_still_a_year_long():
    got = values("Revenue for the year ended June 30 rose 4%.", "1991-08-14")
    assert ("the year", "DURATION", "P1Y") in got


def test_a_weekday_before_a_past_verb_of_planning_points_back():
    # Sunday's story: the planning happened on Friday, whatever it was for
    got = values("On Friday, the council planned to close two schools.", "1999-10-24")
    assert got == [("Friday", "DATE", "1999-10-22")]


def test_a_plan_for_a_weekday_that_was_called_off_points_back():
    got = values("A march planned for Saturday was called off. A rally planned for "
                 "Saturday will go ahead. The vote is scheduled for Tuesday.", "1999-10-24")
    assert got == [("Saturday", "DATE", "1999-10-23"), ("Saturday", "DATE", "1999-10-30"),
                   ("Tuesday", "DATE", "1999-10-26")]


def test_a_planned_weekday_said_with_an_auxiliary_still_looks_ahead():
    got = values("The talks are planned for Monday, where the vote was first set.", "1999-10-20")
    assert got == [("Monday", "DATE", "1999-10-25")]


def test_a_year_earlier_than_nine_months_is_the_year_before():
    text = ("Acme Corp. said third-quarter net rose to $5 million from $4 million a year "
            "earlier. For the nine months, net was $12 million, up from $10 million a year "
            "earlier. For the nine months, sales beat year-earlier sales by 3%.")
    got = [g for g in values(text, "1990-10-25") if "year" in g[0]]
    assert got == [("a year earlier", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1989"),
                   ("year-earlier", "DATE", "1989")]


def test_a_year_earlier_than_the_quarter_stays_a_quarter_after_a_nine_month_sentence():
    text = ("For the first nine months, net rose 5%. In the quarter, net fell to $3 million "
            "from $4 million a year earlier.")
    got = [g for g in values(text, "1990-10-25") if g[0] == "a year earlier"]
    assert got == [("a year earlier", "DATE", "1989-Q3")]


def test_a_bare_year_earlier_in_the_sentence_does_not_date_a_later_day():
    got = values("Under a plan approved in 1985, the bank had bought 400,000 shares "
                 "through Sept. 29.", "1989-10-30")
    assert got == [("1985", "DATE", "1985"), ("Sept. 29", "DATE", "1989-09-29")]


def test_a_month_earlier_in_the_sentence_still_dates_a_later_day():
    got = values("In March 1985 the bank was sold, and on June 5 it closed.", "1989-10-30")
    assert got == [("March 1985", "DATE", "1985-03"), ("June 5", "DATE", "1985-06-05")]


def test_today_is_the_nth_day_of_a_story_names_the_report_day():
    got = values("In the port, today is the fifth day of the strike. It's the third day "
                 "without power. The first day of the siege was calm.", "1998-03-06")
    assert [g for g in got if "day" in g[0] and g[0] != "today"] == [
        ("the fifth day", "DATE", "1998-03-06"), ("the third day", "DATE", "1998-03-06"),
        ("The first day", "DATE", "XXXX-XX-XX")]


def test_a_past_verb_after_a_fronted_month_dates_it_in_the_past():
    got = values("In January, the firm bought a rival. In December, the board will vote.", "1989-10-27")
    assert got == [("January", "DATE", "1989-01"), ("December", "DATE", "1989-12")]


def test_a_past_report_of_a_month_soon_ahead_still_looks_ahead():
    got = values("The company said the plant is expected to open in January.", "1989-10-27")
    assert got == [("January", "DATE", "1990-01")]


def test_a_past_verb_right_before_the_date_dates_it_in_the_past():
    got = values("In the fiscal year ended Jan. 31, sales rose. The plane crashed in "
                 "January.", "1989-10-31")
    assert [g for g in got if g[1] == "DATE"] == [("Jan. 31", "DATE", "1989-01-31"),
                                                  ("January", "DATE", "1989-01")]


def test_a_passive_right_before_the_date_keeps_its_auxiliary_tense():
    got = values("The case is heard in January. The dividend will be paid Jan. 14.", "1989-11-02")
    assert got == [("January", "DATE", "1990-01"), ("Jan. 14", "DATE", "1990-01-14")]


def test_the_day_before_an_event_in_apposition_to_a_date_is_that_date():
    got = values("Ten days after March 3, the day before the vote, turnout fell. He "
                 "left on March 9. The day before, he resigned.", "1992-03-20")
    assert [g for g in got if g[1] == "DATE"] == [
        ("March 3", "DATE", "1992-03-03"), ("the day before", "DATE", "1992-03-03"),
        ("March 9", "DATE", "1992-03-09"), ("The day before", "DATE", "1992-03-08")]
