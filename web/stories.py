"""The stories an app serves: loaded once, resolved once, and prepared for the views.

``app.config["STORIES"]`` lists story sources: paths or bundled names that
``timeline.formats.load_story`` reads ("demo" is the bundled demo), which are resolved
through the offline gazetteer, or ready :class:`~timeline.model.Story` values, which are
served as given (tests and benchmarks build these directly).

A source that cannot be served is left out, never dropped silently: ``reports`` keeps
one :class:`SourceReport` per source with problems (a story left out, or the entries
skipped from a served story when ``skip_invalid``), so ``serve`` can refuse to start and
the library page can say what is missing.
"""
from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from gazetteer.errors import GazetteerError
from timeline.errors import Problem, StoryFormatError, StoryNotFoundError
from timeline.model import Story, slugify
from timeline.tiles import TileSource, TileSourceError, host_allowed, parse_tile_source

from .views import data as story_data
from .content.localmedia import folder_of
from .content.media import MediaPolicy, csp_sources, parse_media_hosts
from .slugs import source_name, story_slug
from .exports.mapbuilder import MapParts, build_map
from .exports.timeline_chart import DATASETS, lighten_vega, timeline_spec

if TYPE_CHECKING:
    from timeline.formats import LoadResult

__all__ = ["PreparedStory", "SourceReport", "StoryLibrary", "load_source", "story_slug",
           "operator_tiles"]

log = logging.getLogger(__name__)
# The problems of story sources, on a logger of their own so that a caller which prints
# them itself (``serve``) can keep them from being printed twice.
problem_log = logging.getLogger(f"{__name__}.problems")


def operator_tiles(tiles: Iterable[Any]) -> tuple[TileSource, ...]:
    """The operator's tile layers (``TILES``: preset names or mappings), checked; a bad
    one is a configuration error, said plainly at start-up."""
    out = []
    for i, item in enumerate(tiles or ()):
        if isinstance(item, TileSource):
            out.append(item)
            continue
        try:
            out.append(parse_tile_source(item))
        except TileSourceError as exc:
            raise ValueError(f"TILES[{i}]: {exc.message} (found {exc.found!r}; "
                             f"expected {exc.expected})") from None
    return tuple(out)


def load_source(source: Any, *, skip_invalid: bool = False) -> tuple[LoadResult, str | None]:
    """A LoadResult (story and skipped entries) and the slug its source suggests (a
    bundled name such as "demo")."""
    from timeline.formats import LoadResult, load  # the foundation's reader, any format
    if isinstance(source, Story):
        return LoadResult(source), None
    result = load(source, skip_invalid=skip_invalid)
    hint = None
    if isinstance(source, str) and not Path(source).exists():
        hint = slugify(source)
    return result, hint


