// Labelled form fields for the editor: plain text, dates checked by the server's
// parser as you type, tags, Markdown with the server's sanitised preview, media, sources.
import { api, el } from "./http.js";

let counter = 0;
export const nextId = () => `f${++counter}`;

export function field(label, value, onInput, { multiline = false, type, hint } = {}) {
  const id = nextId();
  const input = multiline ? el("textarea", { id, rows: 3 }) : el("input", { id, type });
  input.value = value ?? "";
  input.addEventListener("input", () => onInput(input.value, input));
  const out = [el("label", { for: id, text: label }), input];
  if (hint) {
    const hid = `${id}-hint`;
    input.setAttribute("aria-describedby", hid);
    out.push(el("span", { id: hid, class: "ca-studio-hint", text: hint }));
  }
  return out;
}

/** A date typed freely ("490 BCE", "c. 1200"), read back by the server's parser. */
export function dateField(label, holder, key, config, onChange) {
  const out = el("span", { class: "ca-studio-date", role: "status", "aria-live": "polite" });
  let timer;
  const check = async (value, input) => {
    const { status, data } = await api(`${config.datesUrl}?q=${encodeURIComponent(value)}`);
    out.textContent = status === 200 ? `✓ ${data.label}` : `✗ ${data.error}`;
    input.setAttribute("aria-invalid", status === 200 ? "false" : "true");
  };
  const [lab, input] = field(label, holder[key], (value) => {
    if (value.trim()) holder[key] = value.trim(); else delete holder[key];
    onChange();
    clearTimeout(timer);
    if (!value.trim()) { out.textContent = ""; input.removeAttribute("aria-invalid"); return; }
    timer = setTimeout(() => check(value, input), 250);
  });
  out.id = `${input.id}-check`;
  input.setAttribute("aria-describedby", out.id);
  return [lab, input, out];
}

/** Tags as one comma-separated field. */
export function tagsField(event, onChange) {
  return field("Tags (comma-separated)", (event.tags || []).join(", "), (value) => {
    const tags = [...new Set(value.split(",").map((t) => t.trim()).filter(Boolean))];
    if (tags.length) event.tags = tags; else delete event.tags;
    onChange();
  });
}

/** Markdown text and, on demand, the HTML readers will see (rendered by the server). */
export function markdownField(holder, key, label, config, onChange) {
  const preview = el("div", { class: "ca-studio-md-preview", hidden: true, "aria-live": "polite" });
  const [lab, input] = field(label, holder[key], (value) => {
    if (value.trim()) holder[key] = value; else delete holder[key];
    onChange();
    if (!preview.hidden) show();
  }, { multiline: true });
  preview.setAttribute("aria-label", `What readers see (${label.split(" (")[0].toLowerCase()})`);
  preview.setAttribute("role", "region");
  const button = el("button", { type: "button", "aria-expanded": "false", text: "Preview text" });
  async function show() {
    const { status, data } = await api(config.markdownUrl, { method: "POST", json: { text: input.value } });
    // the server's sanitiser (web/content/markdown.py) made this HTML: the same readers get
    preview.innerHTML = status === 200 ? data.html : "";
    if (status !== 200) preview.textContent = data.error;
    if (!input.value.trim()) preview.textContent = "(no text)";
  }
  button.addEventListener("click", async () => {
    const open = preview.hidden;
    preview.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide preview" : "Preview text";
    if (open) await show();
  });
  return [lab, input, button, preview];
}

/** Media: url, caption, credit, alt text; dropped when every field is empty. */
export function mediaFields(event, onChange) {
  const media = event.media || {};
  const set = (key) => (value) => {
    if (value.trim()) media[key] = value; else delete media[key];
    if (Object.keys(media).length) event.media = media; else delete event.media;
    onChange();
  };
  const box = el("fieldset", { class: "ca-studio-group" }, el("legend", { text: "Media" }));
  box.append(
    ...field("Media URL", media.url, set("url"), { type: "url" }),
    ...field("Media caption", media.caption, set("caption")),
    ...field("Media credit", media.credit, set("credit")),
    ...field("Alt text", media.alt, set("alt"), { hint: "What the picture shows, for readers who cannot see it." }),
  );
  return box;
}

/** Sources: a list of {title, url}, add and remove. */
export function sourcesFields(event, onChange) {
  const box = el("fieldset", { class: "ca-studio-group" }, el("legend", { text: "Sources" }));
  const list = el("ol", { class: "ca-studio-sources" });
  const normal = (s) => (typeof s === "string" ? (/^https?:/.test(s) ? { url: s } : { title: s }) : { ...s });
  const tidy = () => {
    const kept = (event.sources || []).filter((s) => s.url || s.title);
    if (kept.length) event.sources = kept; else delete event.sources;
  };
  const draw = () => {
    list.replaceChildren(...(event.sources || []).map((given, i) => {
      const s = normal(given);
      const set = (key) => (value) => {
        if (value.trim()) s[key] = value; else delete s[key];
        event.sources[i] = s; onChange();
      };
      return el("li", {},
        ...field(`Source ${i + 1} title`, s.title, set("title")),
        ...field(`Source ${i + 1} URL`, s.url, set("url"), { type: "url" }),
        el("button", { type: "button", text: `Remove source ${i + 1}`, onclick: () => {
          event.sources.splice(i, 1); tidy(); onChange(); draw();
        } }));
    }));
  };
  draw();
  box.append(list, el("button", { type: "button", text: "Add source", onclick: () => {
    (event.sources ||= []).push({}); draw(); list.lastElementChild?.querySelector("input")?.focus();
  } }));
  return box;
}
