"""AP style in news text: state abbreviations ("Alexandria, La."), datelines
("COLUMBIA, S.C. --") and "Town, State" qualifiers, which tell the story's place."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .matching import Span
    from .tokens import Token

# AP-style state abbreviations ("Alexandria, La.", "COLUMBIA, S.C. --"): the state each
# names. Those that are also words or names ("Miss.", "Ill.", "Wash.") count only after a
# comma or a hyphen ("Tupelo, Miss."; "D-Ill."), as AP writes them after a town or party.
AP_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
    "Oreg.": "Oregon", "Pa.": "Pennsylvania", "Penn.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wisc.": "Wisconsin", "Wyo.": "Wyoming",
    "D.C.": "District of Columbia",
}
AP_AFTER_COMMA = frozenset({"Del.", "Ill.", "Ind.", "La.", "Mass.", "Miss.", "Mo.", "Ore.",
                            "Pa.", "Penn.", "Va.", "Wash.", "Ark.", "Cal.", "Tex."})
AP_BARE = frozenset(k[:-1] for k in AP_STATES if k.count(".") == 1)
DATELINE_TAIL = re.compile(
    r"(?:,\s*(?:[A-Z][A-Za-z]*\.(?:\s?[A-Z][a-z]*\.)?|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?))?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[-–—:]\s)")


def is_dateline(text: str, tokens: list[Token], s: Span) -> bool:
    """"COLUMBIA, S.C. --", "ROSWELL -", "LONDON (Reuters) -": an all-capital name
    opening a sentence, before a dash or an agency: the story's place."""
    first, last = tokens[s.i], tokens[s.j]
    if not first.initial or not all(t.word.isupper() and len(t.word) > 1
                                    for t in tokens[s.i:s.j + 1]):
        return False
    return DATELINE_TAIL.match(text, last.end) is not None


def qualify(text: str, tokens: list[Token], kept: list[Span]) -> None:
    """"Alexandria, La.", "Dublin, Ohio", "Paris, France": a town followed by a comma
    and a state or country is looked up as "Town, State" (the qualifier constrains)."""
    for a, b in zip(kept, kept[1:]):
        if a.adjective is not None or b.adjective is not None or a.state is not None:
            continue
        if text[tokens[a.hi].end:tokens[b.lo].start].strip() != ",":
            continue
        if b.state is not None:
            qualifier = b.state
        elif b.info is not None and b.info.area and b.i == b.j or (
                b.info is not None and b.info.area and b.lo == b.i and b.hi == b.j):
            qualifier = text[tokens[b.lo].start:tokens[b.hi].end]
        else:
            continue
        if a.info is not None and a.info.nation and b.info is not None and b.info.nation:
            continue  # "Benin, Ghana, Guinea": a list of countries, not a Benin in Ghana
        if a.info is not None and (a.info.pop > 0 or not a.info.area) and "," not in a.query:
            a.query = f"{a.query}, {qualifier}"
            a.cue = True
