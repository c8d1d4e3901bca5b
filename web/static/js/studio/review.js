// Reviewing a draft: the article with the sentence the selected event came from
// highlighted (its provenance offsets), the event's confidence, and a review list that
// puts low-confidence events and ambiguous or unresolved places first.
import { el } from "./http.js";
import { LOW, placeName, placeStatus } from "./places.js";

const pct = (c) => `${Math.round(c * 100)}%`;
const SHOWN = 300;

/** Why an event needs a look (empty when it does not), and a sort key (lower first). */
export function concerns(event, report) {
  const why = [];
  let rank = 2;
  if (typeof event.confidence === "number" && event.confidence < LOW) {
    why.push(`low confidence ${pct(event.confidence)}`); rank = Math.min(rank, event.confidence);
  }
  for (const p of event.places || []) {
    const { status, flag } = placeStatus(p, report);
    if (status === "ambiguous" || status === "unresolved") { why.push(`${status} place ${placeName(p)}`); rank = Math.min(rank, 0.1); }
    else if (flag) { why.push(`${placeName(p)}: ${flag}`); rank = Math.min(rank, 0.4); }
  }
  return { why, rank };
}

export function reviewList(box, story, report, onSelect) {
  const items = story.events.map((e, i) => ({ e, i, ...concerns(e, report) }));
  const flagged = items.filter((x) => x.why.length).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const rest = items.filter((x) => !x.why.length);
  const entry = (x) => el("li", {}, el("button", { type: "button", class: "ca-studio-review-item",
    text: `${x.e.title}${x.why.length ? ` — ${x.why.join("; ")}` : ""}`, onclick: () => onSelect(x.e.id) }));
  const ordered = [...flagged, ...rest];
  box.replaceChildren(
    el("p", { text: flagged.length ? `${flagged.length} of ${items.length} events need a look; they come first.` : `No event needs a look (${items.length} events).` }),
    el("ol", { class: "ca-studio-review" }, ...ordered.slice(0, SHOWN).map(entry)),
    ordered.length > SHOWN ? el("p", { text: `…and ${ordered.length - SHOWN} more events, all looking fine.` }) : null,
  );
}

/** The article, with ``event.provenance`` (character offsets) marked. */
export function showSource(box, info, article, event) {
  const conf = typeof event?.confidence === "number" ? `confidence ${pct(event.confidence)}` : "no confidence (not drafted)";
  info.textContent = event ? `Selected: ${event.title} · ${conf}` : "";
  if (!article) { box.replaceChildren(el("p", { text: "This story was not drafted from an article." })); return; }
  const pv = event?.provenance;
  if (!pv || !(pv.end > pv.start) || pv.end > article.length) {
    box.replaceChildren(document.createTextNode(article));
    if (event) info.textContent += " · not found in the article";
    return;
  }
  const mark = el("mark", { class: "ca-studio-source", text: article.slice(pv.start, pv.end) });
  box.replaceChildren(document.createTextNode(article.slice(0, pv.start)), mark,
    document.createTextNode(article.slice(pv.end)));
  // scroll the article box only: moving the page would move what is being clicked
  box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);  // the box is positioned
}
