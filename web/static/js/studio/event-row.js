// One event as a form: headline, dates (checked by the server's parser as you type),
// Markdown text with the readers' preview, group, tags, places with their fixer, and
// (opened on demand) media and sources; duplicate, delete, select for a merge.
import { el } from "./http.js";
import { dateField, field, markdownField, mediaFields, nextId, sourcesFields, tagsField } from "./fields.js";
import { placesEditor } from "./places.js";

export function eventRow(event, ctx, { onDelete, onDuplicate, onMergePick, picked }) {
  const changed = ctx.changed;
  const set = (key) => (value) => { if (value.trim()) event[key] = value; else delete event[key]; changed(); };
  const li = el("li", { class: "ca-studio-event", "data-id": event.id });
  const more = el("details", { class: "ca-studio-more" }, el("summary", { text: "Media and sources" }));
  more.addEventListener("toggle", () => {
    if (more.open && more.children.length === 1) more.append(mediaFields(event, changed), sourcesFields(event, changed));
  }, { once: false });
  const mergeId = nextId();
  const merge = el("input", { type: "checkbox", id: mergeId, class: "ca-studio-merge-pick", checked: picked });
  merge.addEventListener("change", () => onMergePick(merge.checked));
  li.append(
    ...field("Headline", event.title, (v) => { event.title = v; changed(); }),
    ...dateField("Start", event, "start", ctx.config, changed),
    ...dateField("End", event, "end", ctx.config, changed),
    ...markdownField(event, "text", "Text (Markdown)", ctx.config, changed),
    ...field("Group", event.group, set("group")),
    ...tagsField(event, changed),
    ...placesEditor(event, ctx),
    more,
    el("p", { class: "ca-studio-meta", text: event.confidence != null ? `Confidence ${Math.round(event.confidence * 100)}%` : "" }),
    el("p", { class: "ca-studio-actions" },
      el("span", {}, merge, el("label", { for: mergeId, text: ` Select “${event.title}” for a merge` })),
      el("button", { type: "button", text: "Duplicate event", onclick: onDuplicate }),
      el("button", { type: "button", text: "Delete event", onclick: onDelete })),
  );
  li.addEventListener("focusin", () => ctx.select(event.id));
  li.addEventListener("click", () => ctx.select(event.id));
  return li;
}
