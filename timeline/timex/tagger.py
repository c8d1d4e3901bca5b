"""The tagger: find (scan), read (normalise), link ranges, then resolve in text order.

Scanning is two-stage to stay fast in pure Python: a trie-compiled regex finds
*trigger* words (digits, month names, units, "today" ...), which most words are not;
only around a trigger does the full scanner run, from the leftmost of the few words
before it that can open an expression ("the", "early", "more than" ...). Every step is
bounded per trigger, so time grows linearly with the text.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterator

from ..dates import DateError, HistoricalDate, parse_date
from . import lexicon as L
from .anchors import Resolver, detect_mode
from .anniversaries import implied_phrase
from .day_beside import appositive_days, day_beside as _day_beside, days_before_dates as _days_before_dates
from .model import Implied, Timex
from .normalise import Spec, specs_for
from .patterns import SCANNER, scanner_after, trie
from .periods import period_names
from .values import year_value
from .week_of import weeks_of_days

__all__ = ["tag", "as_dct"]

_TRIGGER_WORDS = set(L.MONTHS) | set(L.MONTH_ABBR) | set(L.WEEKDAYS) | set(L.WEEKDAY_ABBR)
_TRIGGER_WORDS |= set(L.SEASONS) | set(L.UNITS) | set(L.UNIT_PLURALS) | set(L.DECADE_WORDS)
_TRIGGER_WORDS |= {w for w in L.PARTS_OF_DAY if "-" not in w} | {"night-time"}
_TRIGGER_WORDS |= {"today", "yesterday", "tomorrow", "tonight", "now", "currently", "recently",
                   "nowadays", "lately", "presently", "present", "current", "recent", "past", "future", "being",
                   "date", "anniversary", "noon", "midnight", "midday", "o'clock", "annum",
                   "daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly",
                   "fortnightly", "quarterly", "biweekly", "bi-weekly", "semiannually",
                   "biannually", "everyday", "overnight", "christmas", "easter", "halloween",
                   "thanksgiving", "election", "valentine's", "patrick's", "present-day", "half", "quarter",
                   "latest", "year-ago", "year-earlier", "nineteen", "eighteen", "term"}
_TRIGGER_WORDS |= set(L.ANNIVERSARY_WORDS)
_TRIGGER_WORDS |= {name.split()[0].lower() for name in period_names()}

TRIGGER = re.compile(
    r"(?<![\w’'])(?:(?:" + trie(_TRIGGER_WORDS) + r")(?!\w|['’][a-rt-z])|['’]?\d)", re.IGNORECASE)

PREFIX_WORDS = frozenset("""
the very early late mid middle later in of end beginning start close turn dawn height first
second latter last half part early days weeks months final remainder rest course
next this coming past previous following preceding same current upcoming that prior
subsequent succeeding ensuing recent intervening every each other single once twice thrice
times a an per earlier more than less fewer over under about around almost nearly some
roughly approximately at least most up to just only barely full further another remaining
additional exactly well better these those initial opening closing entire whole all c. ca.
circa year day before after few several many couple number dozens hundreds dozen third
fourth 1st 2nd 3rd 4th q1 q2 q3 q4 h1 h2 ad a.d. and fiscal
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand time latest comparable corresponding near short trading business working
""".split()) | frozenset(L.WEEKDAYS) | frozenset(L.ORDINALS)

# Words an expression can hold but never begins with ("early in 1940", "more than").
_INNER_ONLY = frozenset("in of and than least most times other single".split())

_RANGE_GAP = re.compile(r"\s{0,3}(?:(?P<dash>[-–—])|(?P<word>to|until|till|through|thru|and|into))\s{0,3}\Z", re.I)
_RANGE_OPENER = re.compile(r"(?:\b(?P<w>from|between)\s{1,3})\Z", re.I)


def as_dct(published) -> HistoricalDate | None:
    """The document date from None, a HistoricalDate, a date/datetime or 'YYYY-MM-DD'."""
    if published is None or published == "":
        return None
    if isinstance(published, HistoricalDate):
        return published
    if isinstance(published, _dt.datetime):
        published = published.date()
    if isinstance(published, _dt.date):
        return HistoricalDate.of(published.year, published.month, published.day)
    if isinstance(published, str):
        d = parse_date(published.strip()[:10] if "T" in published else published)
        return d
    raise TypeError(f"published must be a date, a HistoricalDate or 'YYYY-MM-DD', got {type(published).__name__}")


def _starts(text: str, ts: int, floor: int) -> list[int]:
    """Word starts from which an expression reaching the trigger at ts could begin."""
    starts = [ts]
    j = ts
    for _ in range(6):
        k = j - 1
        while k >= floor and text[k] in " \t\n-\u00a0":
            k -= 1
        if k < floor or k < j - 4:
            break
        e = k + 1
        while k >= floor and (text[k].isalnum() or text[k] in "'’."):
            k -= 1
        word = text[k + 1:e].lower()
        if not word or word not in PREFIX_WORDS:
            break
        j = k + 1
        if word not in _INNER_ONLY:
            starts.append(j)
    starts.reverse()
    return starts


def scan(text: str) -> Iterator[list[Spec]]:
    """Non-overlapping Specs in text order (a range gives two at once)."""
    pos = 0
    match = SCANNER.match
    for t in TRIGGER.finditer(text):
        ts = t.start()
        if ts < pos:
            continue
        for c in _starts(text, ts, pos):
            m = match(text, c)
            if m is None or m.end() <= ts:
                continue
            specs = specs_for(m, text)
            if not specs:
                specs = _retry(text, c, ts, m.lastgroup[2:])
            if specs:
                pos = max(s.end for s in specs)
                yield specs
                break


def _retry(text: str, c: int, ts: int, rejected: str) -> list[Spec]:
    """Try the kinds after a rejected one at the same position ("80" is no year, but
    "80 years" is a duration)."""
    kind = rejected
    while True:
        rx = scanner_after(kind)
        m = rx.match(text, c) if rx is not None else None
        if m is None or m.end() <= ts:
            return []
        specs = specs_for(m, text)
        if specs:
            return specs
        kind = m.lastgroup[2:]


def _link_ranges(text: str, specs: list[Spec]) -> None:
    for a, b in zip(specs, specs[1:]):
        if a.role or b.role or a.type not in ("DATE", "TIME") or b.type not in ("DATE", "TIME"):
            continue
        if a.value is not None or b.value is not None or a.period or b.period:
            continue
        gap = _RANGE_GAP.match(text, a.end, b.start)
        if gap is None or gap.end() != b.start:
            continue
        opener = _RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
        word = (gap.group("word") or "").lower()
        if word == "and" and not (opener and opener.group("w").lower() == "between"):
            continue
        era_range = a.bare_number is not None and b.year is not None and b.year <= 0
        if word and word != "and" and not opener and not era_range:
            continue
        # "from May to September 1939": the end lends its year (and era) to the start
        if a.base == "ctx" and b.base is None and b.year is not None and a.month is not None and b.gran in ("month", "day"):
            a.year = b.year - 1 if (b.month and a.month > b.month) else b.year
            a.base = None
        elif a.base == "ctx" and b.base is None and b.year is not None and a.season and b.gran == "season":
            a.year, a.base = b.year, None
        if a.bare_number is not None and b.year is not None and b.year <= 0 and a.bare_number >= 1 - b.year:
            a.year = 1 - a.bare_number
            a.bare_number = None
        a.role, b.role, a.partner = "start", "end", b


def tag(text: str, *, published=None, mode: str = "auto", periods: bool = True,
        timeml: bool = False) -> list[Timex]:
    """Temporal expressions in ``text`` with TIMEX3 types and values.

    ``published`` is the document creation time (None, a HistoricalDate, a
    ``datetime.date`` or "YYYY-MM-DD"). ``mode`` is "news" (leave-out years come from
    the DCT), "narrative" (from the last date the text set) or "auto" (narrative when
    most years the text writes lie more than two years before the DCT).
    ``periods=False`` leaves out named periods ("World War II"), which TimeML
    annotates as events, not TIMEX3. ``timeml=True`` follows TimeML news annotation (in news mode)
    where it gives a timeline less: "three days later" is the DURATION "three days"
    (the adverb a signal), not the date it leads to; anniversaries are events, not
    TIMEX3, nor is the rate of an amount ("$2 million annually"); decades are counted in
    years (P20Y); "the past year" is the year before (a DATE).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    dct = as_dct(published)
    specs: list[Spec] = []
    for group in scan(text):
        specs.extend(s for s in group if periods or s.period is None)
    _link_ranges(text, specs)
    years = [s.year for s in specs if s.explicit_year and s.year is not None
             and s.gran in ("year", "month", "day", "season", "quarter")]
    if mode == "auto":
        deictic = sum(1 for s in specs if s.base in ("dct", "now")
                      or (s.base == "ctx" and s.weekday is not None))
        mode = detect_mode(dct, years, deictic=deictic, words=text.count(" ") + 1)
    elif mode not in ("news", "narrative"):
        raise ValueError(f"mode must be 'auto', 'news' or 'narrative', got {mode!r}")
    if mode == "news":
        # TimeML news annotation (TimeBank, AQUAINT) leaves ages out; histories in the
        # ACE style (WikiWars) tag them, so narrative mode keeps them.
        specs = [s for s in specs if not s.age]
        # "to 450 stores from 360": a three-digit number is no year in a dated story
        specs = [s for s in specs if s.bare_number is None or dct is None or dct.year < 1500]
    if mode == "news" and timeml:
        # TimeML annotates "the 50th anniversary" as an event, not a TIMEX3
        specs = [s for s in specs if s.kind != "anniversary" and not s.rate]
        for s in specs:
            if s.news_previous is not None:
                s.type, s.value, s.base, s.unit, s.offset = "DATE", None, "dct", s.news_previous, -1
            if s.type == "DURATION" and s.value:
                s.value = _halves_in_smaller_units(_decades_in_years(s.value))
        for s in specs:
            if s.news_duration is not None:
                s.end, s.value = s.news_duration[0], _halves_in_smaller_units(s.news_duration[1])
                s.type, s.base, s.unit, s.offset = "DURATION", None, None, 0
    resolver = Resolver(text, dct, mode, years)
    out: list[Timex] = []
    results: dict[int, Timex] = {}
    day_of = _days_before_dates(text, specs)
    for spec in specs:
        if id(spec) in day_of.values():
            continue  # resolved with "the day before" it
        partner = day_of.get(id(spec))
        if partner is not None:
            res = _day_beside(resolver, spec, next(p for p in specs if id(p) == partner))
        else:
            try:
                res = resolver.resolve(spec)
            except (DateError, ValueError, OverflowError):
                res = None
        if res is None:
            continue
        resolver.commit(spec, res)
        implies = None
        if spec.anniversary and res.date is not None:
            implies = _implied(text, spec, res.date.year - spec.anniversary, spec.anniversary)
        elif spec.unit == "since" and spec.value and spec.value.startswith("P") and spec.value.endswith("Y"):
            implies = _since(text, spec, resolver)
        timex = Timex(
            start=spec.start, end=spec.end, text=text[spec.start:spec.end], type=spec.type,
            value=res.value, date=res.date, end_date=res.end_date, anchor=res.anchor,
            mod=spec.mod, role=spec.role, implies=implies,
            period=spec.period.name if spec.period else None,
        )
        results[id(spec)] = timex
        out.append(timex)
    _date_clock_times(text, specs, out)
    _year_phrases(text, out)
    weeks_of_days(text, out)
    appositive_days(text, out)
    # the start of a range carries the range's end
    starts = {s.start: s for s in specs if s.role == "start"}
    for i, timex in enumerate(out):
        if timex.role == "start":
            spec = starts.get(timex.start)
            partner = results.get(id(spec.partner)) if spec and spec.partner is not None else None
            if partner is not None:
                end = partner.end_date or partner.date
                out[i] = _replace(timex, end_date=end)
    return out


