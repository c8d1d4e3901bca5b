"""TimeML value strings and calendar arithmetic across BCE and beyond 9999."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import HistoricalDate, Precision
from timeline.timex import values as V


@pytest.mark.parametrize("date, value", [
    (HistoricalDate.of(1939), "1939"),
    (HistoricalDate.bce(490), "BC0490"),
    (HistoricalDate.of(0), "BC0001"),
    (HistoricalDate.of(33), "0033"),
    (HistoricalDate(1930, precision=Precision.DECADE), "193"),
    (HistoricalDate(1401, precision=Precision.CENTURY), "14"),
    (HistoricalDate(1901, precision=Precision.CENTURY), "19"),
    (HistoricalDate(-399, precision=Precision.CENTURY), "BC03"),
    (HistoricalDate(1 - 479, precision=Precision.DECADE), "BC047"),
    (HistoricalDate(2024, precision=Precision.SEASON, season="SU"), "2024-SU"),
    (HistoricalDate.of(2024, 9, 3), "2024-09-03"),
    (HistoricalDate.of(2024, 9, 3, 15, 5), "2024-09-03T15:05"),
])
def test_date_value(date, value):
    assert V.date_value(date) == value


def test_ordinals_agree_with_datetime_and_extend_past_it():
    for d in (dt.date(1, 1, 1), dt.date(1939, 9, 1), dt.date(2024, 2, 29), dt.date(9999, 12, 31)):
        assert V.to_ordinal(d.year, d.month, d.day) == d.toordinal()
    for y, m, d in ((-489, 9, 12), (0, 2, 29), (-10_000, 3, 1), (12_000, 12, 31)):
        assert V.from_ordinal(V.to_ordinal(y, m, d)) == (y, m, d)
    assert V.add_days(1, 1, 1, -1) == (0, 12, 31)


def test_weeks_and_weekdays():
    assert V.week_value(2024, 9, 3) == "2024-W36"
    assert V.week_value(2021, 1, 1) == "2020-W53"
    assert V.weekday(2024, 8, 30) == 5


def test_easter():
    assert V.easter(2024) == (3, 31)
    assert V.easter(1939) == (4, 9)


@pytest.mark.parametrize("n, d, t, value", [
    (2, "Y", False, "P2Y"), (None, "D", False, "PXD"), (3, "H", True, "PT3H"),
    (1.5, "Y", False, "P1.5Y"),
])
def test_duration_value(n, d, t, value):
    assert V.duration_value(n, d, t) == value
