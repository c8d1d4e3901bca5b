"""TimeML news conventions (TimeBank, AQUAINT): a dated story counts from its date."""
from __future__ import annotations

from timeline.timex import tag


def values(text, published, **kw):
    return [(t.text, t.type, t.value) for t in tag(text, published=published, **kw)]


NATO = ("NATO, founded in 1949, took in Greece in 1952, West Germany in 1955 and Spain "
        "in 1982. Albright said Friday the three new members would join the summit in April.")


def test_history_in_a_news_story_does_not_make_it_a_narrative():
    got = values(NATO, "1999-03-12")
    assert ("Friday", "DATE", "1999-03-12") in got
    assert ("April", "DATE", "1999-04") in got


def test_a_history_without_deictic_words_stays_narrative():
    text = ("The war began in 1914. In 1915 Italy joined the Allies, and in 1916 the "
            "battle of Verdun began. In April the United States declared war.")
    got = values(text, "2009-12-19")
    assert ("April", "DATE", "1916-04") in got


def test_ages_are_not_timexes_in_news_but_measure_adjectives_are_durations():
    text = ("Elian, the 6-year-old boy, and his uncle, 52 years old, met a 27-year "
            "Reuters veteran on Tuesday.")
    got = values(text, "2000-01-07")
    assert [g[0] for g in got] == ["27-year", "Tuesday"]
    assert got[0][1:] == ("DURATION", "P27Y")


def test_ages_stay_in_a_narrative():
    text = "In 1799 Napoleon, 30 years old, seized power; in 1804 he was crowned."
    got = values(text, "2009-12-19", mode="narrative")
    assert ("30 years old", "DURATION", "P30Y") in got


EARNINGS = ("Du Pont said third-quarter profit rose 9% to $461 million from $423 million a "
            "year earlier. Sales in the latest quarter were $8.59 billion; in the year-ago "
            "quarter they were $7.85 billion. Du Pont raised its quarterly dividend.")


def test_a_company_report_names_its_quarter_and_the_same_quarter_a_year_before():
    got = values(EARNINGS, "1989-10-25")
    assert ("third-quarter", "DATE", "1989-Q3") in got
    assert ("a year earlier", "DATE", "1988-Q3") in got
    assert ("the latest quarter", "DATE", "1989-Q3") in got
    assert ("the year-ago quarter", "DATE", "1988-Q3") in got
    assert not any(g[0] == "quarterly" for g in got)


def test_the_quarter_without_one_named_is_the_last_that_ended():
    got = values("Profit fell 20% in the quarter, the company said Tuesday.", "1990-01-24")
    assert ("the quarter", "DATE", "1989-Q4") in got


def test_a_year_ago_far_from_any_quarter_is_a_year():
    text = "Sales rose in the third quarter." + " Nothing else happened." * 150 + " A year ago he left."
    got = values(text, "1989-10-25")
    assert ("A year ago", "DATE", "1988") in got


def test_the_year_and_ordinal_quarter_is_one_expression():
    got = values("In the 1988 second quarter, it earned $5 million.", "1989-10-25")
    assert ("the 1988 second quarter", "DATE", "1988-Q2") in got


def test_a_date_just_ahead_stays_ahead_in_a_past_tense_report():
    got = values("They said they expected the sale to be completed by Dec. 15.", "1989-10-31")
    assert ("Dec. 15", "DATE", "1989-12-15") in got


def test_a_date_far_ahead_goes_back_in_a_past_tense_sentence():
    got = values("Since KKR bought RJR in February, it has sold units.", "1989-10-30")
    assert ("February", "DATE", "1989-02") in got


def test_planned_events_look_ahead():
    got = values("Protesters planned a large demonstration on Saturday.", "2000-01-07")
    assert ("Saturday", "DATE", "2000-01-08") in got


def test_an_earlier_sentence_date_does_not_anchor_a_news_date():
    text = ("The company was founded on June 3, 1987. Nashua had purchased 481,000 shares "
            "through Sept. 29, the filing said on Monday.")
    got = values(text, "1989-10-30")
    assert ("Sept. 29", "DATE", "1989-09-29") in got


def test_a_clock_time_written_against_its_day_is_one_time():
    got = values("Negotiations broke off at noon Thursday, police said.", "1998-02-13")
    assert got == [("noon Thursday", "TIME", "1998-02-12T12:00")]
    got = values("The offer expires at 5 p.m. EST, Nov. 6.", "1989-10-30")
    assert got == [("5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00")]


