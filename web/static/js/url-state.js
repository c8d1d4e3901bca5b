/* The view's state in the URL: #event=ID for the selection, ?from=&to= for the time
 * window (inclusive texts), and on a static embed page (no server to read its query) the
 * embed options too. */
import { endOf, endText, isoOf, toNumber } from "./dates.js";

/** A static embed page reads theme=, hide=, height=, event=, date=, from=, to= itself. */
export function readQueryOptions(ctx) {
  const config = ctx.config, options = ctx.options;
  const q = new URLSearchParams(location.search);
  const off = (v) => v !== null && /^(0|false|no|off|hide)$/i.test(v);
  const hidden = (q.get("hide") || "").split(",").map((h) => h.trim());
  const t = q.get("theme");
  const body = document.body.classList;
  if (t === "light" || t === "dark" || t === "contrast") {
    body.remove("theme-light", "theme-dark", "theme-contrast");
    body.add("theme-" + t);
    options.theme = t;
  }
  if (hidden.indexOf("panel") >= 0 || off(q.get("panel"))) body.add("ca-no-panel");
  if (hidden.indexOf("list") >= 0 || off(q.get("list"))) body.add("ca-no-list");
  if (hidden.indexOf("timeline") >= 0) body.add("ca-no-timeline");
  const h = parseInt(q.get("height"), 10);
  if (isFinite(h)) options.height = Math.max(200, Math.min(h, 4000));
  const init = config.initial = config.initial || {};
  if (q.get("event")) init.event = q.get("event").slice(0, 200);
  [["date", false], ["from", false], ["to", true]].forEach(([key, end]) => {
    const v = q.get(key);
    const pos = v === null ? null : (end ? endOf(v) : toNumber(v));
    if (pos !== null) init[key] = pos;
  });
}

export function hashEvent() {
  const m = /(?:^#|&)event=([^&]*)/.exec(location.hash);
  if (!m) return null;
  try { return decodeURIComponent(m[1]); } catch (err) { return null; }
}

/** #slide=N (1-based) opens a slide story at its Nth slide. */
function slideFromHash(ctx) {
  const m = /(?:^#|&)slide=(\d+)/.exec(location.hash);
  const ev = m && ctx.slides ? ctx.all[parseInt(m[1], 10) - 1] : null;
  return ev ? ev.id : null;
}

export function writeEvent(id) {
  history.replaceState(history.state, "", location.pathname + location.search + "#event=" + encodeURIComponent(id));
}

/** from= and to= are inclusive ("to=1945" is all of 1945, the window's end 1946.0): a
 * window opened from the URL keeps the reader's text; a new one is written inclusive. */
export function writeWindow(w, text) {
  text = text || [null, null];
  const params = new URLSearchParams(location.search);
  if (w && isFinite(w[0])) params.set("from", text[0] || isoOf(w[0])); else params.delete("from");
  if (w && isFinite(w[1])) params.set("to", text[1] || endText(w[1])); else params.delete("to");
  const qs = params.toString();
  history.replaceState(history.state, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
}

/** Open where the URL (or the embed's options) says: window first, then the event. */
export function restoreState(ctx) {
  const init = ctx.config.initial || {};
  const { select, setWindow } = ctx.actions;
  if (init.from !== undefined || init.to !== undefined) {
    const q = new URLSearchParams(location.search);
    const given = (k) => { const v = init[k] !== undefined && q.get(k); return v ? v.trim() : null; };
    setWindow(init.from === undefined ? null : init.from, init.to === undefined ? null : init.to,
              { source: "url", quiet: true,
                text: init.from !== undefined && init.to !== undefined && init.to < init.from
                  ? null : [given("from"), given("to")] });
  }
  const id = hashEvent() || init.event || slideFromHash(ctx);
  if (id && ctx.byId.has(id)) { select(id, { keepUrl: !!hashEvent(), source: "url" }); return; }
  // a slide story opens at its first slide, as StoryMapJS does
  if (ctx.slides && ctx.all.length && init.date === undefined) { select(ctx.all[0].id, { keepUrl: true, source: "url" }); return; }
  if (init.date !== undefined && ctx.events.length) {
    const found = ctx.events.find((e) => e.s >= init.date) || ctx.events[ctx.events.length - 1];
    select(found.id, { source: "url" });
  }
}

export function watchHash(ctx) {
  window.addEventListener("hashchange", () => {
    const id = hashEvent() || slideFromHash(ctx);
    if (id && id !== ctx.state.current) ctx.actions.select(id, { keepUrl: true, source: "url" });
  });
}
