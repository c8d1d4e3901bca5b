"""The stories an app serves: loaded once, resolved once, and prepared for the views.

``app.config["STORIES"]`` lists story sources: paths or bundled names that
``timeline.formats.load_story`` reads ("demo" is the bundled demo), which are resolved
through the offline gazetteer, or ready :class:`~timeline.model.Story` values, which are
served as given (tests and benchmarks build these directly).
"""
from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from timeline.model import Story, slugify

from . import data as story_data
from .mapbuilder import MapParts, build_map
from .timeline_chart import DATASETS, lighten_vega, timeline_spec

__all__ = ["PreparedStory", "StoryLibrary", "load_source"]

log = logging.getLogger(__name__)


def load_source(source: Any) -> tuple[Story, str | None]:
    """A Story and the slug its source suggests (a bundled name such as "demo")."""
    if isinstance(source, Story):
        return source, None
    from timeline.formats import load_story  # the foundation's reader, any format
    story = load_story(source)
    hint = None
    if isinstance(source, str) and not Path(source).exists():
        hint = slugify(source)
    return story, hint


def resolve(story: Story) -> Story:
    """Fill places from the offline gazetteer, when the resolver is available."""
    try:
        from timeline.resolve import resolve_story
    except ImportError:
        return story
    try:
        return resolve_story(story)
    except ImportError as exc:
        log.warning("places not resolved (no gazetteer): %s", exc)
        return story
    except Exception:  # the page still shows the story, with its places unresolved
        log.exception("could not resolve places of %r", story.title)
        return story


def _htmlsafe_json(value: Any) -> Markup:
    """Exactly what Jinja's ``|tojson`` writes (``<``, ``>``, ``&``, ``'`` escaped)."""
    return htmlsafe_json_dumps(value, dumps=json.dumps, ensure_ascii=False, separators=(",", ":"))


@dataclass
class PreparedStory:
    """A story and the derived values the views share, computed once and kept."""

    story: Story
    slug: str
    tiles: tuple = ()
    static_url: str = "/static/"
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _details: dict = field(default_factory=dict, repr=False)

    @cached_property
    def api(self) -> dict[str, Any]:
        return story_data.story_json(self.story, self.slug)

    @cached_property
    def api_bytes(self) -> bytes:
        return json.dumps(self.api, ensure_ascii=False, separators=(",", ":")).encode()

    @cached_property
    def page(self) -> dict[str, Any]:
        return story_data.page_data(self.story, self.slug)

    @cached_property
    def map_parts(self) -> MapParts:
        tiles = tuple(self.tiles) + tuple(self.story.settings.get("tiles") or ())
        return build_map(self.story, tiles=tiles, static_url=self.static_url)

    @cached_property
    def spec(self) -> dict[str, Any]:
        rows = self.page["events"]
        positions = [r["s"] for r in rows] + [r.get("pe", r["s"]) for r in rows]
        positions += [e["s"] for e in self.page["eras"]] + [e["e"] for e in self.page["eras"]]
        extent = (min(positions), max(positions)) if positions else (2000.0, 2001.0)
        return timeline_spec(self.page["groups"], extent)

    @cached_property
    def vega_spec(self) -> dict[str, Any]:
        """The timeline compiled to Vega once here (vl-convert), so the browser skips
        loading and running the Vega-Lite compiler. Rows are added by the page."""
        import vl_convert

        from .vendor import VERSIONS

        major_minor = ".".join(VERSIONS["vega-lite"].split(".")[:2])
        spec = dict(self.spec, datasets={name: [] for name in DATASETS})
        compiled = vl_convert.vegalite_to_vega(spec, vl_version=major_minor)
        return lighten_vega(compiled)

    @cached_property
    def page_json(self) -> Markup:
        """``|tojson`` of the page data, computed once: a 100,000-event story is megabytes."""
        return _htmlsafe_json(self.page)

    @property
    def tile_sources(self) -> tuple:
        return tuple(self.tiles) + tuple(self.story.settings.get("tiles") or ())

    def detail(self, event_id: str) -> dict | None:
        if event_id not in self._details:
            event = self.story.event(event_id)
            if event is None:
                return None
            self._details[event_id] = story_data.event_detail(event)
        return self._details[event_id]


class StoryLibrary:
    """Slug -> prepared story, loaded lazily on first use and then kept."""

    def __init__(self, sources: Iterable[Any], *, resolve_places: bool = True, tiles=(),
                 static_url: str = "/static/"):
        self._sources = list(sources)
        self._resolve = resolve_places
        self._tiles = tuple(tiles or ())
        self._static_url = static_url
        self._stories: dict[str, PreparedStory] | None = None
        self._lock = threading.Lock()
        self.errors: list[str] = []

    def _load(self) -> dict[str, PreparedStory]:
        with self._lock:
            if self._stories is not None:
                return self._stories
            stories: dict[str, PreparedStory] = {}
            for source in self._sources:
                try:
                    story, hint = load_source(source)
                except Exception as exc:  # one bad file must not take the site down
                    log.error("could not load story %r: %s", source, exc)
                    self.errors.append(f"{source}: {exc}")
                    continue
                if self._resolve and not isinstance(source, Story):
                    story = resolve(story)  # Story values are taken as already resolved
                slug = story.slug or hint or slugify(story.title, fallback="story")
                base, n = slug, 2
                while slug in stories:
                    slug, n = f"{base}-{n}", n + 1
                stories[slug] = PreparedStory(story, slug, tiles=self._tiles,
                                              static_url=self._static_url)
            self._stories = stories
            return stories

    def __iter__(self):
        return iter(self._load().values())

    def __len__(self) -> int:
        return len(self._load())

    def get(self, slug: str) -> PreparedStory | None:
        return self._load().get(slug)
