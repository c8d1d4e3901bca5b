"""Score article -> story extraction on events-dev style JSON lines (issue 14's rules).

    python benchmarks/eval_extract.py [FILE.jsonl] [--errors] [--json] [--only ID]
        [--folds] [--save RUN.json] [--compare RUN.json] [--headlines CORPUS.jsonl ...]

``--folds`` adds the spread over articles (min / median / max of each figure) and the
leave-one-article-out totals: a figure that moves a lot when one article is left out
rests on that article. ``--save``/``--compare`` keep per-article figures of a run and
show which articles a change moves (a rule that helps only one article shows as one
row). ``--headlines`` scores the clean-headline rule on unannotated news corpora
(geowebnews-dev, trnews-dev ...), split into even and odd articles, so headline rules
tuned on one half are judged on the other.

Default corpus: ../shared/corpora/events-dev.jsonl. Each line holds an article's ``text``,
its ``published`` date, the gold ``events`` (date, optional end, place, headline,
``evidence`` and ``mentions`` spans, optional ``optional: true``) and ``undated``
happenings. ``extract`` runs on each text with its publication date.

Rules (issue 14):
- a dated event matches a gold event when its provenance overlaps one of the gold's spans
  (``evidence`` or ``mentions``) and its date interval overlaps the gold's; one to one,
  exact dates first, then larger character overlaps; ``optional`` gold events count only
  when matched;
- P = matches / dated events, R = matches / counted gold, F1;
- date exact = share of matches whose start equals the gold's, at the same precision (and
  whose end equals the gold's end when the gold gives a range);
- place accuracy = over matched events whose gold has a place, the share whose place
  (the event's first located place) lies within 161 km of the gold place (any of
  ``places`` when there are several);
- junk = share of dated events whose provenance overlaps no gold span at all (dated or
  undated, evidence or mentions);
- clean headlines = share of headlines (dated and undated events) that read as headlines:
  3-12 words, not starting with a pronoun, conjunction or number, not ending on a
  function word, balanced quotes.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# The shared corpora sit beside the checkout (../shared), or two levels up from a worktree.
DEFAULT = next((p / "shared" / "corpora" / "events-dev.jsonl"
                for p in Path(__file__).resolve().parents[1:4]
                if (p / "shared" / "corpora" / "events-dev.jsonl").exists()),
               Path(__file__).resolve().parents[2] / "shared" / "corpora" / "events-dev.jsonl")
KM = 161.0

PRONOUNS = frozenset("""i me my mine we us our ours you your yours he him his she her hers it its
they them their theirs this that these those who whom whose which what whatever whoever
there here one someone something anyone anything everyone everything nobody none""".split())
CONJUNCTIONS = frozenset("""and but or nor so yet for because although though while whilst when
whenever if unless since after before as until till whereas whether once than that
however also then""".split())
NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
seventy eighty ninety hundred hundreds thousand thousands million millions billion billions
dozens dozen first second third""".split())
FUNCTION_WORDS = frozenset("""a an the of in on at to for by with from into onto over under about
after before since during until than as and or but nor so yet that which who whom whose
its his her their our my your this these those is are was were be been being am has have
had do does did will would shall should can could may might must not no very also then
there here if when while because although though where whether per via against between
among amid without within upon off out up down""".split())

WORD = re.compile(r"[\w’'-]+")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def clean_headline(title: str) -> bool:
    """Whether ``title`` reads as a headline by the issue's rules."""
    words = [w for w in title.split() if WORD.search(w)]
    if not 3 <= len(words) <= 12:
        return False
    first_raw = WORD.search(words[0]).group()
    first, last = first_raw.lower(), WORD.findall(words[-1])[-1].lower()
    first = re.sub(r"['’]s$", "", first)
    if first_raw.isupper() and len(first_raw) > 1:  # "US", "UN": names, not pronouns
        first = ""
    if first in PRONOUNS or first in CONJUNCTIONS or first in NUMBER_WORDS:
        return False
    if not first_raw or first_raw[0].isdigit() or first.startswith(("$", "£", "€")) or title.lstrip()[:1] in "$£€":
        return False
    if last in FUNCTION_WORDS:
        return False
    if title.count('"') % 2 or title.count("“") != title.count("”"):
        return False
    # ‘ opens a quote; ’ is also the apostrophe, so only more openers than closers is unbalanced
    if title.count("‘") > title.count("’"):
        return False
    if title.count("(") != title.count(")"):
        return False
    return True


def interval(start, end=None) -> tuple[float, float]:
    return start.position, (end or start).end_position()


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def gold_spans(g: dict) -> list[tuple[int, int]]:
    spans = [tuple(g["evidence"])] if g.get("evidence") else []
    spans += [tuple(s) for s in g.get("mentions", ()) if tuple(s) not in spans]
    return spans


def gold_places(g: dict) -> list[tuple[float, float]]:
    out = []
    if g.get("place"):
        out.append((g["place"]["lat"], g["place"]["lon"]))
    for p in g.get("places") or ():
        out.append((p["lat"], p["lon"]))
    return out


