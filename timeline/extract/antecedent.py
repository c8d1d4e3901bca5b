"""A headline's pronoun subject replaced by what it stands for, from the sentences before.

"He ordered top officials to ..." after "Putin said in televised remarks." becomes
"Putin ordered top officials to ..."; "it lost the popular vote" after "Support for
Najib's ruling coalition has dwindled" becomes "Najib's ruling coalition lost ...".
Rules of English reference, not a parser: he/she/his/her take the nearest person named
(the subject-most name of the closest sentence that names one), it/its the nearest
singular noun phrase that is not a person, a time or a number, they/their the nearest
plural one. When nothing fits, the pronoun stays: a wrong name is worse than a pronoun.
"""
from __future__ import annotations

import re

from .headline import _PERSON

_PRONOUN = re.compile(r"^(He|She|His|Her|It|Its|They|Their)\b(?!['’])\s*")
_NOT_NAMES = frozenset("""The A An In On At After Before When While As But And Or So Yet If
This That These Those It They We He She His Her Its Their There Here Police Officials
Mr Mrs Ms Dr Sir Lord Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December Today
According Last Next Earlier Later Meanwhile However Also Speaking Asked Then Now""".split())
_FULL_NAME = re.compile(r"\b([A-Z][a-z][\w’'-]*(?:\s+[A-Z]\.)?(?:\s+(?:bin|al-|de|van|von|"
                        r"da|di|le|la)?\s*[A-Z][\w’'-]+){1,5})")
_LONE_SUBJECT = re.compile(r"([A-Z][a-z][\w-]+)\s+(?:\w+ed|said|told|met|went|took|made|came|gave|"
                           r"left|won|lost|was|had|has|became|began|spoke|wrote|flew|fled)\b")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")
# A noun phrase: a determiner or a possessive name, up to three lower-case words.
_ORG = re.compile(r"\b((?:[A-Z][\w&’'-]+\s+){0,3}(?:Airport|Council|Court|Party|Company|"
                  r"Ministry|Police|Department|Government|University|Bank|Agency|Office|"
                  r"Committee|Commission|Association|Service|Group|Corporation|Airlines?|"
                  r"Club|Union|Board|Authority|Parliament|Church|School|Hospital|Energy|"
                  r"Press|Times|Post|Network|Foundation|Institute|Federation))\b")
_NP = re.compile(r"\b(?:(?P<det>[Tt]he|[Tt]his|[Tt]hese|[Tt]hose)|(?P<owner>[A-Z][\w’'-]+['’]s))\s+"
                 r"(?P<words>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)")
_NOT_NOUN = frozenset("""is are was were be been has have had will would can could may might
must shall should do does did said says not who which that of in on at to for by with from
and or but as than then also said told into over after before during since about against
between while when if because although though so there it he she they we you its his her
their our a an the very just now where whether""".split())
_TIME_OR_AMOUNT = re.compile(r"^(?:year|month|week|day|time|moment|night|morning|evening|"
                             r"afternoon|hour|minute|decade|century|period|number|rest|"
                             r"end|start|beginning|first|last|same|other|one|way|case|fact|"
                             r"issue|thing|idea|point|reason)s?$|^(?:two|three|four|five|six|seven|"
                             r"eight|nine|ten|several|many|few|all|both|each|some|most|next|"
                             r"new|former|own|such|only|more|less|latest|recent|previous)$")
_PERSON_NOUN = re.compile(r"^(?:man|woman|boy|girl|child|son|daughter|wife|husband|mother|"
                          r"father|brother|sister|president|minister|leader|official|"
                          r"gunman|suspect|victim|driver|officer|spokesman|spokeswoman|"
                          r"chief|judge|player|coach|owner|teen|teenager|student)$")


_PAST = frozenset("""met went took made came gave left found held lost won told began ran saw
got put set led hit shot fled fell sent built paid kept brought thought became struck spent
sold stood rose grew drew wrote spoke broke chose drove flew""".split())


