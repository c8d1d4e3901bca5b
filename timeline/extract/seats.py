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