def test_a_clock_time_and_its_day_joined_by_on_stay_apart():
    got = values("They met at 10 a.m. on Monday.", "1998-02-13")
    assert [g[0] for g in got] == ["10 a.m.", "Monday"]


def test_report_years_the_year_ended_is_a_duration_the_full_year_the_dct_year():
    text = ("Net income for the year ended June 30 rose. Sales for the full year were "
            "$6.6 billion. For the year, volume was flat.")
    got = values(text, "1989-10-25")
    assert ("the year", "DURATION", "P1Y") in got
    assert ("the full year", "DATE", "1989") in got
    assert got.count(("the year", "DATE", "1989")) == 1


def test_a_movable_feast_takes_the_nearest_year_like_a_month():
    got = values("He was rescued at sea on Thanksgiving Day.", "2000-01-07")
    assert ("Thanksgiving Day", "DATE", "1999-11-25") in got


def test_a_possessive_weekday_has_been():
    got = values("The relatives said they would look for ways around Wednesday's ruling.", "2000-01-07")
    assert ("Wednesday", "DATE", "2000-01-05") in got


def test_a_month_or_quarter_of_a_deictic_year_is_one_expression():
    got = values("In June last year the leaders met; in January this year they split.", "1998-02-19")
    assert ("June last year", "DATE", "1997-06") in got
    assert ("January this year", "DATE", "1998-01") in got
    got = values("Net sales for this year's third quarter fell.", "1989-11-01")
    assert got == [("this year's third quarter", "DATE", "1989-Q3")]


def test_spoken_years_of_broadcast_transcripts():
    got = values("Atlanta, nineteen ninety-six. His promise to halve it by the year two "
                 "thousand was dropped; nineteen people died.", "1998-02-27")
    assert got == [("nineteen ninety-six", "DATE", "1996"), ("the year two thousand", "DATE", "2000")]


def test_report_spans_of_quarters_and_edges_of_days():
    got = values("Losses in the past two quarters and after several quarters of decline; "
                 "it was argued in some quarters that three quarters of the staff left "
                 "late yesterday.", "1989-10-25")
    assert got == [("the past two quarters", "DURATION", "P2Q"), ("several quarters", "DURATION", "PXQ"),
                   ("late yesterday", "DATE", "1989-10-24")]


def test_a_years_report_period_and_the_fiscal_quarter():
    got = values("Third-quarter net rose; the year-ago results were restated. In the 1988 "
                 "period it fell; the fiscal first quarter was flat.", "1989-10-25")
    assert ("the 1988 period", "DATE", "1988-Q3") in got
    assert ("the fiscal first quarter", "DATE", "1989-Q1") in got
    assert ("year-ago", "DATE", "1988-Q3") in got


def test_a_name_ending_in_ed_is_no_past_tense():
    got = values("The father would be traveling to the United States Thursday.", "2000-04-05")
    assert ("Thursday", "DATE", "2000-04-06") in got


def test_the_latest_quarter_has_ended_whatever_the_forecast_named():
    got = values("It expects a fourth-quarter loss. Sales in the latest quarter rose.", "1989-10-25")
    assert ("the latest quarter", "DATE", "1989-Q3") in got


def test_timeml_conventions_make_later_a_duration():
    text = "The company cut 300 jobs on Monday. Three days later, its chief executive resigned."
    default = [(t.text, t.type, t.value) for t in tag(text, published="1989-10-30")]
    timeml = [(t.text, t.type, t.value) for t in tag(text, published="1989-10-30", timeml=True)]
    assert default[1] == ("Three days later", "DATE", "1989-11-02")
    assert timeml[1] == ("Three days", "DURATION", "P3D")


def test_timeml_conventions_leave_anniversaries_to_events():
    text = "NATO said on Friday it will mark its 50th anniversary in Washington next month."
    assert any("anniversary" in t.text for t in tag(text, published="1999-03-12"))
    assert not any("anniversary" in t.text for t in tag(text, published="1999-03-12", timeml=True))


