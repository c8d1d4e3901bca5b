"""Handlers for years and larger spans: "1998", "499-493 BC", decades, centuries, quarters
and halves of years, fiscal periods, anniversaries, spoken years ("nineteen ninety")."""
from __future__ import annotations

import re

from . import lexicon as L
from .spec import YEAR_PREPOSITIONS, Spec, _ERA_BC, _g, _mod, next_word, prev_word


def _decade(m, kind, text, s, e):
    dec = _g(m, kind, "dec").lower().replace("’", "'")
    era = _g(m, kind, "era")
    has_the = m.group().lower().lstrip().startswith("the") or bool(_g(m, kind, "pre"))
    if dec in L.DECADE_WORDS:
        if not has_the:
            return []
        n = 1900 + L.DECADE_WORDS[dec]
    elif dec.startswith("'"):
        n = 1900 + int(dec[1:3])
    else:
        digits = dec.rstrip("s").rstrip("'")
        n = int(digits)
        if len(digits) <= 2:
            if not has_the or era:
                return []
            n += 1900
    if era and _ERA_BC.search(era):
        first = 1 - (n + 9)
    else:
        first = n
    if n % 10:
        return []
    return [Spec(s, e, kind, year=first, gran="decade", mod=_mod(_g(m, kind, "pre")),
                 explicit_year=True)]


def _century(m, kind, text, s, e):
    n = L.ordinal_value(_g(m, kind, "n"))
    if not n or n > 99:
        return []
    unit = _g(m, kind, "unit").lower()
    size, gran = (100, "century") if unit == "century" else (1000, "millennium")
    bce = bool(_g(m, kind, "era") and _ERA_BC.search(_g(m, kind, "era")))
    first = 1 - n * size if bce else (n - 1) * size + 1
    return [Spec(s, e, kind, year=first, gran=gran, mod=_mod(_g(m, kind, "pre")),
                 explicit_year=True)]


def _centuries(m, kind, text, s, e):
    """"the 19th and 20th centuries": two timexes, as TimeML would tag them."""
    n1, n2 = L.ordinal_value(_g(m, kind, "n")), L.ordinal_value(_g(m, kind, "n2"))
    if not n1 or not n2 or n1 > 99 or n2 > 99:
        return []
    size, gran = (100, "century") if _g(m, kind, "unit").lower().startswith("cent") else (1000, "millennium")
    bce = bool(_g(m, kind, "era") and _ERA_BC.search(_g(m, kind, "era")))
    first = lambda n: 1 - n * size if bce else (n - 1) * size + 1  # noqa: E731
    a = Spec(s, m.end(f"{kind}__n"), kind, year=first(n1), gran=gran, explicit_year=True)
    b = Spec(m.start(f"{kind}__n2"), e, kind, year=first(n2), gran=gran, explicit_year=True)
    return [a, b]


def _yearseason(m, kind, text, s, e):
    year = int(_g(m, kind, "y"))
    if not 1000 <= year <= 2100:
        return []
    code = L.SEASONS[_g(m, kind, "season").lower()]
    return [Spec(s, e, kind, year=year, season=code, gran="season", explicit_year=True)]


_WHICH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
          "4th": 4}


_OF_AMOUNT = re.compile(r"\s{1,3}of\s{1,3}(?:[$£€¥#]|C\$|US\$|\d)")


def _partyear(m, kind, text, s, e):
    code = _g(m, kind, "code")
    if code:
        return [Spec(s, e, kind, year=int(_g(m, kind, "y2")), quarter=code.upper(),
                     gran="quarter", explicit_year=True)]
    which, part = _g(m, kind, "which").lower(), _g(m, kind, "part").lower()
    if text[m.end(f"{kind}__which")] == "-":
        s = m.start(f"{kind}__which")  # adjectival "the third-quarter report": "third-quarter"
    if part == "half":
        if not _g(m, kind, "y") and not _g(m, kind, "fy") and not _g(m, kind, "rel") and which not in ("first", "second", "1st", "2nd"):
            return []
        n = 1 if which in ("first", "1st") else 2 if which in ("second", "2nd", "latter", "last", "final") else None
        if n is None:
            return []
        q = f"H{n}"
    else:
        n = _WHICH.get(which, 4 if which in ("last", "final") else None)
        if n is None:
            return []
        q = f"Q{n}"
    spec = Spec(s, e, kind, quarter=q, gran="quarter")
    y = _g(m, kind, "y") or _g(m, kind, "fy") or _g(m, kind, "y0")
    rel = _g(m, kind, "rel")
    if y:
        spec.year, spec.explicit_year = int(y), True
    elif rel:
        r = rel.lower()
        spec.unit = "year"
        spec.base = "narr" if ("that" in r or "the" in r) else "dct"
        spec.offset = 1 if ("next" in r or "following" in r) else -1 if ("last" in r or "previous" in r) else 0
    else:
        if next_word(text, e).lower() == "of" and not _OF_AMOUNT.match(text, e):
            return []  # "the first half of the war" (but "the third quarter of $5 million" is one)
        spec.base = "ctx"
    return [spec]


