"""The English words temporal expressions are made of, and what each one means.

Every table maps a lower-case surface form to its value; :mod:`.patterns` builds the
regular expressions from the keys, :mod:`.normalise` reads the values.
"""
from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], start=1):
    MONTHS[_name] = _i
# Abbreviations are only read next to a day or year (see patterns.MONTH_ABBR).
MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Month names that are also common words: read alone only after a temporal cue.
AMBIGUOUS_MONTHS = {"may", "march", "august"}

WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}
WEEKDAY_ABBR = {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4,
                "thurs": 4, "fri": 5, "sat": 6, "sun": 7}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# TimeML part-of-day codes.
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "daytime": "DT", "nighttime": "NI", "night-time": "NI",
    "dawn": "MO", "dusk": "EV", "noon": "12:00", "midday": "12:00", "midnight": "24:00",
}

CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "dozen": 12,
}
TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}

# Quantities without a number: TimeML writes them with X ("PXY").
VAGUE_QUANTITIES = {
    "a few", "few", "several", "many", "some", "a number of", "numerous", "countless", "dozens of", "hundreds of", "the", "recent",
}

# unit word -> (TimeML duration designator, whether it is a time unit (PT...))
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "weekend": ("WE", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "millennium": ("ML", False),
}
UNIT_PLURALS = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
    "nights": "night", "weeks": "week", "weekends": "weekend", "fortnights": "fortnight",
    "months": "month", "quarters": "quarter", "years": "year", "decades": "decade",
    "centuries": "century", "millennia": "millennium", "millenniums": "millennium",
    "yrs": "year", "hrs": "hour", "mins": "minute", "secs": "second",
}

DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}

# Adverbs and phrases that point at the document time without a calendar value.
REFERENCES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF", "present day": "PRESENT_REF",
    "present-day": "PRESENT_REF", "these days": "PRESENT_REF", "the time being": "PRESENT_REF",
    "to date": "PRESENT_REF", "so far": None, "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "once": None,
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the distant past": "PAST_REF", "the recent past": "PAST_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    # adjectives TimeML tags ("the current weakness", "a recent filing")
    "current": "PRESENT_REF", "recent": "PAST_REF",
}

# Anniversary words with a fixed count of years.
ANNIVERSARY_WORDS = {
    "centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200,
    "tercentenary": 300, "tricentennial": 300, "sesquicentennial": 150,
    "semicentennial": 50, "quincentenary": 500, "quincentennial": 500,
}

# Fixed-date holidays (month, day); movable ones are computed in normalise.
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new years day": (1, 1),
    "new years eve": (12, 31), "boxing day": (12, 26), "halloween": (10, 31),
    "valentine's day": (2, 14), "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17), "independence day": (7, 4), "bastille day": (7, 14),
    "armistice day": (11, 11), "veterans day": (11, 11), "veterans' day": (11, 11),
    "d-day": None, "easter": "easter", "easter sunday": "easter",
    "easter monday": "easter+1", "good friday": "easter-2", "thanksgiving": "thanksgiving",
    "thanksgiving day": "thanksgiving", "election day": "election", "new year": (1, 1),
}

# Words after a year-like number that show it counts things, not years.
COUNT_NOUNS = frozenset("""
people men women children soldiers troops casualties dead killed wounded prisoners
civilians refugees tanks aircraft planes guns ships vessels rifles horses km miles
kilometres kilometers metres meters feet ft yards tons tonnes pounds dollars euros
rubles marks francs votes seats members workers students deaths fatalities units
officers sailors marines fighters rebels insurgents persons households homes houses
lives kg mm cm mph kph hectares acres square cubic barrels points
""".split())


def number_value(text: str) -> int | float | None:
    """'two' -> 2, 'twenty-one' -> 21, '1,500' -> 1500, 'a' -> 1, 'a few' -> None."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    if t in ("a", "an", "one", "a single", "single"):
        return 1
    if t in ("half a", "half an", "a half"):
        return 0.5
    if t in ("a couple of", "couple of", "a couple"):
        return 2  # TimeML: "a couple of years" is P2Y
    if t in VAGUE_QUANTITIES:
        return None
    digits = t.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits) if "." in digits else int(digits)
    m = re.fullmatch(r"(.+?) and a half", t)
    if m:
        base = number_value(m.group(1))
        return None if base is None else base + 0.5
    total = 0
    current = 0
    for word in t.split():
        if word == "and":
            continue
        if word in ("a", "an"):
            current = max(current, 1)
            continue
        value = CARDINALS.get(word)
        if value is None:
            return None
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += value
    return total + current


def ordinal_value(text: str) -> int | None:
    """'third' -> 3, '21st' -> 21, 'twenty-first' -> 21."""
    t = text.lower().replace("-", " ").strip()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    parts = t.split()
    if len(parts) == 1:
        return ORDINALS.get(parts[0])
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS:
        return CARDINALS[parts[0]] + ORDINALS[parts[1]]
    return None