@dataclass(frozen=True)
class SourceReport:
    """The problems of one story source, kept so they can be shown rather than lost.

    ``error`` is set when the story is left out (the text ``chronoatlas validate``
    prints); it is None when the story is served without the ``problems``' entries.
    """

    source: str
    problems: tuple[Problem, ...] = ()
    error: str | None = None

    @property
    def served(self) -> bool:
        return self.error is None

    def lines(self) -> list[str]:
        """One located line per problem; the error alone when nothing is located."""
        return [str(p) for p in self.problems] or [(self.error or self.source).splitlines()[0]]

    def public_lines(self) -> list[str]:
        """:meth:`lines` for readers of ``/``: a file is named by its name, never by the
        server's absolute path."""
        name = source_name(self.source)
        out = []
        for p in self.problems:
            out.append(str(replace(p, file=source_name(p.file)) if p.file else p))
        if not out:
            text = (self.error or self.source).splitlines()[0]
            if self.source and self.source != name:
                text = text.replace(self.source, name)
            out.append(text)
        return out


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
    except GazetteerError as exc:  # a cache that cannot be written: one line, not a traceback
        log.warning("places of %r not resolved: %s", story.title, exc)
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
    tiles: tuple = ()  # the operator's TileSources
    static_url: str = "/static/"
    tile_hosts_allowed: tuple = ()  # hosts a story's own tile layers may use
    media_hosts: tuple = ()  # the operator's MediaHosts (web.content.media): they load directly
    media_root: Path | None = None  # a file story's folder: its relative media paths
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _details: dict = field(default_factory=dict, repr=False)

    @cached_property
    def api(self) -> dict[str, Any]:
        return story_data.story_json(self.story, self.slug)

    @cached_property
    def api_bytes(self) -> bytes:
        return json.dumps(self.api, ensure_ascii=False, separators=(",", ":")).encode()

    @cached_property
    def media_policy(self) -> MediaPolicy:
        from .content.localmedia import served_policy
        return served_policy(self.media_hosts, self.media_root, self.slug)

    @property
    def csp_media_sources(self) -> list[str]:
        return csp_sources(self.media_hosts)

    @cached_property
    def page(self) -> dict[str, Any]:
        return story_data.page_data(self.story, self.slug, media=self.media_policy)

    @cached_property
    def _tile_choice(self) -> tuple[tuple[TileSource, ...], tuple[str, ...]]:
        """The tile layers this page uses and a note per story layer left out: a story
        names tiles, the operator decides which hosts may serve them."""
        chosen = list(operator_tiles(self.tiles))
        notes = []
        allowed = tuple(self.tile_hosts_allowed) + tuple(t.host for t in chosen)
        wanted = self.story.settings.get("tiles") if isinstance(self.story.settings, dict) else None
        for item in (wanted if isinstance(wanted, list) else ())[:100]:
            try:
                source = parse_tile_source(item)
            except TileSourceError:
                notes.append("This story names a map tile layer whose address is not a valid "
                             "https URL; the offline map is shown instead.")
                continue
            if not host_allowed(source, allowed):
                notes.append(f"This story asks for map tiles from {source.host}, which this "
                             "server does not allow; the offline map is shown instead.")
            elif all(source.url != t.url for t in chosen):
                chosen.append(source)
        return tuple(chosen), tuple(dict.fromkeys(notes))

    @property
    def tile_notes(self) -> tuple[str, ...]:
        """What the page says about story tile layers it left out. A subclass that shows
        no tile layers at all (the exports: nothing leaves the page) has none to explain."""
        if type(self).tile_sources is not PreparedStory.tile_sources:
            return ()
        return self._tile_choice[1]

    @cached_property
    def map_parts(self) -> MapParts:
        tiles = [t.to_dict() for t in self.tile_sources]
        return build_map(self.story, tiles=tiles, static_url=self.static_url)

    @cached_property
    def spec(self) -> dict[str, Any]:
        rows = self.page["events"]
        positions = [r["s"] for r in rows] + [r.get("pe", r["s"]) for r in rows]
        positions += [e["s"] for e in self.page["eras"]] + [e["e"] for e in self.page["eras"]]
        extent = (min(positions), max(positions)) if positions else (2000.0, 2001.0)
        return timeline_spec(self.page["groups"], extent, layers=self.layers)

    @cached_property
    def layers(self) -> set[str]:
        """The timeline's datasets that have rows (see timeline_spec)."""
        rows = self.page["events"]
        present = {"events", "cur", "hist"}
        for name, has in (("ranges", "e"), ("fuzzy", "a"), ("flagged", "f")):
            if any(has in r for r in rows):
                present.add(name)
        if self.page["eras"]:
            present.add("eras")
        return present

    @cached_property
    def vega_spec(self) -> dict[str, Any]:
        """The timeline compiled to Vega once here (vl-convert), so the browser skips
        loading and running the Vega-Lite compiler. Rows are added by the page."""
        import vl_convert

        from .vendor import VERSIONS

        major_minor = ".".join(VERSIONS["vega-lite"].split(".")[:2])
        spec = dict(self.spec, datasets={name: [] for name in DATASETS if name in self.layers})
        compiled = vl_convert.vegalite_to_vega(spec, vl_version=major_minor)
        return lighten_vega(compiled)

    @cached_property
    def page_json(self) -> Markup:
        """``|tojson`` of the page data, computed once: a 100,000-event story is megabytes."""
        return _htmlsafe_json(self.page)

    @property
    def tile_sources(self) -> tuple[TileSource, ...]:
        return self._tile_choice[0]

    @property
    def csp_img_sources(self) -> list[str]:
        """CSP ``img-src`` sources of the tile layers, re-serialised from parsed URLs."""
        return sorted({t.csp_source for t in self.tile_sources if isinstance(t, TileSource)})

    def warm(self) -> None:
        """Compute now what the first visitor would otherwise wait for (the timeline's
        compile starts vl-convert's engine: about a second, once per process)."""
        for name in ("page_json", "api_bytes", "map_parts", "vega_spec"):
            getattr(self, name)

    def detail(self, event_id: str) -> dict | None:
        if event_id not in self._details:
            event = self.story.event(event_id)
            if event is None:
                return None
            self._details[event_id] = story_data.event_detail(event, self.media_policy)
        return self._details[event_id]