def test_year_end_takes_its_year_from_the_dct_and_since_looks_back():
    found = tag("The sale should close by year-end; the index is up 5% since year-end.",
                published="1989-10-30")
    assert [(t.text, t.value) for t in found] == [("year-end", "1989-12-31"), ("year-end", "1988-12-31")]


def test_past_verbs_ahead_and_abbreviations():
    assert tag("In March, the company received an offer.", published="1989-10-30")[0].value == "1989-03"
    assert tag("Since KKR bought RJR in February, it sold units.", published="1989-10-30")[0].value == "1989-02"
    assert tag("The group might come to the U.S. as soon as Tuesday.", published="2000-04-03")[0].value == "2000-04-04"


def test_timeml_conventions_leave_rates_of_amounts_out():
    text = "The plan saves $17.9 million annually; the festival is held here annually."
    assert [t.text for t in tag(text, published="1989-10-30")] == ["annually", "annually"]
    assert [t.start for t in tag(text, published="1989-10-30", timeml=True)] == [text.rindex("annually")]


def test_a_part_of_day_belongs_to_the_last_day_named():
    text = "Shares closed lower Friday. Dealers placed buy orders in the morning, down from the previous Friday."
    assert [(t.text, t.value) for t in tag(text, published="1989-10-30")] == [
        ("Friday", "1989-10-27"), ("the morning", "1989-10-27TMO"), ("the previous Friday", "1989-10-20")]


def test_last_month_name_with_a_day():
    assert [(t.text, t.value) for t in tag("He was shot last Oct. 23 at home.", published="1999-04-19")] == [
        ("last Oct. 23", "1998-10-23")]


def test_more_between_number_and_unit():
    assert [(t.text, t.value) for t in tag("He will stay for at least two more weeks.", published="2000-06-01")] == [
        ("at least two more weeks", "P2W")]


def test_generic_today_and_high_noon_are_not_dates():
    assert tag("The case is for today's youth what the blockade was.", published="2000-01-07") == []
    assert tag("It was like the film High Noon.", published="1999-03-12") == []
    assert tag("It ran in today's editions.", published="1989-11-02")[0].value == "1989-11-02"


def test_current_and_recent_before_a_noun_are_references():
    found = tag("The current weakness follows recent declines. The ocean current, most recent.", published="1989-10-30")
    assert [(t.text, t.value) for t in found] == [("current", "PRESENT_REF"), ("recent", "PAST_REF")]
    assert tag("Sales in the current fiscal year rose.", published="1989-10-30")[0].value == "1989"


def test_a_named_quarter_reported_in_the_past_and_year_earlier():
    assert tag("AT&T announced a drop in profits for the fourth quarter.", published="1998-01-26")[0].value == "1997-Q4"
    assert tag("It expects to report a third-quarter loss.", published="1989-10-26")[0].value == "1989-Q3"
    found = tag("Net was $5 million in the third quarter, compared with a year-earlier loss.", published="1989-10-26")
    assert [(t.text, t.value) for t in found] == [("the third quarter", "1989-Q3"), ("year-earlier", "1988-Q3")]


def test_passive_takes_the_tense_of_its_auxiliary():
    text = "Colonel Eileen Collins will be named commander of the Space Shuttle Columbia for a mission in December."
    assert tag(text, published="1998-03-04")[0].value == "1998-12"


def test_a_clock_time_is_on_the_last_day_named():
    text = "Two bombs exploded on Friday, Aug. 7. The blast in Nairobi occurred at about 10:35 a.m., toppling a building."
    assert [t.value for t in tag(text, published="1998-08-08")][-1] == "1998-08-07T10:35"


def test_the_end_of_the_year_in_news_is_the_dct_year():
    text = "Unisys plans layoffs in 1990. Separately, it expects to cut costs by the end of the year."
    assert tag(text, published="1989-10-30")[-1].value == "1989"


def test_timeml_counts_decades_in_years():
    text = "Unemployment is the lowest for almost two decades; the feud is decades-long."
    assert [t.value for t in tag(text, published="1998-02-06")] == ["P2DE", "PXDE"]
    assert [t.value for t in tag(text, published="1998-02-06", timeml=True)] == ["P20Y", "PXY"]


def test_timeml_the_past_year_is_the_year_before():
    text = "Hate groups grew over the past year."
    assert tag(text, published="1998-03-03")[0].value == "P1Y"
    assert tag(text, published="1998-03-03", timeml=True)[0].value == "1997"
