"""Short headlines from clauses: "Russian President Vladimir Putin is set to visit
Mongolia on September 3, ..." becomes "Putin to visit Mongolia".

Rules, not a parser: pick the clause that holds the date, drop the date with its
preposition, and write it the way headlines are written (no auxiliaries, a surname for
a titled person, no trailing clutter). The editor fixes the rest; the source sentence
stays in the event's text.
"""
from __future__ import annotations

import re
from typing import Callable

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
    (re.compile(r"\bwill\s+(?!be\b|not\b|never\b)(?=\w)"), "to "),
    (re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?=\w+ed\b)"), ""),
    (re.compile(r"\b(?:was|were)\s+(?=\w+ed\b)"), ""),
]
_DANGLING = re.compile(r"(?:\s+\S+['’]s|\s+(?:the|a|an|of|in|on|at|to|for|by|with|from|and|or|but|as|"
                       r"that|which|who|its|his|her|their|is|are|was|were|be|been|has|have|had|will|would|not|"
                       r"over|into|about|after|before|than|there|also|this|these|those|"
                       r"our|my|your|per|via|against|between|among|amid|up|out|could|should|can|may|might|"
                       r"must|shall|do|does|did|onto|under|during|since|until|no|very|here|upon|off|down|"
                       r"within|without|whose|whom|whether|where|if|when|while|because|although|"
                       r"though|nor|yet|so|am|being|just))+$", re.I)
_DATE_PREPOSITION = re.compile(r"(?:\b(?:on|in|at|by|since|during|from|until|till|through|"
                               r"throughout|around|about|early|late|mid|of|for)\s+)+$", re.I)


# Clause bounds: punctuation, but not the comma of "506,994" or "$100,000".
_BOUND = re.compile(r"[;:—–()]|,(?!\d{3})|\s-\s")
# An introductory phrase before the subject ("In a statement, ...", "Alongside a small
# group of addicts, ..."): dropped when a clause follows it.
_INTRO = re.compile(r"^(?:in|on|at|after|before|alongside|along|during|following|despite|with|"
                    r"without|for|from|under|since|while|when|although|though|as|because|"
                    r"finally|yet|thus|however|meanwhile|also|instead|today|now|then|later|"
                    r"earlier|according to|speaking|asked|separately|overall|"
                    r"(?:[\w-]+\s+){1,3}(?:later|earlier|ago|afterwards|before))\b[^,;:\"“”]{0,80},\s+"
                    r"(?=\S+\s+\S+\s+\S)", re.I)
_PARENTHETICAL = re.compile(r",\s*(?:however|though|meanwhile|also|too|in turn|for example|"
                            r"for instance|nonetheless|nevertheless|moreover|in fact|instead),", re.I)
# "The five airlines agreed": a definite number before its noun is dropped with the article
# (the set is known); "38-year-old Vermelhudo": the age goes.
_DEFINITE_COUNT = re.compile(r"^(?:[Tt]he|[Tt]hese|[Tt]hose|[Aa]ll)\s+(?:two|three|four|five|six|"
                             r"seven|eight|nine|ten|\d+)\s+(?=[a-z]+s\b|[A-Z])")
_AGE = re.compile(r"^(?:the\s+)?\d{1,3}[- ]year[- ]old\s+(?=[A-Z]|[a-z]+\s)", re.I)
# "There will be further disruption": the existential goes, the noun phrase stays.
_EXISTENTIAL = re.compile(r"^there\s+(?:is|are|was|were|will\s+be|would\s+be|has\s+been|"
                          r"have\s+been|had\s+been)\s+(?!no\b)", re.I)


_RELATION_TO_COMMA = re.compile(r"\s+(?:later|earlier|afterwards?|before|after|prior\s+to)\b"
                                r"[^,.;:]{0,40},")
# "It came (a day) before a key meeting ...": the headline is the meeting.
_CAME_BEFORE = re.compile(r"^(?:it|this|that)\s+(?:came|was|happened|occurred|followed)\s+"
                          r"(?:just\s+|only\s+)?(?:before|after|ahead\s+of)\s+(?:the\s+|a\s+|an\s+)?",
                          re.I)


