"""Short headlines from clauses: "Russian President Vladimir Putin is set to visit
Mongolia on September 3, ..." becomes "Putin to visit Mongolia".

Rules, not a parser: pick the clause that holds the date, drop the date with its
preposition, and write it the way headlines are written (no auxiliaries, a surname for
a titled person, no trailing clutter). The editor fixes the rest; the source sentence
stays in the event's text.
"""
from __future__ import annotations

import re

MAX_WORDS = 10
# Where a long headline may be cut without leaving a fragment: before a subordinate or
# reported part ("..., saying", "that ...", "who ...").
_CUT = re.compile(r",\s|\s(?=(?:that|who|which|whom|where|while|saying|because|although|"
                  r"though|as|after|before|but|amid|despite|including|when|since|until|"
                  r"so|and\s+(?:he|she|it|they|then|was|were|is|are|has|had))\s)", re.I)

_SUBORDINATORS = re.compile(
    r"\b(?:since|after|before|when|while|because|although|though|as|until|unless|whereas|"
    r"which|who|whom|whose|where|including|following|amid|despite)\b", re.I)
_LEADING = re.compile(
    r"^(?:(?:and|but|or|so|yet|then|however|meanwhile|moreover|also|later|earlier|"
    r"previously|finally|eventually|subsequently|thus|therefore|still|instead|"
    r"since|after|before|when|while|because|although|though|as|until|including|following|"
    r"during [\w’' ]+?|in [\w’' ]+? of|by|on|in|at|that|which|who|whom|whose)\b[,\s]*)+", re.I)
_TITLES = (r"President|Prime Minister|Premier|Chancellor|King|Queen|Prince|Princess|Emperor|"
           r"Empress|General|Gen\.|Marshal|Admiral|Colonel|Secretary(?: of State)?|"
           r"Foreign Minister|Minister|Pope|Senator|Sen\.|Governor|Gov\.|Mayor|Judge|Justice|"
           r"Chairman|Leader|Commander|Dr\.|Mr\.|Mrs\.|Ms\.|Sir|Lord|Lady|Sheikh|Tsar|Czar")
_PERSON = re.compile(
    rf"\b(?:(?:former|then|late|outgoing|incoming|acting)\s+)?(?:[A-Z][a-z]+\s+)?"
    rf"(?:{_TITLES})\s+(?:[A-Z][\w’'-]+\s+){{0,2}}(?P<surname>[A-Z][\w’'-]+)")
_AUXILIARY = [
    (re.compile(r"\b(?:is|are|was|were)\s+(?:set|due|expected|scheduled|poised|going)\s+to\b"), "to"),
    (re.compile(r"\bwill\s+be\s+(?=\w+(?:ed|en)\b)"), "to be "),
    (re.compile(r"\bwill\s+(?!be\b)(?=\w)"), "to "),
    (re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?=\w+ed\b)"), ""),
    (re.compile(r"\b(?:was|were)\s+(?=\w+ed\b)"), ""),
]
_DANGLING = re.compile(r"(?:\s+(?:the|a|an|of|in|on|at|to|for|by|with|from|and|or|but|as|"
                       r"that|which|who|its|his|her|their|is|are|was|were|be|been|has|have|had|will|would|not|"
                       r"over|into|about|after|before|than|there|also|this|these|those|"
                       r"our|my|your|per|via|against|between|among|amid|up|out|could|should|can|may|might|"
                       r"must|shall|do|does|did))+$", re.I)
_DATE_PREPOSITION = re.compile(r"(?:\b(?:on|in|at|by|since|during|from|until|till|through|"
                               r"throughout|around|about|early|late|mid|of|for)\s+)+$", re.I)


