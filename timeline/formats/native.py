"""chronoatlas's own story files, YAML or JSON, validated against the shipped JSON Schema."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema
import yaml

from ..dates import HistoricalDate
from ..model import Era, Event, Story
from ._bounded import BoundError, check_values, load_json, load_yaml
from ._collect import (Collector, conform, LoadResult, check_range, era_list, media_from,
                       places_from, sources_from)
from ._lines import json_index, lazy_locator, yaml_index


@lru_cache(maxsize=1)
def schema() -> dict:
    """The story JSON Schema shipped in the package (timeline/schema/story.schema.json)."""
    text = resources.files("timeline").joinpath("schema/story.schema.json").read_text("utf-8")
    return json.loads(text)


def _path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse_text(text: str, *, file: str | None = None, fmt: str = "yaml") -> tuple[Any, Collector]:
    """Text -> plain data and a collector that can locate fields in that text.

    Parsing is bounded (depth, aliases, number size: see ``_bounded``); values no
    exporter can write (NaN, lone surrogates, binary...) are reported at their field.
    """
    if fmt == "json":
        c = Collector(file, lazy_locator(lambda: json_index(text)))
    else:
        root_box: list = []
        c = Collector(file, lazy_locator(lambda: yaml_index(root_box[0] if root_box else None)))
    try:
        if fmt == "json":
            data = load_json(text)
        else:
            data, root = load_yaml(text)
            root_box.append(root)
    except BoundError as exc:
        c.add(str(exc), line=exc.line, expected=exc.expected)
        return None, c
    except json.JSONDecodeError as exc:
        c.add(f"not valid JSON: {exc.msg}", line=exc.lineno, expected="a JSON object")
        return None, c
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (NUL, other controls)
        c.add(f"not valid YAML: character U+{exc.character:04X} is not allowed"
              if isinstance(exc.character, int) else f"not valid YAML: {exc.reason}",
              line=text.count("\n", 0, exc.position) + 1, expected="printable text")
        return None, c
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        c.add(f"not valid YAML: {problem}", line=mark.line + 1 if mark else None,
              expected="a YAML mapping")
        return None, c
    check_values(data, c.add)
    return data, c


def story_from_data(data: Any, c: Collector, *, skip_invalid: bool = False) -> LoadResult:
    """Validate plain data against the schema and build a Story, reporting every problem."""
    if not isinstance(data, dict):
        c.add("a story file must be a mapping with 'title' and 'events'" if data is not None
              else "the file holds no story (it is empty)",
              found=None if data is None else type(data).__name__,
              expected="a mapping (object) with 'title' and 'events'",
              line=c._locate("") or 1)
        c.raise_if_any()
    bad_events: set[int] = set()
    validator = jsonschema.Draft202012Validator(schema())
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        if error.validator == "oneOf" and error.context:
            # Report what is wrong inside the alternative that came closest.
            # The alternative whose error lies deepest is the one the author meant.
            error = max(error.context, key=lambda e: (len(e.absolute_path), e.validator != "type"))
        parts = list(error.absolute_path)
        if len(parts) >= 2 and parts[0] == "events" and isinstance(parts[1], int):
            bad_events.add(parts[1])
        c.add(_schema_message(error), field=_path(parts) or None,
              found=_found(error), expected=_expected(error))

    _check_tiles(c, data.get("settings"))
    eras: list[Era] = []
    if isinstance(data.get("eras"), list) and all(isinstance(e, dict) for e in data["eras"]):
        eras = era_list(c, data["eras"])
    published = c.date(data.get("published"), "published")

    events: list[Event] = []
    for i, item in enumerate(data.get("events") or []):
        if not isinstance(item, dict) or i in bad_events:
            continue
        before = len(c.problems)
        event = _event(c, item, f"events[{i}]")
        if len(c.problems) > before:
            bad_events.add(i)
        elif event is not None:
            events.append(event)

    story_problems = [p for p in c.problems if not (p.field or "").startswith("events[")]
    if c.problems and (not skip_invalid or story_problems):
        c.raise_if_any()
    story = conform(Story(
        title=data.get("title", ""),
        slug=data.get("slug"),
        summary=data.get("summary"),
        byline=data.get("byline"),
        language=data.get("language", "en"),
        published=published,
        eras=tuple(eras),
        media=media_from(data.get("media")),
        settings=dict(data.get("settings") or {}),
        events=tuple(events),
    ))
    return LoadResult(story, list(c.problems))


def _check_tiles(c: Collector, settings: Any) -> None:
    """A bad tile URL is a located problem here, not a surprise in the served page."""
    from ..tiles import check_story_tiles
    if isinstance(settings, dict):
        for p in check_story_tiles(settings.get("tiles")):
            c.add(p.message, field=f"settings.tiles{p.field}", found=p.found, expected=p.expected)


def _event(c: Collector, item: dict, path: str) -> Event | None:
    start = c.date(item.get("start"), f"{path}.start")
    end = c.date(item.get("end"), f"{path}.end")
    end = check_range(c, start, end, f"{path}.end") if end is not None else None
    places = places_from(item.get("places"))
    for j, place in enumerate(places):
        if not place.name:
            c.add("a place needs a name", field=f"{path}.places[{j}]")
        if (place.lat is None) != (place.lon is None):
            c.add("a pinned place needs both lat and lon", field=f"{path}.places[{j}]",
                  expected="lat and lon together, or neither")
    return Event(
        id=item.get("id") or "",
        title=item["title"].strip(),
        extra=_extra_in(item),
        start=start,
        end=end,
        text=item.get("text") or "",
        display_date=item.get("display_date"),
        places=places,
        group=item.get("group"),
        tags=tuple(item.get("tags") or ()),
        media=media_from(item.get("media")),
        sources=sources_from(item.get("sources")),
        background=item.get("background"),
        confidence=item.get("confidence"),
        provenance=(item["provenance"]["start"], item["provenance"]["end"])
        if isinstance(item.get("provenance"), dict) else None,
    )


def _schema_message(error: jsonschema.ValidationError) -> str:
    v = error.validator
    if v == "required":
        missing = [m for m in error.validator_value if m not in (error.instance or {})]
        return f"missing required field {', '.join(repr(m) for m in missing)}"
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed and not str(k).startswith("x-")]
        return f"unknown field {', '.join(repr(k) for k in extra)} (known: {', '.join(allowed)})"
    if v == "type":
        return "wrong type"
    if v in ("maxLength", "maxItems"):
        return f"too long (at most {error.validator_value})"
    if v == "minLength":
        return "must not be empty"
    if v in ("minimum", "maximum"):
        return "out of range"
    if v == "pattern":
        return "not in the expected form"
    if v == "oneOf":
        return "not a valid entry"
    return error.message


def _found(error: jsonschema.ValidationError) -> str | None:
    if error.validator in ("required", "additionalProperties"):
        return None
    inst = error.instance
    if isinstance(inst, (dict, list)):
        return type(inst).__name__ if error.validator == "type" else None
    return inst if isinstance(inst, str) else repr(inst)


def _expected(error: jsonschema.ValidationError) -> str | None:
    v, val = error.validator, error.validator_value
    if v == "type":
        kinds = val if isinstance(val, list) else [val]
        return " or ".join("text" if k == "string" else k for k in kinds if k != "null")
    if v == "minimum":
        return f"a number >= {val}"
    if v == "maximum":
        return f"a number <= {val}"
    if v == "pattern":
        if "colour" in error.absolute_path:
            return "a hex colour such as '#1b9e77'"
        return f"text matching {val}"
    if v == "oneOf":
        return "a name, or a mapping with name (and optional lat, lon)" if "places" in error.absolute_path else None
    return None


# -- writing -------------------------------------------------------------------------

def story_to_data(story: Story) -> dict:
    """A Story as plain data in the schema's shape (dates in their machine form)."""
    out: dict[str, Any] = {"title": story.title}
    if story.slug:
        out["slug"] = story.slug
    for key in ("summary", "byline"):
        if getattr(story, key):
            out[key] = getattr(story, key)
    if story.language and story.language != "en":
        out["language"] = story.language
    if story.published:
        out["published"] = story.published.isoformat()
    if story.media:
        out["media"] = _media_data(story.media)
    if story.settings:
        out["settings"] = dict(story.settings)
    if story.eras:
        out["eras"] = [_drop_none({"title": e.title, "start": e.start.isoformat(),
                                   "end": e.end.isoformat(), "colour": e.colour,
                                   "text": e.text}) for e in story.eras]
    out["events"] = [event_to_data(e) for e in story.played_events]
    return out


