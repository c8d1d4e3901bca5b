// One event as a form: title, dates (checked by the server's parser as you type),
// text, group, and its places with gazetteer search.
import { api, el } from "./http.js";

let counter = 0;

function field(label, value, onInput, { multiline = false } = {}) {
  const id = `f${++counter}`;
  const input = multiline ? el("textarea", { id, rows: 3 }) : el("input", { id });
  input.value = value ?? "";
  input.addEventListener("input", () => onInput(input.value, input));
  return [el("label", { for: id, text: label }), input];
}

function dateField(label, event, key, config, onChange) {
  const out = el("span", { class: "ca-studio-date", role: "status", "aria-live": "polite" });
  let timer;
  const [lab, input] = field(label, event[key], (value) => {
    if (value.trim()) event[key] = value.trim(); else delete event[key];
    onChange();
    clearTimeout(timer);
    if (!value.trim()) { out.textContent = ""; return; }
    timer = setTimeout(async () => {
      const { status, data } = await api(`${config.datesUrl}?q=${encodeURIComponent(value)}`);
      out.textContent = status === 200 ? `✓ ${data.label}` : `✗ ${data.error}`;
      input.setAttribute("aria-invalid", status === 200 ? "false" : "true");
    }, 250);
  });
  return [lab, input, out];
}

function placeName(p) { return typeof p === "string" ? p : p.name; }

function placesEditor(event, config, onChange) {
  const list = el("ul", { class: "ca-studio-places" });
  const draw = () => {
    list.replaceChildren(...(event.places || []).map((p, j) => el("li", {},
      el("span", { text: typeof p === "string" ? `${p} (resolved by name)` : `${p.name} (pinned ${p.lat}, ${p.lon})` }),
      el("button", { type: "button", text: `Remove place ${placeName(p)}`, onclick: () => {
        event.places.splice(j, 1); if (!event.places.length) delete event.places; onChange(); draw();
      } }))));
  };
  draw();
  const id = `f${++counter}`;
  const search = el("input", { id, type: "search", placeholder: "e.g. The Hague" });
  const results = el("ul", { class: "ca-studio-candidates", "aria-live": "polite" });
  const run = async () => {
    const q = search.value.trim();
    if (!q) return;
    const { status, data } = await api(`${config.geocodeUrl}?q=${encodeURIComponent(q)}`);
    if (status !== 200) { results.replaceChildren(el("li", { text: data.error })); return; }
    const found = data.candidates?.length ? data.candidates : (data.best ? [data.best] : []);
    results.replaceChildren(...found.slice(0, 8).map((c) => el("li", {},
      el("button", { type: "button", class: "ca-studio-pick",
        text: `Use ${c.name}${c.country ? `, ${c.country}` : ""}${c.kind ? ` (${c.kind})` : ""}`,
        onclick: () => {
          event.places = [{ name: c.name, lat: c.lat, lon: c.lon }];
          results.replaceChildren(); search.value = ""; onChange(); draw();
        } }))));
    if (!found.length) results.replaceChildren(el("li", { text: "No place found." }));
  };
  search.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); run(); } });
  return [el("p", { text: "Places" }), list, el("label", { for: id, text: "Search the gazetteer" }), search,
    el("button", { type: "button", text: "Search", onclick: run }), results];
}

export function eventRow(event, { config, onChange, onDelete, onDuplicate }) {
  const set = (key) => (value) => { if (value.trim()) event[key] = value; else delete event[key]; onChange(); };
  const li = el("li", { class: "ca-studio-event", "data-id": event.id });
  li.append(
    ...field("Headline", event.title, (v) => { event.title = v; onChange(); }),
    ...dateField("Start", event, "start", config, onChange),
    ...dateField("End", event, "end", config, onChange),
    ...field("Text (Markdown)", event.text, set("text"), { multiline: true }),
    ...field("Group", event.group, set("group")),
    ...placesEditor(event, config, onChange),
    el("p", { class: "ca-studio-meta", text: event.confidence != null ? `Confidence ${Math.round(event.confidence * 100)}%` : "" }),
    el("button", { type: "button", text: "Duplicate event", onclick: onDuplicate }),
    el("button", { type: "button", text: "Delete event", onclick: onDelete }),
  );
  return li;
}
