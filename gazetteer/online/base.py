"""The one interface every online geocoder goes through."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from ..errors import (
    GeocoderConfigurationError,
    GeocoderError,
    GeocoderRateLimited,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from ..model import Candidate, Resolution
from ..paths import geocoder_dir
from . import generic, nominatim
from .cache import ResponseCache
from .ratelimit import FileRateLimiter

SERVICES = {"nominatim": nominatim}
_REJECTED = re.compile(r"^(geopy|python-requests|python-urllib|curl|wget|my[-_ ]?(app|application|user[-_]?agent))\b", re.I)


def validate_user_agent(user_agent: str | None) -> str:
    """A real User-Agent names the application (and ideally a contact)."""
    ua = (user_agent or "").strip()
    if not ua:
        raise GeocoderConfigurationError(
            "online geocoding needs a real User-Agent naming your application, e.g. "
            "--user-agent 'my-newsroom-maps/1.0 (maps@example.org)'")
    if len(ua) < 4 or _REJECTED.match(ua) or any(ord(c) < 32 for c in ua):
        raise GeocoderConfigurationError(
            f"User-Agent {ua!r} is a default or sample value; use your application's own name "
            "and a contact, e.g. 'my-newsroom-maps/1.0 (maps@example.org)'")
    return ua


class OnlineGeocoder:
    """An opt-in online geocoder: rate-limited across processes, cached, with a timeout."""

    def __init__(self, service: str, *, user_agent: str | None, timeout: float = 10.0,
                 domain: str | None = None, scheme: str | None = None,
                 min_interval: float | None = None, cache_path: Path | None = None,
                 options: dict[str, Any] | None = None) -> None:
        self.service = (service or "").strip().lower()
        self.user_agent = validate_user_agent(user_agent)
        if not timeout or timeout <= 0:
            raise GeocoderConfigurationError(f"timeout must be a positive number of seconds, found {timeout!r}")
        self.timeout = float(timeout)
        self.domain = domain
        module = SERVICES.get(self.service)
        try:
            if module is not None:
                self._impl = module
                self._geocoder = module.make(user_agent=self.user_agent, timeout=self.timeout,
                                             domain=domain, scheme=scheme)
            else:
                self._impl = generic
                self._geocoder = generic.make(self.service, user_agent=self.user_agent,
                                              timeout=self.timeout, domain=domain, scheme=scheme,
                                              options=options)
        except GeocoderError:
            raise
        except Exception as exc:  # geopy's GeocoderNotFound / ConfigurationError / TypeError
            raise GeocoderConfigurationError(f"cannot set up geocoder {service!r}: {exc}") from exc
        interval = self._impl.MIN_INTERVAL if min_interval is None else min_interval
        folder = geocoder_dir()
        self._limiter = FileRateLimiter(folder / f"geocoder-{self.service}.ratelimit", interval)
        self._cache = ResponseCache(cache_path or folder / "geocoder-cache.sqlite")

    def _key(self, name: str, country: str | None, limit: int) -> str:
        raw = json.dumps([self.service, self.domain or "", name, country or "", limit])
        return hashlib.sha256(raw.encode()).hexdigest()

    def geocode(self, name: str, *, country: str | None = None, limit: int = 5) -> list[Candidate]:
        """Candidates from the service (cached); raises a GeocoderError on any failure."""
        if not isinstance(name, str) or not name.strip() or len(name) > 500:
            return []
        key = self._key(name.strip(), country, limit)
        records = self._cache.get(key)
        if records is None:
            records = self._ask(name.strip(), country, limit)
            self._cache.put(key, records)
        return _candidates(records, self.service)

    def _ask(self, name: str, country: str | None, limit: int) -> list[dict[str, Any]]:
        from geopy import exc as gexc

        label = f"{self.service} ({self.domain})" if self.domain else self.service
        try:
            with self._limiter.slot():
                found = self._impl.query(self._geocoder, name, country=country, limit=limit)
        except gexc.GeocoderTimedOut as exc:
            raise GeocoderTimedOut(f"{label} did not answer within {self.timeout:g} s") from exc
        except gexc.GeocoderRateLimited as exc:
            raise GeocoderRateLimited(f"{label} refused the request: rate limit ({exc})") from exc
        except (gexc.GeocoderAuthenticationFailure, gexc.GeocoderInsufficientPrivileges) as exc:
            raise GeocoderUnavailable(f"{label} refused access ({exc}); check the User-Agent or key") from exc
        except gexc.GeopyError as exc:
            if _caused_by_timeout(exc):
                raise GeocoderTimedOut(f"{label} did not answer within {self.timeout:g} s") from exc
            raise GeocoderUnavailable(f"{label} failed: {exc}") from exc
        except OSError as exc:
            raise GeocoderUnavailable(f"{label} could not be reached: {exc}") from exc
        try:
            return [self._impl.to_record(loc) for loc in found]
        except (TypeError, ValueError, AttributeError) as exc:
            raise GeocoderUnavailable(f"{label} sent an answer that could not be read: {exc}") from exc

    def resolve(self, name: str, *, offline: Resolution | None = None, country: str | None = None,
                always: bool = False) -> Resolution:
        """The offline result when it is resolved (unless ``always``), else the online answer.
        Raises GeocoderError on failure so the caller can say so and keep ``offline``."""
        if offline is not None and offline.status == "resolved" and not always:
            return offline
        cands = self.geocode(name, country=country)
        if not cands:
            return offline or Resolution(query=name, status="unresolved", best=None, candidates=[])
        return Resolution(query=offline.query if offline else name, status="resolved",
                          best=cands[0], candidates=cands)


def _caused_by_timeout(exc: BaseException) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, TimeoutError) or "timed out" in str(exc).lower():
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def no_retry_adapter(proxies, ssl_context):
    """geopy's requests adapter retries by default: each retry would be an extra request
    outside our rate limit, so retries are off (the caller falls back instead)."""
    from geopy.adapters import RequestsAdapter, URLLibAdapter

    try:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    except Exception:  # requests not installed
        return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)


def _candidates(records: list[dict[str, Any]], service: str) -> list[Candidate]:
    if not records:
        return []
    weights = [max(r.get("importance") or 0.0, 0.01) for r in records]
    total = sum(weights)
    return [
        Candidate(name=r["name"], lat=r["lat"], lon=r["lon"], country=r.get("country"),
                  kind=r.get("kind") or "place", geonameid=None, score=w / total,
                  confidence=w / total, population=0, source=f"{service}: {r.get('display_name') or ''}",
                  id=f"{service}:{r.get('osm') or r['name']}")
        for r, w in zip(records, weights)
    ]
