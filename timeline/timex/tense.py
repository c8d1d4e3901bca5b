"""Tense from verb cues around an expression: whether "in March" looks ahead or back.

News writes future dates with past reporting verbs ("said the deal is expected in
December"), so the cues are the nearest verb and modal words, read backwards to the
sentence start, then a few words ahead.
"""
from __future__ import annotations

import re

__all__ = ["tense"]

# "U.S.", "Mr.", "Sept." are words, not sentence ends
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Co|Corp|Inc|Ltd|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|"
                   r"Gen|Gov|Sen|Rep|Jr|No)\.|[A-Za-z’']+|[.!?;:\n]")
_FUTURE = frozenset("will 'll ’ll shall upcoming intends tomorrow next "
                    "planned planning scheduled postponed expects expect payable effective "
                    "forthcoming".split())
_FUTURE_BIGRAMS = {("set", "to"), ("going", "to"), ("is", "to"), ("are", "to"),
                   ("plans", "to"), ("plan", "to"), ("expected", "to"), ("due", "to"),
                   ("to", "be"), ("would", "be"), ("scheduled", "to"),
                   ("scheduled", "for"), ("planned", "for"), ("due", "on"),
                   ("intend", "to"), ("hopes", "to"), ("hope", "to")}
_CAPITAL_CUES = frozenset("will would was were had said planned scheduled expected".split())
_SCHEDULED_BASE = frozenset("meet begin start open arrive visit resume".split())
_NOT_SCHEDULE = frozenset("did not didn't could couldn't would to".split())
_PLAN_PAST = frozenset("had previously".split())
_DEICTIC_FUTURE = frozenset("tomorrow next upcoming forthcoming".split())
_MODAL_FUTURE = frozenset("would may might".split())
# "planned", "scheduled" with no auxiliary before them: a past verb ("On Friday, the
# government planned to ...") or a participle after a noun ("a service planned for
# Saturday was cancelled"), whose clause then says whether the plan is gone
_PLAN_ED = frozenset("planned scheduled expected postponed".split())
_AUX = frozenset("is are am was were be been being 's ’s to as now still also not".split())
_GONE = frozenset("was were had".split())
_PAST_AUX = frozenset("was were had did said told ago last yesterday earlier".split())
_BESIDE = frozenset("in on at during last early late".split())
_PASSIVE_AUX = frozenset("is are be been being will would to has have".split())
_PAST = frozenset("was were had did ago last yesterday said told came went took made gave "
                  "met held began left fell won lost saw fought led sent became "
                  "brought broke chose drew drove fled flew forgot froze got grew "
                  "hid hit kept knew laid lay meant paid put ran rose sank sat shot shut "
                  "sold spent spoke stood stole struck swore swept thought threw "
                  "understood woke wore wrote bought sought caught taught found heard built "
                  "felt dealt lent bid quit withdrew arose earlier".split())
_NOT_PAST_ED = frozenset("need feed speed seed bleed breed proceed exceed succeed indeed "
                         "red bed shed wed bred fled led hundred kindred".split())
_PRESENT = frozenset("""is are am says say does do has have takes take begins starts ends
expires runs comes opens closes meets becomes remains continues holds leaves arrives
returns visits""".split())
_SCHEDULED = frozenset("takes begins starts ends expires opens closes meets arrives visits".split())


def tense(text: str, start: int, end: int) -> int:
    """+1 future, -1 past, 0 unknown, from the nearest verb cue in the sentence; -2
    certainly past ("since ..."); -3 past by the verb after a fronted date ("In January,
    the firm bought ..."), the verb of the event itself, not a report of a plan."""
    back = _WORD.findall(text, max(0, start - 90), start)
    words = []
    for w in reversed(back):
        if w in ".!?;\n":
            break
        # a capitalised word is a name ("the United States"), never a past participle
        words.append(w.lower() if w[:1].islower() or w.lower() in _CAPITAL_CUES else "")
    if words and words[0] == "since":
        return -2  # "since year-end": a point certainly past
    for i, w in enumerate(words[:16]):
        prev = words[i + 1] if i + 1 < len(words) else ""
        if (prev, w) in _FUTURE_BIGRAMS or (w in _FUTURE and not (w == "next" and i and words[i - 1] == "to")):
            # "had been due to expire Friday", "as previously planned": a plan seen
            # from the past, for a time now gone
            if _PLAN_PAST & set(words[i + 1:i + 5]) and w not in _DEICTIC_FUTURE:
                return -1
            k = i if w in _FUTURE else i + 1  # the cue word: "planned", or "planned" of "planned for"
            before = words[k + 1] if k + 1 < len(words) else ""
            if words[k] in _PLAN_ED and before and before not in _AUX and _GONE & set(_clause_ahead(text, end)):
                return -1  # "the vote planned for Friday was called off"
            return 1
        if w in _MODAL_FUTURE and (i == 0 or words[i - 1] not in ("have", "not")):
            return 1  # "said the members would join in April": future in the past
        if prev in ("be", "being") and w.endswith("ed"):
            continue  # "will be named": a passive, its tense is the auxiliary's
        if w in _PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED):
            # "the fiscal year ended Jan. 31", "crashed last February": the verb of the
            # dated event itself, not a report that may tell of a plan
            active = i + 1 >= len(words) or words[i + 1] not in _PASSIVE_AUX  # not "is heard in May"
            return -3 if w not in _PAST_AUX and active and set(words[:i]) <= _BESIDE else -1
        if w in _SCHEDULED or (w in _SCHEDULED_BASE and prev not in _NOT_SCHEDULE):
            return 1  # "the plan takes effect Jan. 1", "the leaders meet Monday": a present of schedules
        if w in _PRESENT:
            break
    ahead = _WORD.findall(text, end, min(len(text), end + 60))
    for i, w in enumerate(ahead[:8]):
        if w in ".!?;\n":
            break
        w = w.lower()
        prev = ahead[i - 1].lower() if i else ""
        if w in _PLAN_ED and i and prev not in _AUX and ahead[i - 1][:1].islower():
            return -1  # "On Friday, the government planned to ...": the planning was then
        if w in _FUTURE or (prev, w) in _FUTURE_BIGRAMS:
            return 1
        if w in _PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED):
            return -3
        if w in _PRESENT:
            break
    return 0


def _clause_ahead(text: str, end: int) -> list[str]:
    """The lower-case words after ``end`` up to the clause's end (at most eight)."""
    out = []
    for w in _WORD.findall(text, end, min(len(text), end + 60))[:8]:
        if w in ".!?;\n":
            break
        out.append(w.lower())
    return out
