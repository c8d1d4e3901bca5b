"""Score the geoparser (``gazetteer.spotting.spot``) on every development corpus.

    python benchmarks/eval_geoparse.py [FILE.jsonl ...] [--errors N] [--json] [--half A|B]

Default corpora (../shared/corpora/, next to the project checkout): ``geovirus.jsonl`` and
the news development halves ``lgl-dev.jsonl``, ``geowebnews-dev.jsonl``,
``trnews-dev.jsonl``. Each news file is reported whole and in two sub-halves, A (even line
numbers, counted from 0) and B (odd): develop on A, check on B, so rules that only fit
the sentences one works on show up as a gap between the two.

Metrics (Gritta et al., as used by EUPEG): a predicted place matches a gold one when the
surface texts are equal (case-insensitive) and their midpoints lie within 10 characters,
one-to-one in gold order. P, R, F1 over those matches. Over matched pairs, the great-circle
error in km: mean, median, Acc@161 (share under 161 km) and AUC of ln(1+error)/ln(20039).

What counts as a prediction follows each corpus's annotation style: the news corpora
(LGL, GeoWebNews, TR-News) annotate demonyms and adjectival place names ("Russian") as
toponyms at their country, so demonym mentions are predictions there; GeoVirus does not,
so it is scored on ``place`` mentions only. Every prediction has coordinates: a mention
the resolver is unsure of is scored at its best candidate (as ``geoparse`` reports it,
flagged by its confidence), never withheld.

``--errors N`` prints a per-class error breakdown (the classes of issue 13) and the N
commonest errors of each class; ``benchmarks/geoparse_errors.py`` lists every error with
its context.
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
from gazetteer.spotting import demonym_table, spot  # noqa: E402

def _corpora() -> Path:
    """``$CHRONOATLAS_CORPORA``, else the first ``shared/corpora`` above this checkout."""
    import os
    if os.environ.get("CHRONOATLAS_CORPORA"):
        return Path(os.environ["CHRONOATLAS_CORPORA"])
    for parent in Path(__file__).resolve().parents[1:]:
        if (parent / "shared" / "corpora").is_dir():
            return parent / "shared" / "corpora"
    return Path(__file__).resolve().parents[2] / "shared" / "corpora"


CORPORA = _corpora()
DEFAULT = ["geovirus.jsonl", "lgl-dev.jsonl", "geowebnews-dev.jsonl", "trnews-dev.jsonl"]
MAX_KM = 20039.0
WINDOW = 10


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def with_demonyms(path: Path) -> bool:
    """Whether the corpus annotates demonyms as toponyms (all but GeoVirus)."""
    return "geovirus" not in path.name.lower()


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


def _point(m):
    """The mention's best candidate: the resolved place, else the top-ranked one."""
    r = m.resolution
    return r.best or (r.candidates[0] if r.candidates else None)


def _fn_class(g: dict, gaz_has) -> str:
    text = g["text"]
    low = " ".join(text.lower().split())
    if low in demonym_table() or (low.endswith("s") and low[:-1] in demonym_table()):
        return "demonym"
    if low.endswith((" county", " parish")):
        return "county"
    if text.isupper() and len(text) > 3:
        return "all-caps"
    if "." in text and len(text) <= 6:
        return "abbreviation"
    if text[:1].islower():
        return "lower-case"
    return "not spotted (in gazetteer)" if gaz_has(text) else "not in gazetteer"


def _far_class(g: dict, m, top) -> str:
    if top is None:
        return "no candidate"
    if m.kind == "adjective":
        return "demonym"
    if g["text"].lower().endswith((" county", " parish")):
        return "county"
    if top.kind in ("country", "admin1", "continent", "region", "historical-state"):
        return "area point" if top.name.lower() == g["text"].lower() else "wrong area"
    if m.resolution.best is None:
        return "ambiguous (top candidate wrong)"
    return "wrong namesake"


def evaluate(docs: list[dict], *, demonyms: bool, show_errors: int = 0) -> dict:
    from gazetteer import default_gazetteer
    gaz = default_gazetteer()
    tp = n_pred = n_gold = 0
    errors: list[float] = []
    unsure = 0
    fps: Counter = Counter()
    fns: dict[str, Counter] = {}
    far: dict[str, Counter] = {}
    started = time.perf_counter()
    for doc in docs:
        mentions = [m for m in spot(doc["text"], gazetteer=gaz)
                    if m.kind == "place" or demonyms]
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
                fns.setdefault(_fn_class(g, gaz.exists), Counter())[g["text"]] += 1
        for p, g in pairs:
            m = p["m"]
            top = _point(m)
            e = haversine_km(top.lat, top.lon, g["lat"], g["lon"]) if top else MAX_KM
            unsure += m.resolution.best is None
            errors.append(e)
            if e >= 161:
                far.setdefault(_far_class(g, m, top), Counter())[
                    (g["text"], top.name if top else None, top.country if top else None,
                     round(e))] += 1
    seconds = time.perf_counter() - started
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    result = {
        "documents": len(docs), "gold": n_gold, "predicted": n_pred, "matched": tp,
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
        "error": error_stats(errors), "matched_low_confidence": unsure,
        "seconds": round(seconds, 2),
        "errors_by_class": {
            "false positives": n_pred - tp,
            **{f"missed: {k}": sum(v.values()) for k, v in sorted(fns.items(), key=lambda kv: -sum(kv[1].values()))},
            **{f"far: {k}": sum(v.values()) for k, v in sorted(far.items(), key=lambda kv: -sum(kv[1].values()))},
        },
    }
    if show_errors:
        result["false_positives"] = fps.most_common(show_errors)
        result["missed"] = {k: v.most_common(show_errors) for k, v in fns.items()}
        result["far"] = {k: v.most_common(show_errors) for k, v in far.items()}
    return result


def _line(label: str, res: dict) -> str:
    e = res["error"]
    return (f"{label:<22} docs {res['documents']:>3}  gold {res['gold']:>4}  "
            f"P {res['precision']:.3f}  R {res['recall']:.3f}  F1 {res['f1']:.3f}  "
            f"mean {e['mean_km']} km  median {e['median_km']} km  Acc@161 {e['acc161']}  "
            f"AUC {e['auc']}  (low-confidence {res['matched_low_confidence']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--errors", type=int, default=0, help="show the N commonest errors per class")
    ap.add_argument("--half", choices=["A", "B"], help="only this sub-half of each news file")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    files = args.files or [CORPORA / f for f in DEFAULT]
    missing = [f for f in files if not f.is_file()]
    if missing:
        print(f"no such corpus: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    report = {}
    for f in files:
        docs = read(f)
        dem = with_demonyms(f)
        parts = {"all": docs}
        if dem:
            parts = {"A": docs[0::2], "B": docs[1::2], "all": docs}
        if args.half and dem:
            parts = {args.half: parts[args.half]}
        for part, subset in parts.items():
            show = args.errors if part == (args.half or "all") else 0
            report[f"{f.stem}:{part}"] = evaluate(subset, demonyms=dem, show_errors=show)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
        return 0
    for label, res in report.items():
        print(_line(label, res))
    if args.errors:
        for label, res in report.items():
            if "false_positives" not in res:
                continue
            print(f"\n== {label}: errors by class", json.dumps(res["errors_by_class"]))
            print("  false positives:", res["false_positives"])
            for k, v in res["missed"].items():
                print(f"  missed: {k}:", v)
            for k, v in res["far"].items():
                print(f"  far: {k}:", v)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
