// The story's history: every revision (who, when, what changed), preview any, compare
// two (events added, removed, fields changed), restore one as a new revision.
import { api, el } from "./http.js";

function summary(c = {}) {
  return [c.added?.length && `${c.added.length} added`, c.removed?.length && `${c.removed.length} removed`,
    Object.keys(c.changed || {}).length && `${Object.keys(c.changed).length} changed`,
    c.story?.length && `story: ${c.story.join(", ")}`].filter(Boolean).join("; ") || "no change";
}

function details(c) {
  const lines = [
    ...(c.added || []).map((id) => `added ${id}`), ...(c.removed || []).map((id) => `removed ${id}`),
    ...Object.entries(c.changed || {}).map(([id, fields]) => `changed ${id}: ${fields.join(", ")}`),
    ...(c.story?.length ? [`story fields: ${c.story.join(", ")}`] : []),
  ];
  return lines.length ? lines : ["no difference"];
}

export async function drawHistory(ctx) {
  const { config, state, $ } = ctx;
  const { data } = await api(`${config.api}/revisions`);
  const revs = data.revisions || [];
  $("history").replaceChildren(...revs.map((r) => el("li", {},
    el("span", { text: `Revision ${r.number} · ${r.action} · ${r.author || "?"} · ${new Date(r.created_at).toLocaleString()} · ${summary(r.changes)} ` }),
    el("button", { type: "button", text: `Preview revision ${r.number}`, onclick: () => {
      $("preview").src = ctx.previewSrc(r.number); ctx.say(`Previewing revision ${r.number}`);
    } }),
    el("button", { type: "button", text: `Restore revision ${r.number}`, onclick: async () => {
      const res = await api(`${config.api}/revisions/${r.number}/restore`, { method: "POST", etag: state.revision });
      if (res.status === 200) await ctx.reload(); else ctx.say(res.data.error);
    } }))));
  for (const id of ["compare-from", "compare-to"]) {
    const box = $(id), was = box.value;
    box.replaceChildren(...revs.map((r) => el("option", { value: r.number, text: `Revision ${r.number}` })));
    if (was && revs.some((r) => String(r.number) === was)) box.value = was;
  }
  if (revs.length > 1 && !$("compare-from").dataset.touched) $("compare-from").value = String(revs[1].number);
}

export function wireCompare(ctx) {
  const { config, $ } = ctx;
  for (const id of ["compare-from", "compare-to"]) $(id).addEventListener("change", (e) => { e.target.dataset.touched = "1"; });
  $("compare").addEventListener("submit", async (e) => {
    e.preventDefault();
    const a = $("compare-from").value, b = $("compare-to").value;
    const { status, data } = await api(`${config.api}/compare/${a}/${b}`);
    const out = $("compare-result");
    if (status !== 200) { out.replaceChildren(el("li", { text: data.error })); return; }
    out.replaceChildren(...details(data.changes).map((t) => el("li", { text: t })));
    $("compare-heading-result").textContent = `From revision ${a} to revision ${b}`;
  });
}
