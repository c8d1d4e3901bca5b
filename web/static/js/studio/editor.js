// The story editor: events inline (dates parsed by the server), places fixed by
// gazetteer search, saves with If-Match, conflicts shown, history and restore, publish.
import { api, el } from "./http.js";
import { eventRow } from "./event-row.js";

const config = JSON.parse(document.getElementById("studio-config").textContent);
const state = { story: null, revision: null, dirty: false };
const $ = (id) => document.getElementById(id);

function say(text) { $("story-state").textContent = text; }

function markDirty() { state.dirty = true; say(`Unsaved changes (revision ${state.revision})`); }

function render() {
  const s = state.story;
  $("story-title").value = s.title || "";
  $("story-summary").value = s.summary || "";
  $("story-byline").value = s.byline || "";
  $("story-title-heading").textContent = s.title || "";
  $("events").replaceChildren(...s.events.map((event, i) => eventRow(event, {
    config,
    onChange: markDirty,
    onDelete: () => { s.events.splice(i, 1); markDirty(); render(); },
    onDuplicate: () => {
      const copy = structuredClone(event);
      copy.id = `${event.id}-copy-${Date.now().toString(36)}`;
      s.events.splice(i + 1, 0, copy); markDirty(); render();
    },
  })));
}

async function load() {
  const { data } = await api(config.api);
  state.story = data.story;
  state.revision = data.revision;
  state.dirty = false;
  render();
  $("preview").src = `${config.previewUrl}-r${data.revision}`;
  await history();
  say(`Revision ${data.revision}${data.published_revision ? `, published revision ${data.published_revision}` : ", draft"}`);
}

for (const [id, key] of [["story-title", "title"], ["story-summary", "summary"], ["story-byline", "byline"]]) {
  $(id).addEventListener("input", (e) => { state.story[key] = e.target.value || null; if (key === "title") state.story.title = e.target.value; markDirty(); });
}

function showConflict(data) {
  const box = $("conflict");
  const changed = Object.entries(data.changes?.changed || {}).map(([id, fields]) => `${id}: ${fields.join(", ")}`);
  box.replaceChildren(
    el("p", { text: `Conflict: ${data.error} Saved by ${(data.authors || []).join(", ") || "someone"}.` }),
    el("p", { text: changed.length ? `They changed ${changed.join("; ")}.` : "" }),
    el("p", { text: "Your text is kept below; their version is loaded. Copy what you need, then save again." }),
    el("textarea", { "aria-label": "Your unsaved version", rows: 6, readonly: true, class: "ca-studio-mine",
      text: JSON.stringify(state.story.events.filter((e) => changed.some((c) => c.startsWith(`${e.id}:`))), null, 1) }),
  );
  box.hidden = false;
}

async function save() {
  say("Saving…");
  const mine = state.story;
  const { status, data } = await api(config.api, { method: "PUT", json: { story: mine }, etag: state.revision });
  if (status === 200) {
    $("conflict").hidden = true;
    await load();
    say(`Saved revision ${data.revision}`);
  } else if (status === 409) {
    showConflict(data);
    const kept = $("conflict").cloneNode(true);
    state.story = data.story; state.revision = data.revision; render();
    $("conflict").replaceWith(kept); kept.id = "conflict"; kept.hidden = false;
    say(`Conflict with revision ${data.revision}`);
  } else {
    say(data.error || `Save failed (${status})`);
    if (data.problems) $("conflict").replaceChildren(...data.problems.map((p) => el("p", { text: p.text })));
    $("conflict").hidden = !data.problems;
  }
}

async function history() {
  const { data } = await api(`${config.api}/revisions`);
  $("history").replaceChildren(...(data.revisions || []).map((r) => {
    const c = r.changes || {};
    const what = [c.added?.length && `${c.added.length} added`, c.removed?.length && `${c.removed.length} removed`,
      Object.keys(c.changed || {}).length && `${Object.keys(c.changed).length} changed`, c.story?.length && `story: ${c.story.join(", ")}`]
      .filter(Boolean).join("; ");
    return el("li", {},
      el("span", { text: `Revision ${r.number} · ${r.action} · ${r.author || "?"} · ${new Date(r.created_at).toLocaleString()} · ${what}` }),
      el("button", { type: "button", text: `Restore revision ${r.number}`, onclick: async () => {
        const res = await api(`${config.api}/revisions/${r.number}/restore`, { method: "POST", etag: state.revision });
        if (res.status === 200) await load(); else say(res.data.error);
      } }));
  }));
}

$("save").addEventListener("click", save);
$("add-event").addEventListener("click", () => {
  state.story.events.push({ id: `event-${Date.now().toString(36)}`, title: "New event" });
  markDirty(); render();
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
load();
