"""An archive question as the search form and the story URL carry it.

The story map of a query lives at ``/stories/_archive-<token>``: the token is the query
itself (base64url JSON), so the page, its map script and the event details (separate
requests, possibly after a restart or on another worker) all rebuild the same story."""
from __future__ import annotations

import base64
import binascii
import json
import unicodedata
from dataclasses import astuple, dataclass

PREFIX = "_archive-"
FIELDS = ("place", "start", "end", "text")
MAX_FIELD = 200
MAX_TOKEN = 4 * (4 * MAX_FIELD * 4 + 40) // 3  # four fields of UTF-8 text, as base64


@dataclass(frozen=True)
class ArchiveQuery:
    place: str | None = None
    start: str | None = None
    end: str | None = None
    text: str | None = None

    @classmethod
    def from_args(cls, args) -> "ArchiveQuery":
        """From the form (``place``, ``from``, ``to``, ``text``); over-long or control
        characters never reach the query."""
        return cls(*(_clean(args.get(key)) for key in ("place", "from", "to", "text")))

    @property
    def empty(self) -> bool:
        return not any(astuple(self))

    def args(self) -> dict[str, str]:
        """The form's fields, for links back to the search page."""
        return {k: v for k, v in zip(("place", "from", "to", "text"), astuple(self)) if v}

    def slug(self) -> str:
        raw = json.dumps(list(astuple(self)), ensure_ascii=False, separators=(",", ":"))
        return PREFIX + base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def from_slug(cls, slug: str) -> "ArchiveQuery | None":
        """The query a story slug carries, or None for any other slug or a forged one."""
        if not slug.startswith(PREFIX) or len(slug) > len(PREFIX) + MAX_TOKEN:
            return None
        token = slug[len(PREFIX):]
        try:
            values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return None
        if (not isinstance(values, list) or len(values) != len(FIELDS)
                or not all(v is None or isinstance(v, str) for v in values)):
            return None
        query = cls(*(_clean(v) for v in values))
        return None if query.empty or query.slug() != slug else query


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    text = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())[:MAX_FIELD]
    return text or None