_DECADES = re.compile(r"P(\d+|X)DE\Z")


_HALF = re.compile(r"P(T?)(\d*)\.5([YMDHW])\Z")
_HALF_OF = {("", "Y"): (6, "M"), ("", "D"): (12, "TH"), ("T", "H"): (30, "M"), ("T", "M"): (30, "S")}


def _halves_in_smaller_units(value: str) -> str:
    """TimeML news writes half a unit in the next smaller one: "5 1/2 hours" PT5H30M,
    "a minute and a half" PT1M30S, "2 1/2 years" P2Y6M (ACE histories keep P2.5Y)."""
    m = _HALF.match(value)
    if not m or (m.group(1), m.group(3)) not in _HALF_OF:
        return value
    t, n, unit = m.groups()
    k, small = _HALF_OF[(t, unit)]
    whole = f"{n}{unit}" if n not in ("", "0") else ""
    if small == "TH":
        return f"P{whole}T{k}H"
    return f"P{t}{whole}{k}{small}"


def _decades_in_years(value: str) -> str:
    """TimeML news writes "two decades" as P20Y and "decades" as PXY (ISO 8601 has no
    decade designator)."""
    m = _DECADES.match(value)
    if m is None:
        return value
    return "PXY" if m.group(1) == "X" else f"P{int(m.group(1)) * 10}Y"