def _noun_of_number(word: str, plural: bool) -> bool:
    if word in _NOT_NOUN or _TIME_OR_AMOUNT.match(word) or _PERSON_NOUN.match(word):
        return False
    if re.fullmatch(r"\w+(?:ing|ly)", word):
        return False
    return (word.endswith("s") and not word.endswith("ss")) == plural


def _sentences_back(before: str, n: int = 2) -> list[str]:
    """The last ``n`` sentences of ``before``, nearest first."""
    parts = [p for p in _SENTENCE.split(before.strip()) if p.strip()]
    return list(reversed(parts[-n:]))


def _person(before: str, places: set[str]) -> str | None:
    # a lone surname counts when the text gave the full name before ("Fidel Castro ...
    # Castro came to power")
    seen = {re.sub(r"['’]s$", "", m.group(1).split()[-1]) for m in _FULL_NAME.finditer(before)
            if m.group(1).split()[0] not in _NOT_NAMES}
    for sentence in _sentences_back(before):
        names = [(m.start(), m.group(1)) for m in re.finditer(r"\b([A-Z][a-z][\w-]+)\b(?!\s+[A-Z])",
                                                               sentence) if m.group(1) in seen]
        for m in _PERSON.finditer(sentence):
            names.append((m.start(), m.group("surname")))
        # "Karlov joined the service": a lone capital opening the sentence before a verb
        # in the past is its subject (not "Critics called": plurals are not names)
        lone = _LONE_SUBJECT.match(sentence)
        if lone and lone.group(1) not in _NOT_NAMES and not lone.group(1).endswith("s"):
            names.append((0, lone.group(1)))
        for m in _FULL_NAME.finditer(sentence):
            words = [w for w in m.group(1).split() if w[0].isupper()]
            if (words[0] in _NOT_NAMES or m.group(1) in places or any(w in places for w in words)
                    or not all(w[1:2].islower() or "-" in w for w in words)):
                continue
            names.append((m.start(), re.sub(r"['’]s$", "", words[-1])))
        names = [(at, s) for at, s in names if s not in _NOT_NAMES and s not in places]
        if names:
            return min(names)[1]
    return None


def _noun_phrase(before: str, plural: bool) -> str | None:
    for sentence in _sentences_back(before):
        found = None
        for m in _NP.finditer(sentence):
            words = []
            for w in m.group("words").split():
                if w in _NOT_NOUN or w in _PAST or re.fullmatch(r"\w+(?:ed|ly)", w):
                    break
                words.append(w)
            # the longest run whose last word is a noun of the pronoun's number
            while words and not _noun_of_number(words[-1], plural):
                words.pop()
            if not words:
                continue
            owner = m.group("owner")
            found = f"{owner} {' '.join(words)}" if owner else " ".join(words)
            break  # the subject-most phrase of the nearest sentence
        if not plural:
            org = _ORG.search(sentence)
            if org and (found is None or org.start() < sentence.find(found)):
                found = org.group(1)
        if found:
            return found
    return None


def with_antecedent(head: str, before: str, places: set[str] = frozenset()) -> str:
    """``head`` with a leading pronoun replaced by its antecedent, when one is found."""
    m = _PRONOUN.match(head)
    if not m or len(head) == m.end():
        return head
    pronoun, rest = m.group(1), head[m.end():]
    if pronoun in ("He", "She", "His", "Her"):
        name = _person(before, places)
        if name is None:
            return head
        return f"{name}'s {rest}" if pronoun in ("His", "Her") else f"{name} {rest}"
    phrase = _noun_phrase(before, plural=pronoun in ("They", "Their"))
    if phrase is None:
        return head
    phrase = phrase[0].upper() + phrase[1:]
    if pronoun in ("Its", "Their"):
        return f"{phrase}' {rest}" if phrase.endswith("s") else f"{phrase}'s {rest}"
    return f"{phrase} {rest}"