def _plausible_year(n: int, text: str, s: int, e: int, strong: bool) -> bool:
    """Is a bare 4-digit number a year here? (not '1500 troops', '$2000', '2000.5')."""
    if not strong and not 1000 <= n <= 2100:
        return False
    if _STREET.match(text, e):
        return False  # "1600 Pennsylvania Avenue"
    nxt = next_word(text, e)
    low = nxt.lower()
    if low in L.COUNT_NOUNS or low.startswith("%") or low in ("per", "percent", "times"):
        return False
    if low in ("of", "to") and not strong and prev_word(text, s) in ("some", "about", "over", "nearly", "almost", "than"):
        return False
    prev = prev_word(text, s)
    if prev in ("some", "nearly", "almost", "than", "approximately", "additional",
                "extra", "another", "total", "no.", "number", "page", "p.", "pp.",
                "route", "flight", "room", "model", "rule", "resolution", "butcher", "kill",
                "killed", "lost", "with", "only", "just", "over", "under"):
        return False
    if (not strong and prev not in YEAR_PREPOSITIONS and low.endswith("s") and nxt[:1].islower()
            and low not in _NOT_PLURAL_NOUNS and prev not in ("the", "its", "his", "her", "their")):
        return False  # "1400 victims"
    return True


_STREET = re.compile(
    r"\s{1,3}(?:[A-Z][\w.’'-]*\s{1,3}){1,2}(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.?|Boulevard|"
    r"Blvd\.?|Lane|Ln\.?|Drive|Dr\.|Way|Place|Pl\.|Square|Sq\.|Court|Ct\.|Highway|Hwy\.?)(?!\w)")
_NOT_PLURAL_NOUNS = frozenset("""is was has as its his this us thus was does was
campaigns elections offensives""".split()) - {"campaigns", "elections", "offensives"}


def _year(m, kind, text, s, e):
    pre, approx = _g(m, kind, "pre"), _g(m, kind, "approx")
    theyear = _g(m, kind, "theyear")
    era0, y0 = _g(m, kind, "era0"), _g(m, kind, "y0")
    y1, era1 = _g(m, kind, "y1"), _g(m, kind, "era1")
    y2, era2, dash = _g(m, kind, "y2"), _g(m, kind, "era2"), _g(m, kind, "dash")
    mod = "APPROX" if approx else _mod(pre)
    strong = bool(pre or approx or theyear)

    def make(start, end, digits, era, *, bare_ok=True) -> Spec | None:
        n = int(digits)
        if era:
            if n < 1:
                return None
            year = 1 - n if _ERA_BC.search(era) else n
            return Spec(start, end, kind, year=year, gran="year", mod=mod,
                        approximate=bool(approx), explicit_year=True)
        if len(digits) == 4 and (1000 <= n <= 2100 or strong):
            return Spec(start, end, kind, year=n, gran="year", mod=mod,
                        approximate=bool(approx), explicit_year=True)
        if bare_ok and 100 <= n <= 999 and len(digits) == 3 and not (approx and approx.strip().lower()[:1] in "ar"):
            return Spec(start, end, kind, year=n, gran="year", mod=mod,
                        approximate=bool(approx), explicit_year=True, bare_number=n)
        return None

    if y0:
        spec = make(s, e, y0, era0)
        return [spec] if spec else []
    if not y2:
        spec = make(s, e, y1, era1)
        if spec is None or (s >= 2 and text[s - 1] in "-–" and text[s - 2].isdigit()):
            return []  # "555-1234"
        if spec.bare_number is not None and not strong:
            era_range = _ERA_RANGE_AHEAD.match(text, e)
            if prev_word(text, s) not in YEAR_PREPOSITIONS and not era_range:
                return []
            nxt = next_word(text, e)
            if not era_range and nxt and nxt[0].isalpha() and nxt[0].islower() and nxt.lower() not in (
                    "and", "the", "when", "after", "before", "until", "to", "or", "through"):
                return []
        if not era1 and spec.bare_number is None and not _plausible_year(int(y1), text, s, e, strong):
            return []
        return [spec]
    # A range: 1939-1945, 1939–45, 499-493 BC, 1914/15.
    y2_digits = y2
    if len(y2) < len(y1) and not era1:
        y2_digits = y1[: len(y1) - len(y2)] + y2
    era_first = era1 or (era2 if not era1 else None)
    first_end = m.start(f"{kind}__y1") + len(y1) + (0 if not era1 else m.end(f"{kind}__era1") - m.start(f"{kind}__y1") - len(y1))
    if era1:
        first_end = m.end(f"{kind}__era1")
    second_start = m.start(f"{kind}__y2")
    a = make(s, first_end, y1, era_first, bare_ok=bool(era_first))
    b = make(second_start, e, y2_digits, era2 or era1, bare_ok=bool(era2 or era1))
    if a is None:
        return []
    if b is None or (dash == "/" and len(y2) == 4):
        a.end = first_end
        if not era_first and not _plausible_year(int(y1), text, s, first_end, strong):
            return []
        return [a]
    bc = a.year <= 0
    if (not bc and not a.year < b.year <= a.year + 300) or (bc and not a.year < b.year):
        if bc and b.year <= 0:
            return []
        a.end = first_end
        return [a]
    if not era_first and not era2 and not _plausible_year(int(y1), text, s, first_end, True):
        return []
    b.mod = None
    a.role, b.role, a.partner = "start", "end", b
    return [a, b]


