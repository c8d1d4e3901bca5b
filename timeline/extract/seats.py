"""Where institutions sit, and which place names are actors rather than venues.

"The ICC issued a warrant" happened at the court's seat (The Hague), even when the
sentence names another country; "the Kremlin confirmed" is Moscow speaking, not a visit
to the Kremlin. The tables are generic (international bodies, seats of government, a
country's courts and parliament at its capital); seat names are resolved through the
gazetteer like any other name.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Institution (as written, case-sensitive where an acronym) -> seat place name.
SEATS: dict[str, str] = {
    "International Criminal Court": "The Hague", "ICC": "The Hague",
    "International Court of Justice": "The Hague", "ICJ": "The Hague",
    "Permanent Court of Arbitration": "The Hague", "Europol": "The Hague",
    "OPCW": "The Hague",
    "United Nations": "New York", "UN Security Council": "New York",
    "Security Council": "New York", "UN General Assembly": "New York",
    "General Assembly": "New York",
    "European Commission": "Brussels", "European Union": "Brussels", "EU": "Brussels",
    "NATO": "Brussels", "Nato": "Brussels", "European Council": "Brussels",
    "European Parliament": "Strasbourg", "European Court of Human Rights": "Strasbourg",
    "Council of Europe": "Strasbourg", "European Court of Justice": "Luxembourg",
    "European Central Bank": "Frankfurt", "ECB": "Frankfurt",
    "World Health Organization": "Geneva", "WHO": "Geneva", "UNHCR": "Geneva",
    "World Trade Organization": "Geneva", "WTO": "Geneva", "Red Cross": "Geneva",
    "UN Human Rights Council": "Geneva",
    "IAEA": "Vienna", "OPEC": "Vienna", "OSCE": "Vienna",
    "IMF": "Washington", "International Monetary Fund": "Washington",
    "World Bank": "Washington", "Pentagon": "Washington", "White House": "Washington",
    "State Department": "Washington", "Congress": "Washington", "Capitol": "Washington",
    "US Supreme Court": "Washington", "U.S. Supreme Court": "Washington",
    "Kremlin": "Moscow", "Duma": "Moscow", "State Duma": "Moscow",
    "Downing Street": "London", "Whitehall": "London", "Westminster": "London",
    "House of Commons": "London", "Scotland Yard": "London", "Bank of England": "London",
    "Elysee": "Paris", "Élysée": "Paris", "Elysée": "Paris", "UNESCO": "Paris",
    "OECD": "Paris", "Bundestag": "Berlin", "Bundesbank": "Frankfurt",
    "Vatican": "Vatican City", "Holy See": "Vatican City",
    "UEFA": "Nyon", "FIFA": "Zurich", "IOC": "Lausanne",
    "International Olympic Committee": "Lausanne", "Interpol": "Lyon",
    "African Union": "Addis Ababa", "Arab League": "Cairo", "ASEAN": "Jakarta",
    "Zhongnanhai": "Beijing", "Blue House": "Seoul", "Knesset": "Jerusalem",
}

# Names several countries give their own bodies: their seat here only when the article
# is set in the table's country.
SHARED_NAMES = frozenset({"Congress", "Capitol", "House of Commons", "Westminster",
                          "Security Council", "General Assembly", "Supreme Court"})

# Names that stand for a government when they act ("the Kremlin said"): never a venue.
LANDMARK_ACTORS = frozenset({"Kremlin", "White House", "Pentagon", "Downing Street",
                             "Whitehall", "Elysee", "Élysée", "Elysée", "Zhongnanhai",
                             "Blue House", "Capitol", "Vatican", "Holy See"})

# A country's own institutions sit in its capital (ISO alpha-2 -> capital).
CAPITALS: dict[str, str] = {
    "AF": "Kabul", "AL": "Tirana", "DZ": "Algiers", "AR": "Buenos Aires", "AM": "Yerevan",
    "AU": "Canberra", "AT": "Vienna", "AZ": "Baku", "BD": "Dhaka", "BY": "Minsk",
    "BE": "Brussels", "BO": "La Paz", "BA": "Sarajevo", "BR": "Brasilia", "BG": "Sofia",
    "KH": "Phnom Penh", "CM": "Yaounde", "CA": "Ottawa", "CL": "Santiago", "CN": "Beijing",
    "CO": "Bogota", "CD": "Kinshasa", "HR": "Zagreb", "CU": "Havana", "CY": "Nicosia",
    "CZ": "Prague", "DK": "Copenhagen", "EC": "Quito", "EG": "Cairo", "EE": "Tallinn",
    "ET": "Addis Ababa", "FI": "Helsinki", "FR": "Paris", "GE": "Tbilisi", "DE": "Berlin",
    "GH": "Accra", "GR": "Athens", "HU": "Budapest", "IS": "Reykjavik", "IN": "New Delhi",
    "ID": "Jakarta", "IR": "Tehran", "IQ": "Baghdad", "IE": "Dublin", "IL": "Jerusalem",
    "IT": "Rome", "JP": "Tokyo", "JO": "Amman", "KZ": "Astana", "KE": "Nairobi",
    "KP": "Pyongyang", "KR": "Seoul", "KW": "Kuwait City", "LV": "Riga", "LB": "Beirut",
    "LY": "Tripoli", "LT": "Vilnius", "MY": "Kuala Lumpur", "MX": "Mexico City",
    "MD": "Chisinau", "MN": "Ulaanbaatar", "MA": "Rabat", "MM": "Naypyidaw", "NP": "Kathmandu",
    "NL": "Amsterdam", "NZ": "Wellington", "NG": "Abuja", "NO": "Oslo", "PK": "Islamabad",
    "PE": "Lima", "PH": "Manila", "PL": "Warsaw", "PT": "Lisbon", "QA": "Doha",
    "RO": "Bucharest", "RU": "Moscow", "SA": "Riyadh", "RS": "Belgrade", "SG": "Singapore",
    "SK": "Bratislava", "SI": "Ljubljana", "ZA": "Pretoria", "ES": "Madrid",
    "LK": "Colombo", "SD": "Khartoum", "SE": "Stockholm", "CH": "Bern", "SY": "Damascus",
    "TW": "Taipei", "TH": "Bangkok", "TN": "Tunis", "TR": "Ankara", "UA": "Kyiv",
    "AE": "Abu Dhabi", "GB": "London", "US": "Washington", "UY": "Montevideo",
    "UZ": "Tashkent", "VE": "Caracas", "VN": "Hanoi", "YE": "Sanaa", "ZW": "Harare",
}

# National bodies that sit in the capital of the country named with them.
NATIONAL_BODY = re.compile(
    r"\b(?:Supreme|Constitutional|High|Federal|Appeals?|Cassation)\s+Court\b|"
    r"\b(?:[Pp]arliament|Senate|National Assembly|[Ee]lection [Cc]ommission|"
    r"[Cc]entral [Bb]ank|[Ff]oreign [Mm]inistry)\b")

_SEAT_PATTERN = re.compile(
    r"(?<![\w-])(?:the\s+)?(" + "|".join(sorted(map(re.escape, SEATS), key=len, reverse=True))
    + r")(?![\w-])")

# "Washington said", "the Kremlin has maintained": a place name as the one who speaks.
SPEECH = re.compile(
    r"^(?:['’]s\s+\w+\s+)?\s*(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:said|says|say|"
    r"confirmed|confirms|announced|announces|stated|states|insisted|insists|warned|warns|"
    r"denied|denies|rejected|rejects|maintained|maintains|remains|stands|stood|argued|"
    r"argues|claimed|claims|accused|accuses|condemned|condemns|responded|responds|"
    r"welcomed|welcomes|urged|urges|demanded|demands|called|calls|hopes|wants|believes|"
    r"declined|refused|vowed|vows|threatened|threatens)\b")


# "Russia's ambassador", "Turkey's foreign minister": the country acts, it is not a venue.
ROLE_AFTER_POSSESSIVE = re.compile(
    r"^['’]s?\s+(?:new\s+|former\s+|top\s+)?(?:ambassador|envoy|embassy|consulate|"
    r"foreign|defen[cs]e|president|prime|leader|government|military|army|navy|forces|"
    r"team|delegation|officials?|ministry|minister|longest|largest|biggest|first|"
    r"most|richest|oldest)\b", re.I)

# "ambassador to Turkey": the post is in the country's capital.
ENVOY_TO = re.compile(r"\b(?:ambassador|envoy|embassy)\s+(?:in|to)\s+(?:the\s+)?$", re.I)


def institutions(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, seat name) of every institution named in ``text``."""
    return [(start + m.start(1), start + m.end(1), SEATS[m.group(1)])
            for m in _SEAT_PATTERN.finditer(text)]