def event_point(event) -> tuple[float, float] | None:
    for p in event.places:
        if p.lat is not None and p.lon is not None:
            return p.lat, p.lon
        if p.resolved is not None and p.resolved.located:
            return p.resolved.lat, p.resolved.lon
    return None


def score_article(doc: dict, story) -> dict:
    from timeline.dates import parse_date

    golds = []
    for g in doc["events"]:
        start = parse_date(g["date"])
        end = parse_date(g["end"]) if g.get("end") else None
        golds.append({**g, "_start": start, "_end": end, "_iv": interval(start, end),
                      "_spans": gold_spans(g)})
    all_spans = [s for g in golds for s in g["_spans"]]
    all_spans += [s for u in doc.get("undated", ()) for s in gold_spans(u)]

    dated = [e for e in story.events if e.start is not None and e.provenance]
    undated = [e for e in story.events if e.start is None]

    pairs = []
    for i, e in enumerate(dated):
        prov = tuple(e.provenance)
        iv = interval(e.start, e.end)
        for j, g in enumerate(golds):
            ov = max((overlap(prov, s) for s in g["_spans"]), default=0)
            if ov <= 0:
                continue
            if not (iv[0] < g["_iv"][1] and g["_iv"][0] < iv[1]):
                continue
            # exact: the same start at the gold's precision, and the same end when the
            # gold gives one
            exact = e.start.isoformat() == g["_start"].isoformat() and (
                g["_end"] is None or (e.end is not None
                                      and e.end.isoformat() == g["_end"].isoformat()))
            pairs.append((not exact, -ov, i, j, exact))
    pairs.sort()
    used_e, used_g, matches = set(), set(), []
    for _, _, i, j, exact in pairs:
        if i in used_e or j in used_g:
            continue
        used_e.add(i)
        used_g.add(j)
        matches.append((i, j, exact))

    counted_gold = sum(1 for j, g in enumerate(golds) if not g.get("optional") or j in used_g)
    place_total = place_ok = 0
    place_rows = []
    for i, j, _ in matches:
        gp = gold_places(golds[j])
        if not gp:
            continue
        place_total += 1
        pt = event_point(dated[i])
        ok = pt is not None and min(km(pt[0], pt[1], la, lo) for la, lo in gp) <= KM
        place_ok += ok
        if not ok:
            place_rows.append((dated[i], golds[j]))
    junk = [e for e in dated if not any(overlap(tuple(e.provenance), s) > 0 for s in all_spans)]
    heads = [e.title for e in dated + undated]
    clean = [h for h in heads if clean_headline(h)]
    return {
        "id": doc["id"], "system": len(dated), "gold": counted_gold, "matched": len(matches),
        "exact": sum(1 for m in matches if m[2]), "place_total": place_total,
        "place_ok": place_ok, "junk": len(junk), "headlines": len(heads),
        "clean": len(clean), "undated": len(undated),
        "_detail": {"dated": dated, "undated": undated, "golds": golds, "matches": matches,
                    "junk": junk, "place_errors": place_rows,
                    "unclean": [h for h in heads if not clean_headline(h)]},
    }


def figures(r: dict) -> dict:
    p = r["matched"] / r["system"] if r["system"] else 0.0
    rec = r["matched"] / r["gold"] if r["gold"] else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return {
        "P": p, "R": rec, "F1": f1,
        "date_exact": r["exact"] / r["matched"] if r["matched"] else 0.0,
        "place": r["place_ok"] / r["place_total"] if r["place_total"] else 0.0,
        "junk": r["junk"] / r["system"] if r["system"] else 0.0,
        "clean": r["clean"] / r["headlines"] if r["headlines"] else 0.0,
    }