_CLOCK_GAP = re.compile(r"\s{0,3}(?:,\s{0,3})?(?:on|at|of)?\s{0,3}(?:,\s{0,3})?\Z", re.I)


def _date_clock_times(text: str, specs: list[Spec], out: list[Timex]) -> None:
    """"at 10 a.m. on Monday", "Monday at 10 a.m.": the clock time is on that day."""
    kinds = {s.start: s.kind for s in specs}
    for i, t in enumerate(out):
        if t is None or kinds.get(t.start) != "clock" or "T" not in t.value:
            continue
        for j in (i + 1, i - 1):
            if not 0 <= j < len(out):
                continue
            d = out[j]
            if d is None or d.type != "DATE" or len(d.value) != 10 or d.value[4] != "-" or d.date is None:
                continue
            a, b = (t, d) if j > i else (d, t)
            gap = _CLOCK_GAP.match(text, a.end, b.start)
            if gap is None or gap.end() != b.start:
                continue
            clock = t.value[t.value.index("T"):]
            date = d.date
            if t.date is not None and t.date.hour is not None:
                try:
                    date = HistoricalDate.of(d.date.year, d.date.month, d.date.day, t.date.hour, t.date.minute)
                except DateError:
                    date = d.date
            merged = _replace(t, value=d.value + clock, date=date, anchor=d.anchor)
            if not gap.group().strip(" ,"):
                # "noon Thursday", "5 p.m. EST, Nov. 6": one TIME expression (TimeML)
                merged = _replace(merged, start=a.start, end=b.end, text=text[a.start:b.end],
                                  type="TIME", role=None)
                out[j] = None
            out[i] = merged
            break
    out[:] = [t for t in out if t is not None]


