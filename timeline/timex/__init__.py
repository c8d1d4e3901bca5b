"""English temporal expressions: find them and normalise them to TimeML TIMEX3.

``tag(text, published=...)`` returns :class:`Timex` values with character offsets,
TIMEX3 type and value, and a :class:`~timeline.dates.HistoricalDate` (or a span) where
the value names one. Anniversaries also carry the date they imply for the phrase they
date (:class:`Implied`). See :mod:`.tagger` for the design.
"""
from .model import ANCHORS, TYPES, Implied, Timex
from .tagger import as_dct, tag

__all__ = ["ANCHORS", "Implied", "TYPES", "Timex", "as_dct", "tag"]
