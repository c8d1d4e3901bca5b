"""What changed between two story documents: events added, removed, fields changed."""
from __future__ import annotations

from typing import Any

__all__ = ["compare"]


def _events(doc: dict | None) -> dict[str, dict]:
    return {e.get("id", ""): e for e in (doc or {}).get("events", []) if isinstance(e, dict)}


def compare(old: dict | None, new: dict) -> dict[str, Any]:
    """``{"story": [fields], "added": [ids], "removed": [ids], "changed": {id: [fields]}}``"""
    old = old or {}
    story_fields = sorted(k for k in set(old) | set(new)
                          if k != "events" and old.get(k) != new.get(k))
    before, after = _events(old), _events(new)
    changed = {}
    for eid in after.keys() & before.keys():
        a, b = before[eid], after[eid]
        if a is not b and a != b:
            changed[eid] = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    return {
        "story": story_fields,
        "added": [eid for eid in after if eid not in before],
        "removed": [eid for eid in before if eid not in after],
        "changed": dict(sorted(changed.items())),
    }
