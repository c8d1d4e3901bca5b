// The story's own fields and settings: title, summary (Markdown), byline, publication
// date, and theme, basemap and tile layer among the choices this server offers.
import { el } from "./http.js";
import { dateField, field, markdownField, nextId } from "./fields.js";

function select(label, options, value, onChange) {
  const id = nextId();
  const box = el("select", { id });
  box.append(...options.map(([v, text]) => el("option", { value: v, text })));
  box.value = options.some(([v]) => v === value) ? value : "";
  box.addEventListener("change", () => onChange(box.value));
  return [el("label", { for: id, text: label }), box];
}

export function settingsEditor(story, { config, onChange }) {
  const opts = config.options || { themes: [], basemaps: [], tiles: [] };
  const settings = () => (story.settings ||= {});
  const put = (key, value) => {
    if (value === "" || value === undefined) { if (story.settings) delete story.settings[key]; } else settings()[key] = value;
    if (story.settings && !Object.keys(story.settings).length) delete story.settings;
    onChange();
  };
  const tiles = opts.tiles.map((t, i) => [String(i), t.label]);
  const current = story.settings?.tiles?.[0];
  const tileIndex = opts.tiles.findIndex((t) => JSON.stringify(t.item) === JSON.stringify(current));
  return [
    ...field("Title", story.title, (v) => { story.title = v; onChange(); }),
    ...markdownField(story, "summary", "Summary (Markdown)", config, onChange),
    ...field("Byline", story.byline, (v) => { if (v.trim()) story.byline = v; else delete story.byline; onChange(); }),
    ...dateField("Publication date", story, "published", config, onChange),
    ...select("Theme", [["", "Reader's choice (light)"], ...opts.themes.map((t) => [t, t])], story.settings?.theme, (v) => put("theme", v)),
    ...select("Basemap", [["", "Automatic (physical before 1800)"], ...opts.basemaps.map((b) => [b, `Offline ${b}`])],
      story.settings?.basemap, (v) => put("basemap", v)),
    ...(tiles.length ? select("Tile layer", [["", "None (offline map)"], ...tiles], tileIndex >= 0 ? String(tileIndex) : "",
      (v) => put("tiles", v === "" ? undefined : [opts.tiles[Number(v)].item])) : []),
    el("p", { class: "ca-studio-hint", text: tiles.length ? "" : "This server offers no tile layers: stories use the offline map." }),
  ];
}
