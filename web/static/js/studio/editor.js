// The story editor: story settings, eras, events inline (dates parsed by the server),
// places fixed with the gazetteer, a review of the draft against its article, saves
// with If-Match (conflicts shown), merges, history with compare and restore, publish.
import { api, el } from "./http.js";
import { eventRow } from "./event-row.js";
import { erasEditor } from "./eras.js";
import { mergeEvents } from "./merge.js";
import { drawHistory, wireCompare } from "./history.js";
import { reviewList, showSource } from "./review.js";
import { settingsEditor } from "./settings.js";

const config = JSON.parse(document.getElementById("studio-config").textContent);
const state = { story: null, revision: null, dirty: false, article: null, report: null, picked: new Set(), selected: null };
const $ = (id) => document.getElementById(id);

function say(text) { $("story-state").textContent = text; }
function markDirty() { state.dirty = true; say(`Unsaved changes (revision ${state.revision})`); }

const ctx = {
  config, state, $, say,
  redraws: new Set(),
  report: () => state.report,
  changed: () => { markDirty(); scheduleReview(); },
  select,
  applyToAll(name, place) {
    let n = 0;
    for (const e of state.story.events) {
      (e.places || []).forEach((p, j) => {
        if ((typeof p === "string" ? p : p.name) === name) { e.places[j] = { ...place }; n += 1; }
      });
    }
    markDirty(); render();
    say(`Pinned ${n} mention${n === 1 ? "" : "s"} of “${name}”; save to keep them as one revision`);
  },
  reload: load,
  /** The real viewer on revision n, in the story's theme (the embed reads ?theme=). */
  previewSrc(n) {
    const theme = state.story?.settings?.theme;
    return `${config.previewUrl}-r${n}${theme ? `?theme=${encodeURIComponent(theme)}` : ""}`;
  },
};

let reviewTimer;
function scheduleReview() { clearTimeout(reviewTimer); reviewTimer = setTimeout(drawReview, 400); }
function drawReview() { reviewList($("review"), state.story, state.report, (id) => select(id, { focus: true })); }

function select(id, { focus = false } = {}) {
  const event = state.story.events.find((e) => e.id === id);
  if (!event) return;
  if (state.selected !== id) {
    document.querySelector(".ca-studio-event.ca-studio-selected")?.classList.remove("ca-studio-selected");
    state.selected = id;
    showSource($("article"), $("selected-info"), state.article, event);
  }
  const find = () => document.querySelector(`.ca-studio-event[data-id="${CSS.escape(id)}"]`);
  if (!find()) state.drawAllRows?.();
  const row = find();
  row?.classList.add("ca-studio-selected");
  if (focus && row) { row.scrollIntoView({ block: "start" }); row.querySelector("input")?.focus(); }
}

function render() {
  const s = state.story;
  $("story-title-heading").textContent = s.title || "";
  $("settings").replaceChildren(...settingsEditor(s, { config, onChange: () => { $("story-title-heading").textContent = s.title || ""; markDirty(); } }));
  $("eras").replaceChildren(...erasEditor(s, { config, onChange: markDirty }));
  ctx.redraws.clear();
  state.picked = new Set([...state.picked].filter((id) => s.events.some((e) => e.id === id)));
  drawRows(s.events);
  mergeButton();
  drawReview();
}

// The first rows at once, the rest in chunks: a 1,000-event story is usable at once.
const FIRST = 40, CHUNK = 80;
let rowsToken = 0;

function drawRows(events) {
  const token = ++rowsToken;
  const box = $("events");
  box.replaceChildren();
  let next = 0;
  const step = (n) => {
    const frag = document.createDocumentFragment();
    for (const end = Math.min(events.length, next + n); next < end; next++) frag.append(rowFor(events, next));
    box.append(frag);
  };
  step(FIRST);
  state.drawAllRows = () => { if (token === rowsToken) step(events.length); };
  const more = () => { if (token === rowsToken && next < events.length) { step(CHUNK); setTimeout(more, 0); } };
  setTimeout(more, 0);
}

function rowFor(events, i) {
  const event = events[i];
  const row = eventRow(event, ctx, {
    picked: state.picked.has(event.id),
    onMergePick: (on) => { if (on) state.picked.add(event.id); else state.picked.delete(event.id); mergeButton(); },
    onDelete: () => { events.splice(i, 1); ctx.changed(); render(); },
    onDuplicate: () => {
      const copy = structuredClone(event);
      copy.id = `${event.id}-copy-${Date.now().toString(36)}`;
      events.splice(i + 1, 0, copy); ctx.changed(); render();
    },
  });
  if (event.id === state.selected) row.classList.add("ca-studio-selected");
  return row;
}

