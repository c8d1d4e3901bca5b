"""Score the geoparser (``gazetteer.spotting.spot``) on GeoVirus-style JSON lines.

    python benchmarks/eval_geoparse.py [FILE.jsonl ...] [--errors N] [--json]

Default corpus: ../shared/corpora/geovirus.jsonl (next to the project checkout); each line
is ``{"id", "text", "places": [{"start", "end", "text", "lat", "lon"}]}``.

Metrics (Gritta et al., as used by EUPEG): a predicted place matches a gold one when the
surface texts are equal (case-insensitive) and their midpoints lie within 10 characters,
one-to-one in gold order. P, R, F1 over those matches. Over matched pairs, the great-circle
error in km: mean, median, Acc@161 (share under 161 km) and AUC of ln(1+error)/ln(20039).

Only ``place`` mentions are predictions (demonyms are not annotated). A matched mention the
resolver left ambiguous has no coordinates in the output; it is scored with the maximum
error (20,039 km) in the main figures, and with its top candidate in the ``top candidate``
line, so both the cautious output and the ranking are visible.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gazetteer.naturalearth import haversine_km  # noqa: E402
from gazetteer.spotting import spot  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "geovirus.jsonl"
MAX_KM = 20039.0
WINDOW = 10


def read(paths: list[Path]) -> list[dict]:
    docs = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                docs.append(json.loads(line))
    return docs


def pair(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one matches in gold order: same text (case-insensitive), midpoints <= 10 apart."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        gmid = (g["start"] + g["end"]) / 2
        best = None
        for k, p in enumerate(predicted):
            if k in used or p["text"].casefold() != g["text"].casefold():
                continue
            d = abs((p["start"] + p["end"]) / 2 - gmid)
            if d <= WINDOW and (best is None or d < best[0]):
                best = (d, k)
        if best is not None:
            used.add(best[1])
            pairs.append((predicted[best[1]], g))
    return pairs


def error_stats(errors: list[float]) -> dict:
    if not errors:
        return {"n": 0, "mean_km": None, "median_km": None, "acc161": None, "auc": None}
    auc = sum(math.log(1 + e) for e in errors) / (len(errors) * math.log(MAX_KM))
    return {"n": len(errors), "mean_km": round(statistics.fmean(errors), 1),
            "median_km": round(statistics.median(errors), 1),
            "acc161": round(sum(e < 161 for e in errors) / len(errors), 4), "auc": round(auc, 4)}


def evaluate(docs: list[dict], *, show_errors: int = 0) -> dict:
    tp = n_pred = n_gold = 0
    errors: list[float] = []
    errors_top: list[float] = []
    unplaced = 0
    fps: Counter = Counter()
    fns: Counter = Counter()
    far: list[tuple] = []
    by_kind: dict[str, list[float]] = {}
    started = time.perf_counter()
    for doc in docs:
        mentions = [m for m in spot(doc["text"]) if m.kind == "place"]
        predicted = [{"start": m.start, "end": m.end, "text": m.text, "m": m} for m in mentions]
        gold = doc["places"]
        pairs = pair(predicted, gold)
        tp += len(pairs)
        n_pred += len(predicted)
        n_gold += len(gold)
        matched_p = {id(p) for p, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        for p in predicted:
            if id(p) not in matched_p:
                fps[p["text"]] += 1
        for g in gold:
            if id(g) not in matched_g:
                fns[g["text"]] += 1
        for p, g in pairs:
            m = p["m"]
            best = m.resolution.best
            top = best or (m.resolution.candidates[0] if m.resolution.candidates else None)
            e_top = haversine_km(top.lat, top.lon, g["lat"], g["lon"]) if top else MAX_KM
            e = e_top if best is not None else MAX_KM
            unplaced += best is None
            errors.append(e)
            errors_top.append(e_top)
            by_kind.setdefault(best.kind if best else "(ambiguous)", []).append(e)
            if e >= 161:
                far.append((round(e), g["text"], top.name if top else None,
                            top.country if top else None, m.resolution.status, doc["id"]))
    seconds = time.perf_counter() - started
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    result = {
        "documents": len(docs), "gold": n_gold, "predicted": n_pred, "matched": tp,
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
        "error": error_stats(errors), "error_top_candidate": error_stats(errors_top),
        "matched_without_coordinates": unplaced, "seconds": round(seconds, 2),
        "acc161_by_kind": {k: [len(v), round(sum(e < 161 for e in v) / len(v), 3)]
                           for k, v in sorted(by_kind.items(), key=lambda kv: -len(kv[1]))},
    }
    if show_errors:
        result["false_positives"] = fps.most_common(show_errors)
        result["false_negatives"] = fns.most_common(show_errors)
        result["far"] = sorted(far, reverse=True)[:show_errors]
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--errors", type=int, default=0, help="show the N commonest errors")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    files = args.files or [DEFAULT]
    missing = [f for f in files if not f.is_file()]
    if missing:
        print(f"no such corpus: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    res = evaluate(read(files), show_errors=args.errors)
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return 0
    e, t = res["error"], res["error_top_candidate"]
    print(f"documents {res['documents']}  gold {res['gold']}  predicted {res['predicted']}  "
          f"matched {res['matched']}  ({res['seconds']} s)")
    print(f"P {res['precision']:.3f}  R {res['recall']:.3f}  F1 {res['f1']:.3f}")
    print(f"error over matched pairs: mean {e['mean_km']} km  median {e['median_km']} km  "
          f"Acc@161 {e['acc161']}  AUC {e['auc']}  "
          f"({res['matched_without_coordinates']} matched but left ambiguous = {MAX_KM:.0f} km)")
    print(f"top candidate:            mean {t['mean_km']} km  median {t['median_km']} km  "
          f"Acc@161 {t['acc161']}  AUC {t['auc']}")
    print("Acc@161 by resolved kind [pairs, acc]:", json.dumps(res["acc161_by_kind"]))
    for key in ("false_positives", "false_negatives", "far"):
        if key in res:
            print(f"\n{key}:")
            for item in res[key]:
                print("  ", item)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
