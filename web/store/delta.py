"""Revision documents kept as a delta against a full one (a snapshot) of the same story.

A one-event edit of a 1,000-event story would otherwise write the whole document
(~350 kB of JSON) again: most of a save's time on PostgreSQL (parsing the JSON,
compressing it into TOAST, writing it to the WAL). A delta names the snapshot's events it
keeps by runs of their positions and carries only the events that differ from it, so a
revision is rebuilt from two rows whatever its number. Both rows are immutable, so the
rebuild is exact: ``decode(encode(doc, snap), snap) == doc``, key order included.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

__all__ = ["encode", "decode", "MAX_SHARE"]

# A delta is written only while it carries at most this share of the events; past it
# the next save is a snapshot again (a delta stays small, a rebuild stays cheap).
MAX_SHARE = 0.1

# Event positions of recent snapshots (every save of a story encodes against the same
# one), by the snapshot's identity: an entry keeps its document, so the id stays its own.
_positions: OrderedDict = OrderedDict()
_lock = threading.Lock()


def _positions_of(snapshot: dict[str, Any]) -> dict:
    with _lock:
        found = _positions.get(id(snapshot))
        if found is not None and found[0] is snapshot:
            _positions.move_to_end(id(snapshot))
            return found[1]
    kept = snapshot["events"]
    position = {e.get("id"): k for k, e in enumerate(kept) if isinstance(e, dict)}
    with _lock:
        _positions[id(snapshot)] = (snapshot, position)
        while len(_positions) > 16:
            _positions.popitem(last=False)
    return position


def encode(doc: dict[str, Any], snapshot: dict[str, Any]) -> dict[str, Any] | None:
    """``{"story": {...}, "events": [[start, end] | event, ...]}``, or None when ``doc``
    is better kept whole (too many events differ from the snapshot)."""
    events, kept = doc.get("events"), snapshot.get("events")
    if not isinstance(events, list) or not isinstance(kept, list) or "events" not in doc:
        return None
    position = _positions_of(snapshot)
    items: list = []
    inline, limit = 0, int(len(events) * MAX_SHARE)
    for event in events:
        k = position.get(event.get("id")) if isinstance(event, dict) else None
        if k is not None and (kept[k] is event or kept[k] == event):
            last = items[-1] if items else None
            if isinstance(last, list) and last[1] == k:
                last[1] = k + 1
            else:
                items.append([k, k + 1])
        else:
            inline += 1
            if inline > limit:
                return None
            items.append(event)
    # "events" stays as a placeholder so the rebuilt document keeps its key order
    return {"story": {key: (None if key == "events" else value) for key, value in doc.items()},
            "events": items}


def decode(delta: dict[str, Any], snapshot: dict[str, Any]) -> dict[str, Any]:
    """The document ``delta`` stands for. Kept events are the snapshot's own objects."""
    kept = snapshot["events"]
    events: list = []
    for item in delta["events"]:
        if isinstance(item, list):
            events.extend(kept[item[0]:item[1]])
        else:
            events.append(item)
    doc = dict(delta["story"])
    doc["events"] = events
    return doc
