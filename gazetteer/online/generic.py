"""Any other geopy geocoder, by its geopy service name (e.g. "photon", "arcgis")."""
from __future__ import annotations

from typing import Any

MIN_INTERVAL = 1.0  # unknown services get the most polite default


def make(service: str, *, user_agent: str, timeout: float, domain: str | None,
         scheme: str | None, options: dict[str, Any] | None = None):
    from geopy.geocoders import get_geocoder_for_service

    cls = get_geocoder_for_service(service)
    from .base import no_retry_adapter

    kwargs: dict[str, Any] = {"user_agent": user_agent, "timeout": timeout,
                              "adapter_factory": no_retry_adapter, **(options or {})}
    if domain:
        kwargs["domain"] = domain
    if scheme:
        kwargs["scheme"] = scheme
    return cls(**kwargs)


def query(geocoder, name: str, *, country: str | None, limit: int):
    result = geocoder.geocode(name, exactly_one=False)
    return list(result or [])[:limit]


def to_record(location) -> dict[str, Any]:
    raw = location.raw if isinstance(location.raw, dict) else {}
    return {
        "name": (location.address or "").split(",")[0] or str(raw.get("name", "")),
        "lat": float(location.latitude), "lon": float(location.longitude),
        "country": None, "kind": "place", "importance": 0.0, "osm": "",
        "display_name": location.address,
    }