def _clause(sentence: str, date_start: int, date_end: int) -> tuple[str, int, int]:
    """The comma- or subordinator-bounded stretch of ``sentence`` around the date."""
    bounds = [0]
    for m in re.finditer(r"[;:,—–()]|\s-\s", sentence):
        bounds.append(m.end())
    for m in _SUBORDINATORS.finditer(sentence):
        bounds.append(m.start())
    bounds = sorted(set(bounds))
    left = max((b for b in bounds if b <= date_start), default=0)
    rights = [m.start() for m in re.finditer(r"[;:,—–()]|\s-\s", sentence) if m.start() >= date_end]
    rights += [m.start() for m in _SUBORDINATORS.finditer(sentence) if m.start() >= date_end]
    right = min(rights, default=len(sentence))
    clause = sentence[left:right]
    # A date with little else around it ("On 1 September 1939, ...") borrows a clause:
    # the one after it when it opens the sentence, else the one before.
    if len(_words(clause)) - len(_words(sentence[date_start:date_end])) < 3:
        if left == 0 or sentence[:left].strip() == "" or right < len(sentence) and left < 3:
            later = min((r for r in rights if r > right), default=len(sentence))
            right = later
        else:
            left = max((b for b in bounds if b < left - 1), default=0)
        clause = sentence[left:right]
    return clause, left, right


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def headline(sentence: str, date_start: int | None = None, date_end: int | None = None) -> str:
    """A headline for the clause of ``sentence`` that holds the date at [date_start, date_end)."""
    text = sentence
    if date_start is not None and date_end is not None:
        clause, left, _ = _clause(sentence, date_start, date_end)
        s, e = date_start - left, date_end - left
        before = _DATE_PREPOSITION.sub("", clause[:s]).rstrip()
        text = f"{before} {clause[e:].lstrip(' ,')}".strip()
    text = re.sub(r"^[A-Z][A-Z .'’-]{1,40}:\s*", "", text)  # a dateline ("MOSCOW:")
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = _PERSON.sub(lambda m: m.group("surname"), text)
    for pattern, replacement in _AUXILIARY:
        text = pattern.sub(replacement, text)
    text = _LEADING.sub("", text.strip(" ,;:-—–\"“”'‘’"))
    text = re.sub(r"^(?:the|a|an)\s+(?=[^\d\s])", "", text, flags=re.I)
    text = _shorten(text)
    text = _DANGLING.sub("", text).strip(" ,;:-—–\"“”'‘’.")
    if not text:
        return sentence.strip()[:80]
    text = _balance_quotes(text)
    return text[0].upper() + text[1:]


_PRONOUN = re.compile(r"^(He|She|His|Her)\s")
_SUBJECT_RUN = re.compile(r"^(?:The\s+)?((?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'-]+)(?:,|\s+[a-z])")
_NOT_NAMES = frozenset("""The A An In On At After Before When While As But And Or So Yet If
This That These Those It They We He She His Her Its Their There Here Police Officials
""".split())


def with_antecedent(head: str, before: str, places: set[str] = frozenset()) -> str:
    """ "He ordered ..." -> "Erdogan ordered ..." when the sentence just before is about a
    named person ("Turkish President Recep Tayyip Erdogan said ..."); otherwise unchanged:
    a wrong name is worse than a pronoun."""
    m = _PRONOUN.match(head)
    if not m:
        return head
    previous = re.split(r"(?<=[.!?])[\"”’]?\s+", before.strip())[-1] if before.strip() else ""
    run = _SUBJECT_RUN.match(previous)
    if not run:
        return head
    words = run.group(1).split()
    surname = re.sub(r"['’]s$", "", words[-1])
    if (words[0] in _NOT_NAMES or surname in _NOT_NAMES or surname in places
            or run.group(1) in places or not surname[1:].islower() and "-" not in surname):
        return head
    if len(words) == 1 and not re.search(rf"[A-Z][\w’'-]+\s+{re.escape(surname)}\b", before):
        return head  # "Critics called him ...": a lone capital is a name only if seen in full
    return (f"{surname}'s " if m.group(1) in ("His", "Her") else f"{surname} ") + head[m.end():]


def headline_for(sentence: str, date_start: int, date_end: int) -> str:
    """The clause's headline; when the clause alone is too thin ("Was born", "UK"), the
    whole sentence's, with the date taken out."""
    head = headline(sentence, date_start, date_end)
    if len(head.split()) >= 3:
        return head
    before = _DATE_PREPOSITION.sub("", sentence[:date_start]).rstrip()
    whole = headline(f"{before} {sentence[date_end:].lstrip(' ,')}".strip())
    return whole if len(whole.split()) > len(head.split()) else head


def _shorten(text: str) -> str:
    """At most MAX_WORDS words, cut where a clause ends rather than mid-phrase."""
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text.strip(" ,;:-—–\"“”'‘’.")
    cuts = [m.start() for m in _CUT.finditer(text)
            if 3 <= len(text[:m.start()].split()) <= MAX_WORDS]
    if cuts:
        return text[:cuts[-1]].strip(" ,;:-—–\"“”'‘’.")
    return " ".join(words[:MAX_WORDS]).strip(" ,;:-—–\"“”'‘’.")


def _balance_quotes(text: str) -> str:
    """A headline cut inside a quotation drops the unmatched quote mark."""
    if text.count('"') % 2:
        i = text.rfind('"')
        text = (text[:i] + text[i + 1:]).strip()
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    return text
