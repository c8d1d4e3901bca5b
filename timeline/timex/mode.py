"""Whether a text talks from its own date (news) or tells a story (narrative), and the
span of years a story is about."""
from __future__ import annotations

from ..dates import HistoricalDate


def detect_mode(dct: HistoricalDate | None, explicit_years: list[int], *,
                deictic: int = 0, words: int = 0) -> str:
    """'news' when the document talks from its own date, else 'narrative'.

    A news story counts from its date: "said Tuesday", "yesterday", "last week" come
    every few hundred words, even in a story full of history ("NATO, founded in 1949,
    ... said on Thursday"). A history writes such deictic words about once in a
    thousand words, if at all; only then do the years it writes decide (narrative
    when most lie more than a year before the DCT)."""
    if dct is None:
        return "narrative"
    if words and deictic * 1000 >= DEICTIC_PER_1000 * words:
        return "news"
    if not explicit_years:
        return "news"
    if len(explicit_years) < 3:
        return "news"
    ordered = sorted(explicit_years)
    median = ordered[len(ordered) // 2]
    return "narrative" if median < dct.year - 1 else "news"


DEICTIC_PER_1000 = 1.7  # deictic expressions per 1,000 words that make a text news


def focus(explicit_years: list[int]) -> tuple[int, int] | None:
    """The span of years a text is about: Tukey's fences around the years it writes
    (quartiles -/+ 1.5 interquartile ranges, a decade at least). Dates outside it do
    not move the narrative anchor."""
    if len(explicit_years) < 8:
        return None
    ordered = sorted(explicit_years)
    q1 = ordered[len(ordered) // 4]
    q3 = ordered[(len(ordered) * 3) // 4]
    reach = max(FOCUS_MARGIN, (q3 - q1) * 3 // 2)
    return q1 - reach, q3 + reach


FOCUS_MARGIN = 10