def event_to_data(e: Event) -> dict:
    data: dict[str, Any] = {"id": e.id, "title": e.title}
    if e.start:
        data["start"] = e.start.isoformat()
    if e.end:
        data["end"] = e.end.isoformat()
    if e.display_date:
        data["display_date"] = e.display_date
    if e.places:
        data["places"] = [_place_data(p) for p in e.places]
    if e.group:
        data["group"] = e.group
    if e.tags:
        data["tags"] = list(e.tags)
    if e.text:
        data["text"] = e.text
    if e.media:
        data["media"] = _media_data(e.media)
    if e.sources:
        data["sources"] = [_drop_none({"url": s.url, "title": s.title}) for s in e.sources]
    if e.background:
        data["background"] = dict(e.background)
    if e.confidence is not None:
        data["confidence"] = e.confidence
    if e.provenance is not None:
        data["provenance"] = {"start": e.provenance[0], "end": e.provenance[1]}
    data.update(_extra_out(e.extra))
    return data


# What a file said that chronoatlas has no field for (a sheet's extra columns, a
# TimelineJS or StoryMapJS slide's other keys, the author's HTML headline) travels as
# ``x-`` members, which the schema allows on every event: kept on the way back.
_DERIVED = {"row"}  # recomputed on every load


def _extra_out(extra: dict) -> dict:
    return {f"x-{k}": v for k, v in extra.items() if k not in _DERIVED and v is not None}


