"""News rules added for TimeML (issue #13): each case is written for these tests, in the
style of wire and broadcast copy, not taken from a corpus."""
from __future__ import annotations

from timeline.timex import tag


def values(text, published, **kw):
    return [(t.text, t.type, t.value) for t in tag(text, published=published, timeml=True, **kw)]


def test_a_spoken_year_joins_the_month_or_season_before_it():
    got = values("Prices last fell this far in March nineteen ninety-one, and again "
                 "in the spring of nineteen ninety-three.", "1998-02-23")
    assert ("March nineteen ninety-one", "DATE", "1991-03") in got
    assert ("the spring of nineteen ninety-three", "DATE", "1993-SP") in got


def test_a_month_before_a_spoken_number_that_is_no_year_stays_alone():
    got = values("The vote is in May. Nineteen people were hurt.", "1998-02-23")
    assert [g[0] for g in got] == ["May"]


def test_a_plan_told_in_the_past_perfect_points_back():
    got = values("The tender offer had been due to expire Friday evening; the "
                 "vote had been scheduled for Tuesday. The new offer is due to expire Friday.",
                 "1989-10-30")
    assert got == [("Friday evening", "TIME", "1989-10-27TEV"), ("Tuesday", "DATE", "1989-10-24"),
                   ("Friday", "DATE", "1989-11-03")]


def test_a_programme_title_in_quotes_is_no_week():
    got = values('The minister, speaking on NBC\'s "This Week," said talks would go on this week.',
                 "1998-03-06")
    assert [(g[0], g[2]) for g in got] == [("this week", "1998-W10")]


def test_a_three_digit_number_is_no_year_in_a_dated_story():
    got = values("The chain will grow to 450 stores from 360 in 1999.", "1998-03-06")
    assert [g[0] for g in got] == ["1999"]
    # a history keeps them: "in 476" is the fall of Rome
    assert [t.value for t in tag("Rome fell in 476, and Charlemagne was crowned in 800.",
                                 mode="narrative")] == ["0476", "0800"]


def test_the_near_and_short_term_look_ahead():
    got = values("Analysts see pressure on margins in the short term and a listing in "
                 "the near future; a short-term loan is no time.", "1999-05-04")
    assert [(g[0], g[2]) for g in got] == [("the short term", "FUTURE_REF"),
                                           ("the near future", "FUTURE_REF")]


def test_half_units_are_written_in_the_next_smaller_unit():
    got = values("The refugees spent 2 1/2 years in camps; the envoy stayed 5 1/2 hours, "
                 "and a minute and a half later the plane left.", "1998-02-27")
    assert [(g[0], g[2]) for g in got] == [("2 1/2 years", "P2Y6M"), ("5 1/2 hours", "PT5H30M"),
                                           ("a minute and a half", "PT1M30S")]
    # outside TimeML's news convention the fraction stays a decimal
    assert tag("The siege lasted 2 1/2 years.", mode="narrative")[0].value == "P2.5Y"


def test_a_quarter_followed_by_of_and_an_amount_is_still_the_quarter():
    got = values("The bank reported a loss for the second quarter of $12.5 million, "
                 "in the first half of the war.", "1991-08-02")
    assert [(g[0], g[2]) for g in got] == [("the second quarter", "1991-Q2")]


def test_us_election_day_is_the_tuesday_after_the_first_monday_in_november():
    got = values("Both candidates will campaign hard until Election Day.", "1998-10-26")
    assert got == [("Election Day", "DATE", "1998-11-03")]
    assert values("Turnout on Election Day 2004 was high.", "2004-11-20")[0][2] == "2004-11-02"


def test_or_so_before_ago_is_part_of_an_approximate_date():
    got = [(t.text, t.mod) for t in tag("Then, a month or so ago, the chief picked a date.",
                                        published="1991-02-25", timeml=True)]
    assert got == [("a month or so ago", "APPROX")]
    assert tag("a month or so ago", published="1991-02-25", timeml=True)[0].value == "1991-01"


def test_mid_afternoon_is_a_part_of_the_day():
    got = values("Troops moved in on Friday. By mid afternoon the shelling had stopped. "
                 "In Tokyo at mid-morning yesterday, the yen fell.", "1998-03-07")
    assert ("mid afternoon", "TIME", "1998-03-06TAF") in got
    assert ("mid-morning yesterday", "TIME", "1998-03-06TMO") in got


def test_the_day_before_a_date_counts_from_that_date():
    got = values("The plant opened in 1990. The day before last Tuesday's vote, the union "
                 "met; the day after Christmas it struck.", "2000-02-24")
    assert ("The day before last Tuesday", "DATE", "2000-02-21") in got
    assert ("the day after Christmas", "DATE", "1999-12-26") in got


def test_weekday_nights_in_the_plural_are_a_set():
    got = values("The airline will fly on Wednesday and Saturday nights from June 2, and "
                 "its crew left Saturday night.", "1998-05-12")
    assert got[:2] == [("Wednesday", "SET", "XXXX-WXX-3TNI"), ("Saturday nights", "SET", "XXXX-WXX-6TNI")]
    assert ("Saturday night", "TIME", "1998-05-09TNI") in got


def test_a_forecast_quarter_is_not_the_quarter_reported_on():
    text = ("The mill expects weak demand through the third quarter of 1990. In the "
            "year-ago period, it earned $10 million.")
    got = values(text, "1989-10-26")
    assert ("the year-ago period", "DATE", "1988-Q3") in got


def test_the_first_two_quarters_of_a_year_are_its_first_half():
    got = values("Steelmakers expect soft prices in the first two quarters of 1991 and "
                 "recovery in the last two quarters of 1991.", "1990-10-26")
    assert [(g[0], g[2]) for g in got] == [("the first two quarters of 1991", "1991-H1"),
                                           ("the last two quarters of 1991", "1991-H2")]


def test_an_hour_in_the_morning_or_evening_is_a_clock_time():
    got = values("The convoy leaves at 5 in the morning and returns at 8 in the evening.",
                 "2000-04-05")
    assert [(g[0], g[2]) for g in got] == [("5 in the morning", "2000-04-05T05:00"),
                                           ("8 in the evening", "2000-04-05T20:00")]


def test_vague_spans_ahead_and_trading_days_are_durations():
    got = values("Funds may sell more in the months ahead; over the years, they grew. "
                 "Six trading days after the crash, and over the next two quarters, "
                 "prices recovered. Three quarters of the funds lost money.", "1989-10-27")
    assert [(g[0], g[2]) for g in got] == [("the months ahead", "PXM"), ("the years", "PXY"),
                                           ("Six trading days", "P6D"),
                                           ("the next two quarters", "P2Q")]


def test_a_plural_present_of_schedule_looks_ahead():
    got = values("The two leaders meet separately Monday with the envoy. The talks did not "
                 "resume Tuesday.", "1998-05-01")
    assert [(g[0], g[2]) for g in got] == [("Monday", "1998-05-04"), ("Tuesday", "1998-04-28")]
