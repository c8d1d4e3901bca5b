"""The gazetteer's place spotter, seen through the extractor's PlaceMention type."""
from __future__ import annotations

from typing import Callable

from ..resolve import resolved_from
from .events import PlaceMention


def gazetteer_spotter(gazetteer=None, *, published_year: int | None = None
                      ) -> Callable[[str], list[PlaceMention]]:
    """A spotter over the offline gazetteer: every mention resolved with the whole
    document as context; adjectives ("Mongolian") kept as weaker evidence."""
    from gazetteer.spotting import spot

    def run(text: str) -> list[PlaceMention]:
        return [PlaceMention(start=m.start, end=m.end, text=m.text,
                             place=resolved_from(m.resolution),
                             adjective=m.kind == "adjective")
                for m in spot(text, gazetteer=gazetteer, published_year=published_year)]

    return run
