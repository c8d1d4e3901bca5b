// The story's eras: title, start and end (checked by the server's date parser), an
// optional colour and text; add and remove.
import { el } from "./http.js";
import { dateField, field } from "./fields.js";

export function erasEditor(story, { config, onChange }) {
  const list = el("ol", { class: "ca-studio-eras" });
  const draw = () => {
    list.replaceChildren(...(story.eras || []).map((era, i) => {
      const set = (key) => (value) => { if (value.trim()) era[key] = value.trim(); else delete era[key]; onChange(); };
      const n = i + 1;
      return el("li", { class: "ca-studio-era" },
        ...field(`Era ${n} title`, era.title, (v) => { era.title = v; onChange(); }),
        ...dateField(`Era ${n} start`, era, "start", config, onChange),
        ...dateField(`Era ${n} end`, era, "end", config, onChange),
        ...field(`Era ${n} colour`, era.colour, set("colour"), { hint: "#RGB or #RRGGBB, or empty" }),
        ...field(`Era ${n} text`, era.text, set("text"), { multiline: true }),
        el("button", { type: "button", text: `Remove era ${n}`, onclick: () => {
          story.eras.splice(i, 1); if (!story.eras.length) delete story.eras; onChange(); draw();
        } }));
    }));
  };
  draw();
  const add = el("button", { type: "button", text: "Add era", onclick: () => {
    (story.eras ||= []).push({ title: "New era" }); onChange(); draw();
    list.lastElementChild?.querySelector("input")?.focus();
  } });
  return [list, add];
}