_REL_YEAR = re.compile(r"(?:this|last|next)\syear\Z", re.I)
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)\Z")
_QUARTER_VALUE = re.compile(r"\d{4}-(Q[1-4])\Z")


def _year_phrases(text: str, out: list[Timex]) -> None:
    """"June last year" and "this year's third quarter" are one expression each: the
    month or quarter in the year the deictic names."""
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        gap = text[a.end:b.start]
        merged = None
        m = _MONTH_VALUE.match(a.value)
        if m and gap == " " and _REL_YEAR.match(b.text) and b.value.isdigit():
            y, mo = int(b.value), int(m.group(2))
            merged = _replace(a, end=b.end, text=text[a.start:b.end], value=f"{b.value}-{mo:02d}",
                              date=_month_date(y, mo), anchor=b.anchor, role=None)
        q = _QUARTER_VALUE.match(b.value)
        if q and gap in ("'s ", "’s ") and _REL_YEAR.match(a.text) and a.value.isdigit():
            y, n = int(a.value), int(q.group(1)[1])
            merged = _replace(b, start=a.start, text=text[a.start:b.end], value=f"{a.value}-{q.group(1)}",
                              date=_month_date(y, n * 3 - 2), end_date=_month_date(y, n * 3),
                              anchor=a.anchor, role=None)
        if merged is not None:
            out[i:i + 2] = [merged]
        i += 1


def _month_date(y: int, m: int) -> HistoricalDate | None:
    try:
        return HistoricalDate.of(y, m)
    except DateError:
        return None


def _replace(t: Timex, **changes) -> Timex:
    fields = {name: getattr(t, name) for name in t.__slots__}
    fields.update(changes)
    return Timex(**fields)


def _implied(text: str, spec: Spec, year: int, years: int) -> Implied | None:
    span = implied_phrase(text, spec.start, spec.end)
    if span is None:
        return None
    try:
        date = HistoricalDate.of(year)
    except DateError:
        return None
    return Implied(date, year_value(year), span[0], span[1], text[span[0]:span[1]], years)


def _since(text: str, spec: Spec, resolver: Resolver) -> Implied | None:
    try:
        n = int(spec.value[1:-1])
    except ValueError:
        return None
    ref, _ = resolver._reference(Spec(spec.start, spec.end, spec.kind, base="dct"))
    if ref is None:
        return None
    span = implied_phrase(text, spec.start, spec.end, since=True)
    if span is None:
        return None
    year = ref.year - n
    return Implied(HistoricalDate.of(year), year_value(year), span[0], span[1], text[span[0]:span[1]], n)
