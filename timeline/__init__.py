"""The story model, its formats, dates and ordering: pure values, no web, no network."""
from .dates import DateError, HistoricalDate, Precision, parse_date
from .model import Candidate, Era, Event, Media, PlaceRef, ResolvedPlace, Source, Story, ordered, slugify

__all__ = [
    "Candidate", "DateError", "Era", "Event", "HistoricalDate", "Media", "PlaceRef",
    "Precision", "ResolvedPlace", "Source", "Story", "ordered", "parse_date", "slugify",
]