def show_errors(doc: dict, r: dict) -> None:
    d = r["_detail"]
    text = doc["text"]
    matched_e = {i for i, _, _ in d["matches"]}
    matched_g = {j for _, j, _ in d["matches"]}
    print(f"--- {doc['id']}")
    for i, j, exact in d["matches"]:
        e, g = d["dated"][i], d["golds"][j]
        if not exact:
            print(f"  DATE  {e.start.isoformat()} vs gold {g['date']}: {e.title!r}")
    for j, g in enumerate(d["golds"]):
        if j not in matched_g:
            tag = " (optional)" if g.get("optional") else ""
            s = g["evidence"]
            print(f"  MISS{tag} {g['date']} {g['headline']!r}: {text[s[0]:s[1]][:110]!r}")
    for i, e in enumerate(d["dated"]):
        if i not in matched_e:
            kind = "JUNK" if e in d["junk"] else "EXTRA"
            print(f"  {kind} {e.start.isoformat()} {e.title!r} @{e.provenance}")
    for e, g in d["place_errors"]:
        names = [p.name for p in e.places]
        gname = (g.get("place") or {}).get("name") or [p["name"] for p in g.get("places", ())]
        print(f"  PLACE {e.title!r}: {names} vs gold {gname}")
    for h in d["unclean"]:
        print(f"  HEAD  {h!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--errors", action="store_true", help="list misses, junk, wrong places")
    ap.add_argument("--json", action="store_true", help="print totals as JSON")
    ap.add_argument("--only", action="append", help="score only this article id")
    ap.add_argument("--folds", action="store_true",
                    help="spread over articles and leave-one-article-out totals")
    ap.add_argument("--save", type=Path, help="write per-article figures to this file")
    ap.add_argument("--compare", type=Path, help="per-article change against a --save file")
    ap.add_argument("--headlines", type=Path, nargs="+", metavar="CORPUS",
                    help="clean-headline rate on these unannotated corpora, by halves")
    args = ap.parse_args(argv)

    from timeline.dates import parse_date
    from timeline.extract import extract

    docs = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    if args.only:
        docs = [d for d in docs if d["id"] in args.only]
    rows = []
    t0 = time.perf_counter()
    for doc in docs:
        result = extract(doc["text"], published=parse_date(doc["published"]))
        r = score_article(doc, result.story)
        rows.append(r)
        if args.errors:
            show_errors(doc, r)
    elapsed = time.perf_counter() - t0
    keys = ("system", "gold", "matched", "exact", "place_total", "place_ok", "junk",
            "headlines", "clean")
    total = {k: sum(r[k] for r in rows) for k in keys}
    header = (f"{'article':<26}{'sys':>4}{'gold':>5}{'hit':>4}  {'P':>5}{'R':>6}{'F1':>6}"
              f"{'exact':>7}{'place':>8}{'junk':>6}{'clean':>7}")
    print(header)
    for r in rows + [dict(total, id="TOTAL (micro)")]:
        f = figures(r)
        print(f"{r['id']:<26}{r['system']:>4}{r['gold']:>5}{r['matched']:>4}  {f['P']:>5.2f}"
              f"{f['R']:>6.2f}{f['F1']:>6.2f}{f['date_exact']:>7.2f}"
              f"{f['place']:>5.2f}({r['place_total']:>2}){f['junk']:>5.0%}{f['clean']:>7.2f}")
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} articles, {words:,} words in {elapsed:.2f} s "
          f"(first call includes opening the gazetteer)")
    if args.folds:
        print_folds(rows, keys)
    per_article = {r["id"]: {k: round(v, 4) for k, v in figures(r).items()} for r in rows}
    if args.save:
        args.save.write_text(json.dumps(per_article, indent=1))
    if args.compare:
        print_compare(json.loads(args.compare.read_text()), per_article)
    if args.headlines:
        headline_halves(args.headlines)
    if args.json:
        print(json.dumps({k: round(v, 4) for k, v in figures(total).items()} | total))
    return 0


FIGS = ("F1", "date_exact", "place", "junk", "clean")


def print_folds(rows: list[dict], keys: tuple) -> None:
    """Spread over articles, and each figure with one article left out."""
    import statistics

    per = [figures(r) for r in rows]
    print("\nspread over articles" + " " * 8 + "".join(f"{k:>11}" for k in FIGS))
    for name, fn in (("min", min), ("median", statistics.median), ("max", max)):
        print(f"  {name:<26}" + "".join(f"{fn(f[k] for f in per):>11.2f}" for k in FIGS))
    print("leave one article out (micro totals without it)")
    for r in rows:
        rest = {k: sum(o[k] for o in rows if o is not r) for k in keys}
        f = figures(rest)
        print(f"  - {r['id']:<24}" + "".join(f"{f[k]:>11.2f}" for k in FIGS))


def print_compare(before: dict, after: dict) -> None:
    """Which articles a change moved, figure by figure."""
    print("\nchange against the saved run (after - before), articles that moved")
    for aid, fig in after.items():
        old = before.get(aid)
        if old is None:
            continue
        moved = {k: fig[k] - old[k] for k in FIGS if abs(fig[k] - old[k]) > 1e-6}
        if moved:
            print(f"  {aid:<26}" + "  ".join(f"{k} {v:+.2f}" for k, v in moved.items()))


def headline_halves(paths: list[Path]) -> None:
    """Clean headlines on corpora without event gold, even vs odd articles. No
    publication date is known there; a fixed one stands in (it moves dates, not words)."""
    from timeline.dates import parse_date
    from timeline.extract import extract

    published = parse_date("2018-06-15")
    halves = [[0, 0], [0, 0]]
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            story = extract(json.loads(line)["text"], published=published).story
            heads = [e.title for e in story.events]
            halves[n % 2][0] += len(heads)
            halves[n % 2][1] += sum(map(clean_headline, heads))
    for name, (total, clean) in zip(("even", "odd"), halves):
        print(f"clean headlines, {name} articles of {', '.join(p.stem for p in paths)}: "
              f"{clean / total if total else 0:.3f} of {total}")


if __name__ == "__main__":
    raise SystemExit(main())