function mergeButton() {
  const n = state.picked.size;
  $("merge").disabled = n !== 2;
  $("merge-hint").textContent = n === 2 ? "Two events selected." : `Select two events to merge (${n} selected).`;
}

$("merge").addEventListener("click", () => {
  const events = state.story.events;
  // the event selected first is kept (its id, headline, place in the story)
  const [i, j] = [...state.picked].map((id) => events.findIndex((e) => e.id === id));
  if (i === undefined || j === undefined || i < 0 || j < 0) return;
  const merged = mergeEvents(events[i], events[j]);
  events[i] = merged;
  events.splice(j, 1);
  state.picked.clear();
  ctx.changed(); render();
  say(`Merged into “${merged.title}” (unsaved; one revision when you save)`);
  select(merged.id, { focus: true });
});

async function fetchReport() {
  const { status, data } = await api(config.placesUrl, { method: "POST", json: { story: state.story } });
  if (status !== 200) return;
  state.report = data.names;
  for (const draw of ctx.redraws) draw();
  drawReview();
}

async function load() {
  const history = drawHistory(ctx);  // in parallel with the story
  const { data } = await api(config.api);
  state.story = data.story;
  state.revision = data.revision;
  state.article = data.article;
  state.dirty = false;
  performance.mark("studio-loaded");
  render();
  performance.mark("studio-rendered");  // read by benchmarks
  showSource($("article"), $("selected-info"), state.article, null);
  $("preview").src = ctx.previewSrc(data.revision);
  await history;
  say(`Revision ${data.revision}${data.published_revision ? `, published revision ${data.published_revision}` : ", draft"}`);
  fetchReport();
}

function showConflict(data, mine) {
  const changed = Object.entries(data.changes?.changed || {}).map(([id, fields]) => `${id}: ${fields.join(", ")}`);
  const box = $("conflict");
  box.replaceChildren(
    el("p", { text: `Conflict: ${data.error} Saved by ${(data.authors || []).join(", ") || "someone"}.` }),
    el("p", { text: changed.length ? `They changed ${changed.join("; ")}.` : "" }),
    el("p", { text: "Your text is kept below; their version is loaded. Copy what you need, then save again." }),
    el("textarea", { "aria-label": "Your unsaved version", rows: 6, readonly: true, class: "ca-studio-mine",
      text: JSON.stringify(mine.events.filter((e) => changed.some((c) => c.startsWith(`${e.id}:`))), null, 1) }),
  );
  box.hidden = false;
}

function tidy(story) {
  for (const e of story.events) {
    if (e.sources) { e.sources = e.sources.filter((s) => typeof s === "string" || s.url || s.title); if (!e.sources.length) delete e.sources; }
  }
  return story;
}

async function save() {
  say("Saving…");
  const mine = tidy(state.story);
  const { status, data } = await api(config.api, { method: "PUT", json: { story: mine }, etag: state.revision });
  if (status === 200) {
    $("conflict").hidden = true;
    await load();
    say(`Saved revision ${data.revision}`);
  } else if (status === 409) {
    state.story = data.story; state.revision = data.revision; render();
    showConflict(data, mine);
    say(`Conflict with revision ${data.revision}`);
  } else {
    say(data.error || `Save failed (${status})`);
    if (data.problems) $("conflict").replaceChildren(...data.problems.map((p) => el("p", { text: p.text })));
    $("conflict").hidden = !data.problems;
  }
}

$("save").addEventListener("click", save);
$("add-event").addEventListener("click", () => {
  state.story.events.push({ id: `event-${Date.now().toString(36)}`, title: "New event" });
  ctx.changed(); render();
});
$("publish").addEventListener("click", async () => {
  if (state.dirty) await save();
  const { data } = await api(`${config.api}/publish`, { method: "POST", json: {} });
  say(data.ok ? `Published revision ${data.published_revision} at ${data.url}` : data.error);
});
$("unpublish").addEventListener("click", async () => {
  const { data } = await api(`${config.api}/unpublish`, { method: "POST", json: {} });
  say(data.ok ? "Unpublished: readers see nothing now" : data.error);
});
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
});
wireCompare(ctx);
load();
