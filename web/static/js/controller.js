/* Selection, stepping, playing and the time window: the one place that tells every part
 * (map, timeline, panel, list, URL, listeners) what changed. The parts call back through
 * ctx.actions, so none of them imports another. */
import { toNumber, windowText } from "./dates.js";
import { writeEvent, writeWindow } from "./url-state.js";

const PLAY_EVERY_MS = 1800;

/** parts: {map, timeline, panel, list}, any of them null. */
export function createController(ctx, parts) {
  const { state, all, byId } = ctx;
  const $ = ctx.$;

  function inWindow(ev) {
    const w = state.window;
    if (!w || ev.s === undefined) return true;
    const end = ev.e !== undefined ? ev.e : ev.pe;
    return end >= w[0] && ev.s <= w[1];
  }

  function select(id, opts = {}) {
    const ev = byId.get(id);
    if (!ev) return false;
    state.current = id;
    if (ev.s !== undefined && state.window && !inWindow(ev)) {
      const half = (state.window[1] - state.window[0]) / 2;
      setWindow(ev.s - half, ev.s + half, { source: "select", quiet: true });
    }
    if (parts.panel) parts.panel.show(ev);
    if (parts.map) parts.map.show(ev);
    if (parts.timeline) parts.timeline.select(ev);
    if (parts.list) parts.list.markCurrent(opts.focusList);
    if (!opts.keepUrl) writeEvent(id);
    const i = ctx.indexOf(id);
    const place = ev.p.length ? " at " + ev.p.map((p) => p[3]).join(", ") : "";
    const when = ctx.slides && ev.s === undefined ? "" : ", " + ev.d;
    ctx.announce(ev.t + when + place + ". " + (ctx.slides ? "Slide " : "Event ") + (i + 1) + " of " + all.length + ".");
    ctx.emit("select", { id, title: ev.t, date: ev.d, source: opts.source || "api" });
    return true;
  }

  function step(delta, opts) {
    if (!all.length) return null;
    const i = state.current ? ctx.indexOf(state.current) : -1;
    const j = i < 0 ? (delta > 0 ? 0 : all.length - 1) : i + delta;
    if (j < 0 || j >= all.length) return state.current;
    select(all[j].id, opts);
    return state.current;
  }
  const next = (opts) => step(1, opts);
  const prev = (opts) => step(-1, opts);

  function setPlayButton(playing) {
    const b = $("ca-play");
    if (!b) return;
    b.setAttribute("aria-pressed", playing ? "true" : "false");
    b.textContent = playing ? "Pause" : "Play";
  }
  function play() {
    if (state.playing || !all.length) return;
    if (!state.current || ctx.indexOf(state.current) >= all.length - 1) select(all[0].id);
    state.playing = window.setInterval(() => {
      if (ctx.indexOf(state.current) >= all.length - 1) { pause(); return; }
      next();
    }, PLAY_EVERY_MS);
    setPlayButton(true);
  }
  function pause() {
    if (state.playing) window.clearInterval(state.playing);
    state.playing = null;
    setPlayButton(false);
  }

  function setWindow(from, to, opts = {}) {
    let a = toNumber(from), b = toNumber(to);
    if (a !== null && b !== null && b < a) { const t = a; a = b; b = t; }
    state.window = (a === null && b === null) ? null : [a === null ? -Infinity : a, b === null ? Infinity : b];
    if (parts.timeline) parts.timeline.setWindow(state.window);
    if (parts.map) parts.map.filter(state.window);
    if (parts.list) {
      parts.list.reset();
      parts.list.render();
      if (state.current) parts.list.markCurrent(false);
    }
    const label = $("ca-window-label"), showAll = $("ca-show-all");
    if (label) label.textContent = state.window ? "Showing " + windowText(state.window) : "";
    if (showAll) showAll.hidden = !state.window;
    writeWindow(state.window, opts.text);
    if (!opts.quiet) ctx.announce(state.window ? "Time window " + windowText(state.window) : "All dates shown");
    ctx.emit("window", { from: state.window ? state.window[0] : null, to: state.window ? state.window[1] : null,
                         source: opts.source || "api" });
  }

  Object.assign(ctx.actions, { select, next, prev, play, pause, setWindow });
  return ctx.actions;
}