def is_actor(text: str, mention_start: int, mention_end: int, name: str) -> bool:
    """Whether the place name at [mention_start, mention_end) of ``text`` is an actor:
    a seat-of-power landmark, or a place name followed by a verb of saying/stance."""
    if name in LANDMARK_ACTORS:
        return True
    after = text[mention_end:mention_end + 40]
    return bool(SPEECH.match(after.lstrip()) or ROLE_AFTER_POSSESSIVE.match(after))


@lru_cache(maxsize=256)
def seat_place(name: str):
    """The gazetteer's place for a seat name (a ResolvedPlace), or None."""
    from gazetteer import default_gazetteer

    from ..resolve import resolved_from

    try:
        resolution = default_gazetteer().resolve(name)
    except Exception:  # noqa: BLE001 - a missing index must not break extraction
        return None
    place = resolved_from(resolution)
    return place if place.located and place.status == "resolved" else None


# Where an institution named in a clause is the one acting there (its seat is then the
# venue), not a word in someone else's clause: "the ICC issued", "the Kremlin's response",
# "at a White House meeting", "by the court" act; "EU airlines", "an ICC member state",
# "the ICC's legal obligations" (an object) and "told the UN" do not.
_AT = re.compile(r"\b(?:at|in|inside|outside|before|by|from)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
_ATTRIBUTIVE = re.compile(r"^\)?\s*(?:\([^)]*\)\s*)?(?:[A-Z][a-z]|(?:member|members|leaders?|officials?|"
                          r"states?|airlines?|countries|citizens|rules?|laws?|summit|meeting|"
                          r"chiefs?|heads?|envoys?|delegations?|missions?|staff|membership|"
                          r"budget|funds?|money|capitals?|nations?|partners?|allies|troops|"
                          r"forces|diplomats?|spokes(?:man|woman|person)|commissioner|aides?|advisers?|"
                          r"lawyers?|employees?|workers?|sources?|residence|"
                          r"legal|obligations?|attention|standards?)\b)")
_VERBISH = re.compile(r"\b(?:\w+ed|said|says|is|are|was|were|has|have|had|will|would|told|"
                      r"made|took|gave|met|came|went|got|can|could|must|should)\b", re.I)
# "the court issued a warrant": a definite description standing for the institution
# named before it.
DESCRIPTION = re.compile(r"\bthe\s+(court|tribunal|council|commission|bank|parliament|assembly|"
                         r"alliance|union|organi[sz]ation|agency|committee|fund|congress)\b")


# Unions of states are also areas: "in the EU" is within it, not at its seat.
AREA_BODIES = frozenset({"EU", "European Union", "African Union", "ASEAN", "NATO", "Nato",
                         "OPEC", "OECD", "Arab League"})
_SUBJECT_LEAD = frozenset("""the a an some many several most all both former senior top new
also then but and however meanwhile earlier later today now on in at of late last this that
after before when while although though as since because until once so where whereas
if unless""".split())


_CLAUSE_OPENER = re.compile(r"[,;:—(]|\b(?:since|because|after|before|when|while|although|though|"
                            r"as|until|and|but|that|which|who|where|if|once)\b", re.I)


def acts_here(text: str, start: int, end: int, clause_start: int) -> bool:
    """Whether the institution at [start, end) is the actor of the clause that begins at
    ``clause_start``: said with "at/in/by", or its subject (only determiners, names and
    openers before it; a verb, not a noun, after it: "EU airlines" is not the EU)."""
    name = text[start:end]
    before = text[max(clause_start, start - 30):start]
    at = _AT.search(before)
    if at:
        return not (name in AREA_BODIES and re.match(r"(?:in|inside|outside|from)\b", at.group(), re.I))
    after = text[end:end + 40]
    if not after.startswith(("'s", "’s")):
        if _ATTRIBUTIVE.match(after):
            return False
        nxt = re.match(r"\s+([a-z][\w-]*)", after)
        if nxt and not (_VERBISH.fullmatch(nxt.group(1)) or re.fullmatch(r"\w+(?:s|ly)", nxt.group(1))):
            return False  # "the EU mantra states": a noun after it, the name is a modifier
    # the subject of the innermost clause: words after the last comma or subordinator
    chunk = text[clause_start:start]
    bounds = [m.end() for m in _CLAUSE_OPENER.finditer(chunk)]
    lead = re.findall(r"[\w’'-]+", chunk[bounds[-1] if bounds else 0:])
    return len(lead) <= 6 and all(w[0].isupper() or w.lower() in _SUBJECT_LEAD or w.isdigit()
                                  for w in lead)


def described(text: str, clause_start: int, clause_end: int) -> tuple[int, int, str] | None:
    """"the court issued ..." after "the International Criminal Court": (start, end,
    seat) of the description, when an institution with that word was named before."""
    m = DESCRIPTION.search(text, clause_start, clause_end)
    if not m or not acts_here(text, m.start(), m.end(), clause_start):
        return None
    word = m.group(1).lower()
    named = [(s0, name) for s0, _, name in _named_before(text[max(0, m.start() - 2000):m.start()])
             if word in name.lower()]
    if not named:
        return None
    return m.start(), m.end(), SEATS[named[-1][1]]


def _named_before(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(1), m.end(1), m.group(1)) for m in _SEAT_PATTERN.finditer(text)]
