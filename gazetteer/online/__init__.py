"""Optional online geocoders (opt-in, never the default), all behind one interface.

``OnlineGeocoder("nominatim", user_agent="myapp/1.0 (me@example.org)")`` asks the service
through geopy, with one rate limit shared by every process of the application, a
persistent cache and a timeout. Every failure raises a :class:`~gazetteer.errors.GeocoderError`
subclass; callers fall back to the offline result (the CLI does so with a warning).
"""
from __future__ import annotations

from .base import OnlineGeocoder, SERVICES, validate_user_agent

__all__ = ["OnlineGeocoder", "SERVICES", "validate_user_agent"]
