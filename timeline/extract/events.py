"""Draft events from an article: every clause with a date becomes a candidate event,
dated, placed, scored and traceable to the words it came from.

The pipeline: article parts -> temporal expressions (``timeline.timex``) and place
mentions (the gazetteer's spotter) over the whole text -> one candidate per dated clause
and per implied anniversary date -> mentions of the same happening merged -> a Story
whose undated statements are kept apart, never dropped.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from ..dates import HistoricalDate, Precision
from ..model import Event, PlaceRef, Story
from . import deixis, seats
from .article import Article, place_name, read_article
from .antecedent import with_antecedent
from .datelines import after_dateline, title_case_dateline
from .headline import headline, headline_for
from .segment import Span, sentences
from .statements import (_ATTRIBUTION, _BOILERPLATE, _LEDE_NEWS, _day, _pairs, _recalls_happening,
                         _words_outside)
from .candidates import Candidate, content_words, merge
from .venues import PlaceMention, _in, _places_for, _Scene


MAX_DATES_PER_SENTENCE = 8

Spotter = Callable[[str], Sequence[PlaceMention]]


@dataclass
class Extraction:
    story: Story
    article: Article
    timexes: list = field(default_factory=list)
    mentions: list[PlaceMention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _date_of(timex) -> tuple[HistoricalDate | None, HistoricalDate | None]:
    """An event's dates: a clock time is kept to its day ("midday on Saturday" is
    Saturday on a timeline)."""
    start, end = _day(timex.date), _day(timex.end_date)
    if start is not None and end is not None and end == start:
        end = None
    return start, end


def _usable(timex) -> bool:
    """Dates that can place an event: DATE/TIME with a date, not the end half of a range."""
    return timex.type in ("DATE", "TIME") and timex.date is not None and timex.role != "end"


def _confidence(start: HistoricalDate, places: list[PlaceMention], anchor: str,
                *, borrowed: bool = False) -> float:
    """How sure the draft is: a precise, absolute date and a place named in the same
    sentence score high; places borrowed from the paragraph or article score less."""
    score = 0.45
    if start.precision >= Precision.MONTH:
        score += 0.15
    if start.precision >= Precision.DAY:
        score += 0.05
    if any(m.located and not m.adjective for m in places):
        score += 0.05 if borrowed else 0.2
    elif places:
        score += 0.05
    score += {"absolute": 0.1, "dct": 0.05}.get(anchor, 0.0)
    return round(min(score, 0.95), 2)


def _place_refs(mentions: list[PlaceMention]) -> tuple[PlaceRef, ...]:
    """Located places are pinned (the editor corrects coordinates in the draft); the
    rest keep their name so that serving the draft flags them for review."""
    refs, seen = [], set()
    for m in mentions:
        key = m.place.name if m.located else m.text
        if key in seen:
            continue
        seen.add(key)
        if m.located:
            name = m.text
            if name.lower().startswith("the ") and not m.place.name.lower().startswith("the "):
                name = name[4:]  # "the U.S." is the U.S.; The Hague keeps its article
            refs.append(PlaceRef(name=name if not m.adjective else m.place.name,
                                 lat=round(m.place.lat, 5), lon=round(m.place.lon, 5),
                                 resolved=m.place, adjective=m.text if m.adjective else None))
        elif not m.adjective:
            refs.append(PlaceRef(name=m.text, resolved=m.place))
    return tuple(refs)


def extract(raw: str | bytes, *, published: HistoricalDate | None = None,
            title: str | None = None, byline: str | None = None,
            spotter: Spotter | None = None, tagger: Callable | None = None) -> Extraction:
    """Turn article text into a draft Story of dated, located events."""
    article = read_article(raw)
    text = article.text
    notes = list(article.notes)
    if tagger is None:
        from ..timex import tag as tagger
    if spotter is None:
        from .places import gazetteer_spotter
        spotter = gazetteer_spotter(published_year=published.year if published else None)
    if published is None:
        notes.append("no publication date given (use --published YYYY-MM-DD): relative "
                      "dates such as 'next week' are left unresolved and their statements "
                      "listed as undated")
    timexes = deixis.chain([deixis.reread(t, text, published, _lead_in(text, t.start))
                            for t in tagger(text, published=published)], text)
    mentions = sorted(spotter(text), key=lambda m: m.start)
    dateline = article.dateline or title_case_dateline(article, mentions)
    # The dateline names where the report was filed, not where events happened.
    body_mentions = [m for m in mentions if not (dateline and m.start >= dateline.start
                                                 and m.end <= dateline.end)
                     and not _PERSON_BEFORE.search(text, max(0, m.start - 30), m.start)]
    actors = {(m.start, m.end) for m in body_mentions
              if seats.is_actor(text, m.start, m.end, m.place.name if m.place and m.place.name
                                and m.text.lower() == m.place.name.lower() else m.text)}
    # The setting counts every name but seats of power ("Cuba's leader" is still Cuba).
    main = _main_place([m for m in body_mentions if m.text not in seats.LANDMARK_ACTORS],
                       mentions, dateline)
    scene = _Scene(text, body_mentions, actors, main, published=published)
    place_names = {m.text for m in mentions}
    line_place = [m for m in mentions if dateline and m.located
                  and m.start >= dateline.start and m.end <= dateline.end][:1]
    if line_place:
        scene.fallback = line_place
        code = line_place[0].place.country
        scene.dateline_country = [m for m in mentions if m.located and m.place.kind == "country"
                                  and m.place.country == code][:1]
        if scene.dateline_country and scene.dateline_country[0].place.name == line_place[0].place.name:
            scene.dateline_country = []

    # The title last: its mentions merge into the body's fuller statements of the same news.
    paragraphs = article.body + ([article.title] if article.title else [])
    starts = [t.start for t in timexes]

    def timexes_in(sentence: Span) -> list:
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        return [t for t in timexes[lo:hi] if t.end <= sentence.end]

    candidates: list[Candidate] = []
    undated: list[Candidate] = []
    lede: Span | None = None  # the first sentence of news
    for paragraph in paragraphs:
        if _BOILERPLATE.search(paragraph.text):
            continue
        for sentence in sentences(text, paragraph.start, paragraph.end):
            sentence = after_dateline(text, sentence, dateline)
            if _BOILERPLATE.search(sentence.text) or sentence.text.rstrip().endswith("?"):
                continue  # a credit line, or a question (a box header, not a happening)
            dated = timexes_in(sentence)
            usable = [t for t in dated if _usable(t)]
            if _words_outside(sentence, dated) < 3:
                continue  # a time stamp ("16:14, UK, Thursday 05 April 2018"), a dateline
            if (not usable and published is not None and lede is None
                    and paragraph is not article.title and _LEDE_NEWS.search(sentence.text)):
                # The report's first statement of news ("A court has found ...") happened
                # on the day of publication.
                lede = sentence
                head = headline(sentence.text)
                places = _places_for((sentence.start, sentence.end), sentence, scene, published)
                candidates.append(Candidate(
                    title=head, start=published, end=None, text=sentence.text, places=places,
                    provenance=(sentence.start, sentence.end),
                    confidence=round(_confidence(published, places, "dct") - 0.15, 2),
                    words=content_words(head)))
                continue
            if usable:
                lede = lede or sentence
            if len(usable) > MAX_DATES_PER_SENTENCE:
                # A list of dates (a table row, a chronology) is one statement spanning
                # them, not dozens of events; say so rather than drop any.
                first = min(usable, key=lambda t: t.date.sort_key())
                last = max(usable, key=lambda t: (t.end_date or t.date).sort_key())
                notes.append(f"a sentence at {sentence.start}-{sentence.end} lists "
                             f"{len(usable)} dates: kept as one event spanning them")
                candidates.append(Candidate(
                    title=headline(sentence.text[:300]), start=first.date,
                    end=(last.end_date or last.date) if last is not first else first.end_date,
                    text=sentence.text[:2000], places=_in(sentence.start, sentence.end, body_mentions)[:20],
                    provenance=(sentence.start, sentence.end), confidence=0.3,
                    words=content_words(sentence.text[:300])))
                usable = []
            usable = _pairs(text, usable)
            for t in usable:
                if _ATTRIBUTION.search(text, max(sentence.start, t.start - 50), t.start):
                    continue  # "police said Monday": the date of the saying, not the news
                s0, s1 = t.start - sentence.start, t.end - sentence.start
                head = headline_for(sentence.text, s0, s1, lambda h, sentence=sentence: with_antecedent(
                    h, _before_word(text, sentence, h), place_names))
                clause = _clause_span(sentence, head)
                places = _places_for(clause, sentence, scene, t.date)
                start, end = _date_of(t)
                weight = 0.9 if paragraph is article.title else 1.0
                candidates.append(Candidate(
                    title=head, start=start, end=end, text=sentence.text, places=places,
                    provenance=(sentence.start, sentence.end),
                    confidence=round(_confidence(
                        start, places, t.anchor,
                        borrowed=not _in(sentence.start, sentence.end, places)) * weight, 2),
                    words=content_words(head)))
            for t in dated:
                if t.implies is None:
                    continue
                imp = t.implies
                places = scene.venues(imp.start, imp.end) or _places_for(
                    (imp.start, imp.end), sentence, scene, imp.date)
                candidates.append(Candidate(
                    title=headline(imp.text), start=imp.date, end=None,
                    text=sentence.text, places=[m for m in places if not m.adjective] or places,
                    provenance=(imp.start, imp.end),
                    confidence=round(_confidence(imp.date, places, "dct") - 0.1, 2),
                    words=content_words(imp.text)))
            if not usable and not any(t.implies for t in dated) and paragraph is not article.title:
                found = _in(sentence.start, sentence.end, body_mentions)
                places = [m for m in _places_for((sentence.start, sentence.end), sentence,
                                                 replace(scene, fallback=[])) if m.located] or \
                    [m for m in found if not m.adjective and (m.start, m.end) not in actors][:1]
                unresolved_relative = [t for t in dated if t.type in ("DATE", "TIME")]
                if (places or unresolved_relative) and _recalls_happening(sentence.text):
                    undated.append(Candidate(
                        title=with_antecedent(head := headline(sentence.text),
                                              _before_word(text, sentence, head),
                                              place_names), start=None, end=None, text=sentence.text,
                        places=places, provenance=(sentence.start, sentence.end),
                        confidence=0.3, words=content_words(sentence.text)))

    events = [_event(c) for c in merge(candidates)] + [_event(c) for c in undated]

    story_title = title or (article.title.text if article.title else None) or (
        events[0].title if events else "Untitled article")
    story = Story(
        title=story_title.strip(),
        byline=byline or (article.byline.text if article.byline else None),
        published=published,
        summary=article.body[0].text[:400] if article.body else None,
        events=tuple(_with_ids(events)),
        settings={"source": "article"} | ({"hashtags": article.hashtags} if article.hashtags else {}),
    )
    if not events:
        notes.append("no dated statement or place was found: the story is empty")
    return Extraction(story=story, article=article, timexes=timexes, mentions=mentions,
                      notes=notes)


# Present perfect in the lede: "has found ... guilty", "have arrested".
def _clause_span(sentence: Span, head: str) -> tuple[int, int]:
    """Where in the sentence the headline's words come from (for clause-level places)."""
    words = re.findall(r"[\w’'-]+", head)
    if not words:
        return sentence.start, sentence.end
    lower = sentence.text.lower()
    first = lower.find(words[0].lower())
    last = lower.rfind(words[-1].lower())
    if first < 0 or last < first:
        return sentence.start, sentence.end
    return sentence.start + first, sentence.start + last + len(words[-1])


