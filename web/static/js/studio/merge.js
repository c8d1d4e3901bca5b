// Merging two events into one: nothing is lost. The first keeps its id, title and
// dates (the second's fill what the first lacks); texts are joined (the second's headline kept when it has no text); places, tags and
// sources are the union of both.
const key = (x) => JSON.stringify(typeof x === "string" ? { name: x } : x);

function union(a = [], b = [], by = key) {
  const seen = new Set(a.map(by));
  return [...a, ...b.filter((x) => !seen.has(by(x)) && seen.add(by(x)))];
}

export function mergeEvents(a, b) {
  const out = { ...b, ...a };
  for (const k of Object.keys(b)) if (out[k] === undefined || out[k] === null || out[k] === "") out[k] = b[k];
  // the second's headline survives in the text when it has no text of its own
  const second = b.text && b.text.trim() ? b.text : (b.title !== a.title ? b.title : "");
  const texts = [a.text, second].filter((t) => t && t.trim());
  if (texts.length) out.text = [...new Set(texts)].join("\n\n"); else delete out.text;
  const placeName = (p) => (typeof p === "string" ? p : p.name);
  // one place per name: a pinned one (coordinates) wins over a bare name
  const places = union(a.places, b.places, (p) => placeName(p))
    .map((p) => [...(a.places || []), ...(b.places || [])].find((q) => placeName(q) === placeName(p) && typeof q === "object" && q.lat !== undefined) || p);
  for (const [k, list] of [["places", places], ["tags", union(a.tags, b.tags, String)], ["sources", union(a.sources, b.sources)]]) {
    if (list.length) out[k] = list; else delete out[k];
  }
  if (typeof a.confidence === "number" || typeof b.confidence === "number") {
    out.confidence = Math.max(a.confidence ?? 0, b.confidence ?? 0);
  }
  return out;
}
