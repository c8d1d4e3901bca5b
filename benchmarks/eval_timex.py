"""Score the temporal expression tagger on TimeML files with TempEval-3 Task A metrics.

    python benchmarks/eval_timex.py [DIR_OR_FILES ...] [--errors N] [--halves] [--json]

Default: every corpus in ../shared/corpora (next to the project checkout): WikiWars,
and TBAQ as TimeBank, AQUAINT and both together (TempEval-3's training data, the kind
of text its platinum test set is). The DCT of each document is its CREATION_TIME TIMEX3.

Relaxed match: system and gold spans overlap, paired one-to-one greedily by overlap.
Strict match: a relaxed pair whose trimmed texts are identical. P = matches / system,
R = matches / gold, micro-averaged over all documents. Value F1 = (share of relaxed
pairs with the gold value) x relaxed F1. Type accuracy: share of relaxed pairs with the
gold TIMEX3 type (WikiWars' conversion calls every type DATE, so it is not shown there).
Named periods ("World War II") are left out:
TimeML annotates them as events, not TIMEX3; ``tag(timeml=True)`` follows TimeML's other
conventions that give a timeline less ("three days later" is the duration "three days").
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.timeml import corpora_dir, read_timeml  # noqa: E402
from timeline.timex import tag  # noqa: E402

CORPORA = corpora_dir()
DEFAULT = {
    "WikiWars": [CORPORA / "wikiwars"],
    "TimeBank": [CORPORA / "tbaq" / "TimeBank"],
    "AQUAINT": [CORPORA / "tbaq" / "AQUAINT"],
    "TBAQ (all)": [CORPORA / "tbaq" / "TimeBank", CORPORA / "tbaq" / "AQUAINT"],
}


def pair(system, gold):
    """One-to-one pairs of overlapping spans, largest overlap first."""
    candidates = []
    gi = 0
    for si, s in enumerate(system):
        for gj in range(gi, len(gold)):
            g = gold[gj]
            if g.end <= s.start:
                gi = gj + 1 if gj == gi else gi
                continue
            if g.start >= s.end:
                break
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if overlap > 0:
                candidates.append((-overlap, si, gj))
    candidates.sort()
    used_s, used_g, pairs = set(), set(), []
    for _, si, gj in candidates:
        if si in used_s or gj in used_g:
            continue
        used_s.add(si)
        used_g.add(gj)
        pairs.append((system[si], gold[gj]))
    return pairs


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def score(paths, *, errors: int = 0, mode: str = "auto"):
    n_sys = n_gold = relaxed = strict = value_ok = type_ok = 0
    misses, spurious, wrong = [], [], []
    per_doc = []
    for path in paths:
        doc = read_timeml(path)
        system = tag(doc.text, published=doc.dct, periods=False, mode=mode, timeml=True)
        pairs = pair(system, doc.timexes)
        n_sys += len(system)
        n_gold += len(doc.timexes)
        relaxed += len(pairs)
        s_ok = sum(1 for s, g in pairs if s.text.strip() == g.text.strip())
        v_ok = sum(1 for s, g in pairs if s.value.strip().upper() == g.value.strip().upper())
        strict += s_ok
        type_ok += sum(1 for s, g in pairs if s.type == g.type)
        value_ok += v_ok
        per_doc.append((doc.name, len(doc.timexes), len(system), len(pairs), v_ok))
        matched_s = {id(s) for s, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        for g in doc.timexes:
            if id(g) not in matched_g:
                misses.append((doc.name, g.text, g.value, doc.text[max(0, g.start - 40):g.end + 40].replace("\n", " ")))
        for s in system:
            if id(s) not in matched_s:
                spurious.append((doc.name, s.text, s.value, doc.text[max(0, s.start - 40):s.end + 40].replace("\n", " ")))
        for s, g in pairs:
            if s.value.strip().upper() != g.value.strip().upper():
                wrong.append((doc.name, s.text, s.value, g.text, g.value, g.type, doc.dct,
                              doc.text[max(0, g.start - 60):g.end + 30].replace("\n", " ")))
    p_r = relaxed / n_sys if n_sys else 0.0
    r_r = relaxed / n_gold if n_gold else 0.0
    p_s = strict / n_sys if n_sys else 0.0
    r_s = strict / n_gold if n_gold else 0.0
    f_r = f1(p_r, r_r)
    value_acc = value_ok / relaxed if relaxed else 0.0
    result = {
        "documents": len(per_doc), "gold": n_gold, "system": n_sys,
        "relaxed": {"P": p_r, "R": r_r, "F1": f_r},
        "strict": {"P": p_s, "R": r_s, "F1": f1(p_s, r_s)},
        "value_accuracy": value_acc, "value_F1": value_acc * f_r,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
    }
    return result, misses, spurious, wrong


def files_of(targets):
    files = []
    for t in targets:
        files.extend(sorted(t.glob("*.tml")) if t.is_dir() else [t])
    return files


def report(name, result, *, types=True):
    print(f"== {name}: {result['documents']} documents, {result['gold']} gold TIMEX3, {result['system']} tagged")
    for kind in ("relaxed", "strict"):
        r = result[kind]
        print(f"{kind:8s} P {r['P']:.3f}  R {r['R']:.3f}  F1 {r['F1']:.3f}")
    line = f"value    accuracy {result['value_accuracy']:.3f}  F1 {result['value_F1']:.3f}"
    if types:
        line += f"   type accuracy {result['type_accuracy']:.3f}"
    print(line)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="TimeML files or directories (default: every corpus)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses, false alarms and wrong values")
    ap.add_argument("--mode", default="auto", choices=["auto", "news", "narrative"])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--halves", action="store_true",
                    help="also score TBAQ's even- and odd-numbered documents (sorted by name) apart,"
                         " to check that a rule helps both")
    args = ap.parse_args(argv)
    if args.paths:
        corpora = {", ".join(args.paths): [Path(p) for p in args.paths]}
    else:
        corpora = dict(DEFAULT)
    if args.halves:
        tbaq = files_of(DEFAULT["TBAQ (all)"])
        tbaq.sort(key=lambda f: f.name)
        corpora["TBAQ even"] = tbaq[0::2]
        corpora["TBAQ odd"] = tbaq[1::2]
    results = {}
    for name, targets in corpora.items():
        files = files_of(targets)
        if not files:
            sys.exit(f"no .tml files in {', '.join(map(str, targets))}")
        result, misses, spurious, wrong = score(files, errors=args.errors, mode=args.mode)
        results[name] = result
        if not args.json:
            report(name, result, types=name != "WikiWars")
        if args.errors and len(corpora) == 1:
            print_errors(misses, spurious, wrong, args.errors)
    if args.json:
        print(json.dumps(results, indent=2))


def print_errors(misses, spurious, wrong, n):
    for title, rows in (("MISSED", misses), ("FALSE ALARM", spurious), ("WRONG VALUE", wrong)):
        print(f"\n== {title} ({len(rows)})")
        counts = Counter(r[1].lower() for r in rows)
        print("most common:", ", ".join(f"{t!r}x{c}" for t, c in counts.most_common(25)))
        for row in rows[:n]:
            print(" | ".join(str(x) for x in row))


if __name__ == "__main__":
    main()