def _main_place(body: list[PlaceMention], all_mentions: list[PlaceMention],
                dateline: Span | None) -> list[PlaceMention]:
    counts: dict[str, list[PlaceMention]] = {}
    for m in body:
        if m.located and not m.adjective:
            counts.setdefault(m.place.name, []).append(m)
    if counts:
        best = max(counts.values(), key=len)
        return [best[0]]
    if dateline:
        return [m for m in all_mentions if m.start >= dateline.start and m.end <= dateline.end][:1]
    return []


# "His brother Raul", "President Jackson", "Mr Paris": a name after a kinship word or a
# title is a person, whatever the gazetteer knows by that name.
_PERSON_BEFORE = re.compile(r"\b(?:brother|sister|son|daughter|wife|husband|father|mother|uncle|"
                            r"aunt|cousin|nephew|niece|widow|President|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
                            r"Sen\.|Rep\.|Gov\.|Gen\.|Judge|Justice|Pope|King|Queen|Prince|"
                            r"Princess|Sir|Lady|Lord|Saint|Officer|Sgt\.|Detective)\s+\Z")


def _before_word(text: str, sentence: Span, head: str) -> str:
    """The text before the headline's first word as the sentence says it ("..., and in
    2013 it lost"): where a pronoun's antecedent is looked for (600 characters)."""
    first = re.match(r"[\w’'-]+", head)
    at = re.search(rf"\b{re.escape(first.group())}\b", sentence.text, re.I) if first else None
    cut = sentence.start + (at.start() if at else 0)
    return text[max(0, cut - 600):cut]


def _lead_in(text: str, start: int) -> str:
    """The words of the sentence before a date, for its tense (bounded: 100 characters)."""
    window = text[max(0, start - 100):start]
    stop = max(window.rfind(". "), window.rfind("\n"), window.rfind("? "), window.rfind("! "))
    return window[stop + 1:]


def _with_ids(events: list[Event]) -> list[Event]:
    """Unique ids from titles, "-2", "-3"... for repeats, by the rule every format uses
    (linear in the number of repeats, issue 11)."""
    from ..identity import unique_ids

    return unique_ids(events)


def _event(c: Candidate) -> Event:
    return Event(
        id="", title=c.title, start=c.start, end=c.end, text=c.text,
        places=_place_refs(c.places), confidence=c.confidence, provenance=c.provenance,
    )


__all__ = ["Extraction", "PlaceMention", "extract", "place_name"]
