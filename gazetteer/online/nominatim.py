"""Nominatim (OpenStreetMap) through geopy: 1 request/s for the application, details on."""
from __future__ import annotations

from typing import Any

MIN_INTERVAL = 1.0  # https://operations.osmfoundation.org/policies/nominatim/


def make(*, user_agent: str, timeout: float, domain: str | None, scheme: str | None):
    from geopy.geocoders import Nominatim

    from .base import no_retry_adapter

    kwargs: dict[str, Any] = {"user_agent": user_agent, "timeout": timeout,
                              "adapter_factory": no_retry_adapter}
    if domain:
        kwargs["domain"] = domain
    if scheme:
        kwargs["scheme"] = scheme
    return Nominatim(**kwargs)


def query(geocoder, name: str, *, country: str | None, limit: int):
    kwargs: dict[str, Any] = {"exactly_one": False, "addressdetails": True, "limit": limit}
    if country:
        kwargs["country_codes"] = country.lower()
    return geocoder.geocode(name, **kwargs) or []


def to_record(location) -> dict[str, Any]:
    raw = location.raw or {}
    address = raw.get("address") or {}
    code = (address.get("country_code") or "").upper() or None
    kind = raw.get("addresstype") or raw.get("type") or "place"
    if kind == "administrative" or raw.get("type") == "administrative":
        kind = "country" if address and set(address) <= {"country", "country_code"} else "admin"
    name = raw.get("name") or (location.address or "").split(",")[0]
    return {
        "name": name, "lat": float(location.latitude), "lon": float(location.longitude),
        "country": code, "kind": kind, "importance": float(raw.get("importance") or 0.0),
        "osm": f"{raw.get('osm_type', '')}:{raw.get('osm_id', '')}",
        "display_name": raw.get("display_name") or location.address,
    }