# "A man who fatally stabbed ... has been found guilty": the subject without its relative
# clause, up to the main verb's auxiliary.
_RELATIVE_SUBJECT = re.compile(r"^(?P<np>(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+"
                               r"(?:who|that)\s+(?!(?:has|have|had|is|are|was|were|will)\b)"
                               r"[^,;:\"“”]{5,160}?\s+(?=(?:has|have|had|is|are|was|were|will)\s)")
# Some word of a headline is a verb: a fragment ("South of Cairns") has none.
_VERBISH = re.compile(r"\b(?:[a-z]\w*(?:ed|s)|to\s+[a-z]\w*|is|are|was|were|be|been|has|have|had|"
                      r"won|lost|met|made|took|gave|went|came|left|led|held|hit|shot|fled|fell|"
                      r"sent|built|paid|kept|began|became|rose|struck|sold|told|said|found|"
                      r"got|put|set|ran|saw|won|broke|chose|drove|flew|spoke|wrote|stood|"
                      r"quit|cut|let|lead|win|lose|meet|face|hold|open|close|die|kill|hit|"
                      r"strike|sign|seek|vote|ban|back|join|launch|warn|urge|deny|call|arrest|"
                      r"charge|sue|plan|set|end|begin|start|return|visit)\b")


def _clause(sentence: str, date_start: int, date_end: int) -> tuple[str, int, int]:
    """The comma- or subordinator-bounded stretch of ``sentence`` around the date."""
    bounds = [0]
    for m in _BOUND.finditer(sentence):
        bounds.append(m.end())
    for m in _SUBORDINATORS.finditer(sentence):
        bounds.append(m.start())
    bounds = sorted(set(bounds))
    left = max((b for b in bounds if b <= date_start), default=0)
    rights = [m.start() for m in _BOUND.finditer(sentence) if m.start() >= date_end]
    rights += [m.start() for m in _SUBORDINATORS.finditer(sentence) if m.start() >= date_end]
    right = min(rights, default=len(sentence))
    clause = sentence[left:right]
    # A date with little else around it ("On 1 September 1939, ...") borrows a clause:
    # the one after it when it opens the sentence, else the one before.
    if len(_words(clause)) - len(_words(sentence[date_start:date_end])) < 3:
        previous = sentence[max((b for b in bounds if b < left - 1), default=0):left]
        if (left == 0 or sentence[:left].strip() == "" or right < len(sentence) and left < 3
                or right < len(sentence) and len(_words(previous)) < 4):
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
        # "Three days after the attack, ...": the relation belongs to the date
        relation = _RELATION_TO_COMMA.match(sentence, date_end)
        date_end = relation.end() if relation else date_end
        clause, left, _ = _clause(sentence, date_start, date_end)
        s, e = date_start - left, date_end - left
        before = _DATE_PREPOSITION.sub("", clause[:s]).rstrip()
        text = f"{before} {clause[e:].lstrip(' ,')}".strip()
    text = " ".join(text.split())  # hard-wrapped lines, indentation
    text = re.sub(r"^[A-Z][A-Z .'’-]{1,40}:\s*", "", text)  # a dateline ("MOSCOW:")
    text = re.sub(r",\s*\d{1,3},\s*", " ", text)  # an age ("Hickson, 34, admitted")
    text = _RELATIVE_SUBJECT.sub(r"\g<np> ", text)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.sub(r"\s*\([^)]*$", "", text)  # a parenthesis the clause cut open
    text = _PARENTHETICAL.sub("", text)
    text = _INTRO.sub("", text.lstrip(" ,;:-—–"))
    text = _EXISTENTIAL.sub("", text)
    text = _CAME_BEFORE.sub("", text)
    text = _AGE.sub("", text)
    text = _PERSON.sub(lambda m: m.group("surname"), text)
    for pattern, replacement in _AUXILIARY:
        text = pattern.sub(replacement, text)
    text = _LEADING.sub("", text.strip(" ,;:-—–\"“”'‘’"))
    text = _DEFINITE_COUNT.sub("", text)
    text = re.sub(r"^(?:the|a|an)\s+(?=[^\d\s])(?!(?:one|two|three|four|five|six|seven|eight|"
                  r"nine|ten|first|second|third)\b)", "", text, flags=re.I)
    text = _shorten(text)
    text = _DANGLING.sub("", text).strip(" ,;:-—–\"“”'‘’.")
    if not text:
        return sentence.strip()[:80]
    text = _balance_quotes(text)
    return text[0].upper() + text[1:]