_ERA_RANGE_AHEAD = re.compile(
    r"\s?(?:[-–—]|to|and|until|till)\s?\d{1,4}\s?(?-i:B\.\s?C\.?|BCE?)", re.IGNORECASE)


def _anniversary(m, kind, text, s, e):
    word = _g(m, kind, "word")
    if word:
        n = L.ANNIVERSARY_WORDS[word.lower()]
    else:
        raw = _g(m, kind, "n")
        n = L.ordinal_value(raw) or L.number_value(raw)
    if not n or n > 5000:
        return []
    return [Spec(s, e, kind, base="dct", unit="anniversary", gran="year", anniversary=int(n))]


def _fiscal(m, kind, text, s, e):
    """The quarter a company report is about, and the same quarter a year before."""
    if _g(m, kind, "ended"):
        return [Spec(s, e, kind, type="DURATION", value="P1Y")]  # "the year ended June 30"
    if _g(m, kind, "fyear") or _g(m, kind, "fyear2") or _g(m, kind, "fyear3"):
        # "sales for the full year", "a high for the year of $42", "the first nine
        # months of the year": the year of the report
        return [Spec(s, e, kind, base="dct", unit="year", offset=0)]
    which = " ".join((_g(m, kind, "which") or "").lower().split())
    unit = _g(m, kind, "unit") or _g(m, kind, "unit2")
    if which in ("latest", "most recent") and not unit:
        return []
    if _g(m, kind, "fy4"):  # "the 1988 period": the quarter reported on, in 1988
        return [Spec(s, e, kind, base="narr", unit="fquarter", gran="quarter", year=int(_g(m, kind, "fy4")))]
    if not unit and m.group()[:4].lower() == "the ":
        s += 4  # "the year-ago results": "the" belongs to "results"
    offset = -4 if which.startswith("year-") else 0
    ordinal = _g(m, kind, "ord")
    quarter = f"Q{_WHICH[ordinal.lower()]}" if ordinal and unit and unit.lower() == "quarter" else None
    unit_name = "flatest" if which in ("latest", "most recent") else "fquarter"
    return [Spec(s, e, kind, base="narr", unit=unit_name, offset=offset, gran="quarter", quarter=quarter)]


_SPOKEN_CENTURY = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}


def _spokenyear(m, kind, text, s, e):
    if _g(m, kind, "k"):
        y = 2000
    else:
        tens = L.number_value(_g(m, kind, "t").replace("-", " "))
        if tens is None:
            return []
        y = _SPOKEN_CENTURY[_g(m, kind, "c").lower()] + int(tens)
    return [Spec(s, e, kind, year=y, gran="year", explicit_year=True)]
