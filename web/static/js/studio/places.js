// An event's places: each shows its status (resolved, ambiguous, unresolved, pinned;
// inferred or under 50% confidence flagged), and a fixer with the gazetteer's
// candidates (country, region, population) on a mini-map, a marker to drag, typed
// coordinates, and "use this for every mention of the name in this story".
import { api, el } from "./http.js";
import { field, nextId } from "./fields.js";
import { describe, miniMap } from "./minimap.js";

export const LOW = 0.5;
export const placeName = (p) => (typeof p === "string" ? p : p.name);
const pinned = (p) => typeof p === "object" && typeof p.lat === "number" && typeof p.lon === "number";

/** {status, flag, confidence} of one place, from the place itself and the server's report. */
export function placeStatus(p, report) {
  const info = report?.[placeName(p)];
  const status = pinned(p) ? "pinned" : info ? info.status : report ? "unresolved" : "checking";
  const own = typeof p === "object" && typeof p.confidence === "number" ? p.confidence : null;
  const confidence = own ?? (pinned(p) ? null : info?.confidence ?? null);
  const inferred = typeof p === "object" && p.inferred === true;
  const low = confidence !== null && confidence < LOW && status !== "unresolved";
  const flag = [inferred && "inferred", low && `low confidence ${Math.round(confidence * 100)}%`].filter(Boolean).join(", ");
  return { status, flag, confidence, info };
}

function pinnedPlace(old, lat, lon) {
  const base = typeof old === "string" ? { name: old } : { ...old };
  delete base.inferred; delete base.confidence;  // an editor placed it: no longer a guess
  return { ...base, lat, lon };
}

function fixer(event, j, ctx, done) {
  const p = event.places[j];
  const name = placeName(p);
  const { info } = placeStatus(p, ctx.report());
  const candidates = info ? [...(info.best ? [info.best] : []), ...info.candidates.filter((c) => c.id !== info.best?.id)] : [];
  const everyId = nextId();
  const every = el("input", { type: "checkbox", id: everyId, class: "ca-studio-every" });
  const apply = (lat, lon) => {
    const place = pinnedPlace(p, lat, lon);
    if (every.checked) ctx.applyToAll(name, place); else { event.places[j] = place; ctx.changed(); }
    done();
  };
  const box = el("div", { class: "ca-studio-fixer", role: "group", "aria-label": `Fix ${name}` });
  box.append(el("p", { class: "ca-studio-every-row" }, every,
    el("label", { for: everyId, text: ` Use this for every mention of “${name}” in this story` })));
  box.append(el("p", { text: candidates.length ? `Candidates for “${name}”:` : `The gazetteer has no candidate for “${name}”: drag the marker or type coordinates.` }));
  box.append(el("ul", { class: "ca-studio-candidates" }, ...candidates.map((c) => el("li", {},
    el("button", { type: "button", class: "ca-studio-candidate", text: `Use ${describe(c)}`,
      onclick: () => apply(c.lat, c.lon) })))));
  const mapBox = el("div", { class: "ca-studio-minimap", role: "application",
    "aria-label": `Map of the candidates for ${name}; drag the marker to pin the place` });
  box.append(mapBox);
  const coords = { lat: pinned(p) ? p.lat : candidates[0]?.lat, lon: pinned(p) ? p.lon : candidates[0]?.lon };
  const [latLab, latIn] = field("Pin latitude", coords.lat, () => {}, { type: "number" });
  const [lonLab, lonIn] = field("Pin longitude", coords.lon, () => {}, { type: "number" });
  latIn.step = lonIn.step = "any";
  box.append(latLab, latIn, lonLab, lonIn, el("button", { type: "button", text: "Pin at these coordinates", onclick: () => {
    const lat = Number(latIn.value), lon = Number(lonIn.value);
    if (latIn.value === "" || lonIn.value === "" || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
      latIn.setAttribute("aria-invalid", "true"); lonIn.setAttribute("aria-invalid", "true");
      ctx.say("A latitude is -90 to 90 and a longitude -180 to 180.");
      return;
    }
    apply(lat, lon);
  } }));
  requestAnimationFrame(() => miniMap(mapBox, {
    basemapUrl: ctx.config.basemapUrl, candidates, pinned: pinned(p) ? p : null,
    onPick: (c) => apply(c.lat, c.lon),
    onPin: ({ lat, lon }) => apply(lat, lon),
  }));
  return box;
}

export function placesEditor(event, ctx) {
  const list = el("ul", { class: "ca-studio-places" });
  let open = null;
  const draw = () => {
    const report = ctx.report();
    list.replaceChildren(...(event.places || []).map((p, j) => {
      const { status, flag } = placeStatus(p, report);
      const name = placeName(p);
      const li = el("li", { class: `ca-studio-place ca-studio-place-${status}${flag ? " ca-studio-flagged" : ""}`, "data-name": name },
        el("span", { class: "ca-studio-place-name", text: name }),
        el("span", { class: "ca-studio-status", text: ` (${status}${pinned(p) ? ` ${p.lat}, ${p.lon}` : ""})${flag ? ` ⚠ ${flag}` : ""} ` }));
      const fix = el("button", { type: "button", "aria-expanded": String(open === j), text: `Fix place ${name}` });
      fix.addEventListener("click", () => { open = open === j ? null : j; draw(); });
      li.append(fix, el("button", { type: "button", text: `Remove place ${name}`, onclick: () => {
        event.places.splice(j, 1); if (!event.places.length) delete event.places; open = null; ctx.changed(); draw();
      } }));
      if (open === j) li.append(fixer(event, j, ctx, () => { open = null; draw(); }));
      return li;
    }));
  };
  draw();
  ctx.redraws.add(draw);
  const id = nextId();
  const search = el("input", { id, type: "search", placeholder: "e.g. The Hague" });
  const results = el("ul", { class: "ca-studio-candidates", "aria-live": "polite" });
  const run = async () => {
    const q = search.value.trim();
    if (!q) return;
    const { status, data } = await api(`${ctx.config.geocodeUrl}?q=${encodeURIComponent(q)}`);
    if (status !== 200) { results.replaceChildren(el("li", { text: data.error })); return; }
    const found = data.candidates?.length ? data.candidates : (data.best ? [data.best] : []);
    results.replaceChildren(...found.slice(0, 8).map((c) => el("li", {},
      el("button", { type: "button", class: "ca-studio-pick",
        text: `Use ${c.name}${c.country ? `, ${c.country}` : ""}${c.kind ? ` (${c.kind})` : ""}`,
        onclick: () => {
          event.places = [{ name: c.name, lat: c.lat, lon: c.lon }];
          results.replaceChildren(); search.value = ""; ctx.changed(); draw();
        } }))));
    if (!found.length) results.replaceChildren(el("li", { text: "No place found." }));
  };
  search.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); run(); } });
  return [el("p", { class: "ca-studio-label", text: "Places" }), list, el("label", { for: id, text: "Search the gazetteer" }), search,
    el("button", { type: "button", text: "Search", onclick: run }), results];
}