_PRONOUN_START = re.compile(r"^(?:i|me|my|we|us|our|you|your|he|him|his|she|her|it|its|they|"
                            r"them|their|this|that|these|those|who|which|what|there|here|"
                            r"one|someone|something)\b", re.I)
_NUMBER_START = re.compile(r"^(?:\d|[$£€]|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|"
                           r"millions?|dozens?|first|second|third)\b)", re.I)
_CONJUNCTION_START = re.compile(r"^(?:and|but|or|nor|so|yet|for|because|although|though|while|"
                                r"when|if|unless|since|after|before|as|until|whereas|whether|"
                                r"once|than|that|however|also|then)\b", re.I)


def reads_as_headline(head: str) -> bool:
    """The shape a timeline headline has (issue 14): 3-12 words, a noun phrase or name
    first (not a pronoun, conjunction or number), its last word not a function word,
    quotes and brackets closed."""
    words = _words(head)
    if not 3 <= len(words) <= 12:
        return False
    if _PRONOUN_START.match(head) or _NUMBER_START.match(head) or _CONJUNCTION_START.match(head):
        return False
    if _DANGLING.search(head) or head.count('"') % 2 or head.count("“") != head.count("”"):
        return False
    if not _VERBISH.search(head):
        return False
    return head.count("(") == head.count(")")


def headline_for(sentence: str, date_start: int, date_end: int,
                 resolve: Callable[[str], str] = lambda head: head) -> str:
    """The clause's headline; when it does not read as one (too thin, "Was born"; a
    pronoun or number first; a cut phrase), the whole sentence's with the date taken
    out, if that reads better. ``resolve`` replaces a pronoun subject (see antecedent)."""
    head = resolve(headline(sentence, date_start, date_end))
    if reads_as_headline(head):
        return head
    before = _DATE_PREPOSITION.sub("", sentence[:date_start]).rstrip()
    whole = resolve(headline(f"{before} {sentence[date_end:].lstrip(' ,')}".strip()))
    if reads_as_headline(whole) or len(head.split()) < 3 < len(whole.split()):
        return whole
    return head


def _shorten(text: str) -> str:
    """At most MAX_WORDS words, cut where a clause ends rather than mid-phrase."""
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text.strip(" ,;:-—–\"“”'‘’.")
    cuts = [m.start() for m in _CUT.finditer(text)
            if 3 <= len(text[:m.start()].split()) <= MAX_WORDS]
    if cuts:
        return text[:cuts[-1]].strip(" ,;:-—–\"“”'‘’.")
    # else before a prepositional phrase, so that the headline ends on its noun
    cuts = [m.start() for m in _PHRASE.finditer(text)
            if 4 <= len(text[:m.start()].split()) <= MAX_WORDS
            and not _DANGLING.search(text[:m.start()])
            and not _VERB_BEFORE.search(text[:m.start()])]
    if cuts:
        return text[:cuts[-1]].strip(" ,;:-—–\"“”'‘’.")
    return " ".join(words[:MAX_WORDS]).strip(" ,;:-—–\"“”'‘’.")


# "an event put | on by ...": a particle after a verb is not where a phrase starts.
_VERB_BEFORE = re.compile(r"(?:\w+(?:ed|ing)|put|set|held|made|taken|carried|brought|"
                          r"turned|called|handed|laid|paid|sent|left|given|kept)$", re.I)
_PHRASE = re.compile(r"\s(?=(?:of|in|on|at|for|with|from|by|to|into|over|under|during|like|"
                     r"near|against|between|through|across|about|toward|towards|without|"
                     r"within|amid|among|per|via)\s)", re.I)


def _balance_quotes(text: str) -> str:
    """A headline cut inside a quotation drops the unmatched quote mark."""
    if text.count('"') % 2:
        i = text.rfind('"')
        text = (text[:i] + text[i + 1:]).strip()
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    return text