class StoryLibrary:
    """Slug -> prepared story, loaded lazily on first use and then kept.

    With ``skip_invalid`` a story with bad entries is served without them; otherwise it is
    left out. A story that loads but fails while being prepared (its page, map or
    timeline) is left out too. Either way every problem is logged and kept in ``reports``.
    """

    def __init__(self, sources: Iterable[Any], *, resolve_places: bool = True, tiles=(),
                 static_url: str = "/static/", skip_invalid: bool = False,
                 tile_hosts: Iterable[str] = (), media_hosts: Iterable[Any] = ()):
        self._sources = list(sources)
        self._resolve = resolve_places
        self._tiles = operator_tiles(tiles)
        self._tile_hosts = tuple(str(h) for h in (tile_hosts or ()))
        self._media_hosts = parse_media_hosts(media_hosts)  # a bad entry: ValueError at start-up
        self._static_url = static_url
        self._skip_invalid = skip_invalid
        self._stories: dict[str, PreparedStory] | None = None
        self._ready: set[str] = set()
        self._reports: list[SourceReport] = []
        self._lock = threading.Lock()
        self._prepare_lock = threading.Lock()
        self.stored = None  # published stories of the studio's store (web.store.published)
        self.archive = None  # archive query maps, ``_archive-...`` slugs (web.archive)

    @property
    def reports(self) -> list[SourceReport]:
        """One report per source with problems, in the order the sources were given."""
        self._load()
        return list(self._reports)

    @property
    def errors(self) -> list[str]:
        """One located line per problem of each story left out."""
        return [line for r in self.reports if not r.served for line in r.public_lines()]

    @property
    def skipped(self) -> list[str]:
        """One located line per entry left out of a served story (``skip_invalid``)."""
        return [line for r in self.reports if r.served for line in r.public_lines()]

    def _load(self) -> dict[str, PreparedStory]:
        with self._lock:
            if self._stories is not None:
                return self._stories
            stories: dict[str, PreparedStory] = {}
            self._names: dict[str, str] = {}
            for source in self._sources:
                loaded = self._read(source)
                if loaded is None:
                    continue
                story, hint = loaded
                slug = story_slug(story, hint, stories)
                stories[slug] = PreparedStory(story, slug, tiles=self._tiles,
                                              static_url=self._static_url,
                                              tile_hosts_allowed=self._tile_hosts,
                                              media_hosts=self._media_hosts,
                                              media_root=folder_of(source))
                self._names[slug] = source.title if isinstance(source, Story) else str(source)
            self._stories = stories
            return stories

    def _read(self, source: Any) -> tuple[Story, str | None] | None:
        """One source's story and slug hint, or None when it is left out. Never raises:
        one bad file must not take the site down; its problems go to ``reports``."""
        name = source.title if isinstance(source, Story) else str(source)
        try:
            result, hint = load_source(source, skip_invalid=self._skip_invalid)
        except StoryFormatError as exc:
            self._report(SourceReport(name, tuple(exc.problems), str(exc)))
            return None
        except StoryNotFoundError as exc:
            self._report(SourceReport(name, error=str(exc)))
            return None
        except Exception as exc:
            log.debug("could not load story %r", name, exc_info=True)
            self._report(SourceReport(name, error=f"{name}: could not be read "
                                                  f"({type(exc).__name__}: {exc})"))
            return None
        if result.skipped:
            self._report(SourceReport(name, tuple(result.skipped)))
        story = result.story
        if self._resolve and not isinstance(source, Story):
            story = resolve(story)  # Story values are taken as already resolved
        return story, hint

    def _report(self, report: SourceReport) -> None:
        """Keep and log a source's problems."""
        self._reports.append(report)
        if report.served:
            for line in report.lines():
                problem_log.warning("skipped: %s", line)
        else:
            problem_log.error("story left out: %s", report.error)

    def _prepare(self, slug: str) -> PreparedStory | None:
        """Warm one story; a story that fails here is left out and reported, and the
        others are served as before."""
        stories = self._load()
        prepared = stories.get(slug)
        if prepared is None or slug in self._ready:
            return prepared
        with self._prepare_lock:
            if slug in self._ready or slug not in stories:
                return stories.get(slug)
            try:
                prepared.warm()
            except Exception as exc:
                # the report says what failed; the traceback only for who asks (debug)
                log.debug("could not prepare story %r", slug, exc_info=True)
                name = self._names.get(slug, slug)
                with self._lock:
                    stories.pop(slug, None)
                    self._report(SourceReport(name, error=(
                        f"{name}: could not be prepared for the web "
                        f"({type(exc).__name__}: {str(exc)[:200]})")))
                return None
            self._ready.add(slug)
            return prepared

    def __iter__(self):
        files = self._load()
        stored = [p for p in self.stored.published() if p.slug not in files] if self.stored else []
        return iter([*files.values(), *stored])

    def warm(self) -> None:
        """Prepare every story now (see PreparedStory.warm): for servers, before they
        listen. A story that fails is left out and reported; never raises for it."""
        for slug in list(self._load()):
            self._prepare(slug)

    def __len__(self) -> int:
        return len(self._load())

    def get(self, slug: str) -> PreparedStory | None:
        """The prepared story (prepared now, on first use), or a published stored story."""
        found = self._prepare(slug)
        if found is None and self.stored is not None:
            found = self.stored.get(slug)
        if found is None and self.archive is not None:
            found = self.archive.get(slug)
        return found