def _extra_in(item: dict) -> dict:
    return {k[2:]: v for k, v in item.items() if isinstance(k, str) and k.startswith("x-")}


def _place_data(p) -> str | dict:
    if not p.pinned and not p.adjective and p.zoom is None and not p.inferred:
        return p.name
    return _drop_none({"name": p.name, "lat": p.lat, "lon": p.lon, "adjective": p.adjective,
                       "zoom": p.zoom, "inferred": True if p.inferred else None,
                       "confidence": p.confidence})


def _media_data(m) -> dict:
    return _drop_none({"url": m.url, "caption": m.caption, "credit": m.credit, "alt": m.alt,
                       "thumbnail": m.thumbnail, "title": m.title, "link": m.link,
                       "link_target": m.link_target})


def _drop_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


class _Dumper(yaml.SafeDumper):
    pass


_YAML_BREAKS = ("\x85", "\u2028", "\u2029", "\r")


def _str_presenter(dumper, value: str):
    if any(ch in value for ch in _YAML_BREAKS):
        style = '"'  # YAML reads these as line breaks unless escaped in double quotes
    elif "\n" in value:
        style = "|"
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


class _DateText(str):
    """A date as people write it; always single-quoted, so no date reads as a number
    or a YAML timestamp and every date in the file looks the same."""


_Dumper.add_representer(
    _DateText, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="'"))


def people_date(d: HistoricalDate) -> str:
    """A date in the form a person writes it where the machine form would mislead:
    BCE dates as "490 BCE" (not the astronomical "-0489"); other dates in their ISO-like
    form, which people read as they are. Always a form :func:`parse_date` reads back."""
    from ..dates import parse_date

    if d.year <= 0:
        for text in (d.label(), d.label().replace(",", "")):
            try:
                if parse_date(text) == d:
                    return text
            except ValueError:
                continue
    return d.isoformat()


def dump_yaml(story: Story) -> str:
    """The story as YAML for people: dates as people write them (see :func:`people_date`)."""
    data = story_to_data(story)
    if story.published:
        data["published"] = _DateText(people_date(story.published))
    for era, out in zip(story.eras, data.get("eras") or ()):
        out["start"], out["end"] = _DateText(people_date(era.start)), _DateText(people_date(era.end))
    for e, out in zip(story.played_events, data["events"]):
        for key in ("start", "end"):
            if getattr(e, key) is not None:
                out[key] = _DateText(people_date(getattr(e, key)))
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def dump_json(story: Story) -> str:
    return json.dumps(story_to_data(story), ensure_ascii=False, indent=2) + "\n"


__all__ = ["dump_json", "dump_yaml", "parse_text", "schema", "story_from_data",
           "story_to_data", "event_to_data", "HistoricalDate"]
