"""Where each place name of a draft stands, for the studio's place fixer: the status the
viewer's resolver gives it (resolved, ambiguous, unresolved) with the whole story as
context, its confidence, and its gazetteer candidates with country, region and
population. Pinned places (coordinates given) need no gazetteer and are not asked."""
from __future__ import annotations

import threading
from typing import Any

__all__ = ["LOW_CONFIDENCE", "place_report", "MAX_NAMES"]

# The shared contract: a place under this confidence (or inferred) is flagged for review.
LOW_CONFIDENCE = 0.5
MAX_NAMES = 5000
_names_lock = threading.Lock()
_area_names: dict[int, tuple[dict, dict]] = {}


def _is_pinned(place: Any) -> bool:
    return isinstance(place, dict) and isinstance(place.get("lat"), (int, float)) \
        and isinstance(place.get("lon"), (int, float))


def _name(place: Any) -> str | None:
    name = place if isinstance(place, str) else place.get("name") if isinstance(place, dict) else None
    return name.strip()[:1000] if isinstance(name, str) and name.strip() else None


def _year(value: Any) -> int | None:
    from timeline.dates import DateError, parse_date
    if value is None or value == "":
        return None
    try:
        return parse_date(str(value)[:100]).year
    except (DateError, ValueError, TypeError):
        return None


def _context(document: dict) -> str:
    """The same context as timeline.resolve: the story's title, summary, event titles."""
    parts = [document.get("title"), document.get("summary")]
    parts += [e.get("title") for e in document.get("events", []) if isinstance(e, dict)]
    return "\n".join(p for p in parts if isinstance(p, str) and p)


def _areas(gazetteer) -> tuple[dict, dict]:
    """Country names by ISO code and region (first-level division) names by
    (country, admin1 code), read once per gazetteer index."""
    key = id(gazetteer)
    with _names_lock:
        if key not in _area_names:
            area_names = getattr(gazetteer, "area_names", None)
            countries, regions = area_names() if callable(area_names) else ({}, {})
            _area_names.clear()
            _area_names[key] = (countries, regions)
        return _area_names[key]


def candidate_dict(c, gazetteer) -> dict[str, Any]:
    countries, regions = _areas(gazetteer)
    admin1 = getattr(c, "admin1", None)
    return {"id": c.id, "name": c.name, "lat": round(c.lat, 5), "lon": round(c.lon, 5),
            "country": c.country, "country_name": countries.get(c.country),
            "region": regions.get((c.country, admin1)) if admin1 else None,
            "population": int(c.population or 0), "kind": c.kind,
            "confidence": round(float(c.confidence), 3)}


def place_report(document: dict, *, gazetteer=None) -> dict[str, dict]:
    """``{name: {"status", "confidence", "best", "candidates"}}`` for every place name of
    ``document`` that is not pinned, resolved together as the viewer resolves them."""
    names: list[str] = []
    years: list[int | None] = []
    seen: set[str] = set()
    for event in document.get("events", []):
        if not isinstance(event, dict) or not isinstance(event.get("places"), list):
            continue
        for place in event["places"]:
            name = _name(place)
            if name and not _is_pinned(place) and name not in seen and len(names) < MAX_NAMES:
                seen.add(name)
                names.append(name)
                years.append(_year(event.get("start")))
    if not names:
        return {}
    if gazetteer is None:
        from gazetteer import default_gazetteer
        gazetteer = default_gazetteer()
    results = gazetteer.resolve_all(names, context_text=_context(document), years=years)
    report = {}
    for name, r in zip(names, results):
        report[name] = {
            "status": r.status,
            "confidence": round(float(r.confidence), 3),
            "best": candidate_dict(r.best, gazetteer) if r.best is not None else None,
            "candidates": [candidate_dict(c, gazetteer) for c in r.candidates[:8]],
        }
    return report
