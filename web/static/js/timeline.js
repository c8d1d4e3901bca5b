/* The timeline: one Vega view of the spec compiled on the server from the altair chart
 * (web/exports/timeline_chart.py). Only the rows are added here, split per layer, thinned to
 * what the pixels can show and laid out in rows so headlines fit beside their marks
 * (timeline-layout.js); the axis ticks are computed at each window (timeline-ticks.js);
 * wheel, drag, pinch, buttons and keys zoom and pan (timeline-zoom.js); a click or tap
 * selects, the overview's brush sets the time window. */
import { cssVar, mark, theme } from "./core.js";
import { hit, layout } from "./timeline-layout.js";
import { tickValues } from "./timeline-ticks.js";
import { attachZoom } from "./timeline-zoom.js";

// Above THIN_ABOVE rows in the window, marks that would land within a few pixels of each
// other in the same lane are drawn once (the view cannot show them apart; zooming in
// brings them back): the canvas renderer redraws every item on any change.
const THIN_ABOVE = 3000, HIST_BINS = 120;
const ROW_PX = 18, LABEL_PX = 320;  // as web/exports/timeline_chart.py
const TICK_PX = 110;                // about one axis label per this many pixels

/** The canvas-drawn timeline takes the page theme's colours from its CSS variables. */
function themeSpec(spec) {
  if (theme() === "light") return;
  const fg = cssVar("--fg"), line = cssVar("--line"), panel = cssVar("--panel");
  const swap = { "#444": fg, "#333": fg, "#111": cssVar("--focus"), "white": panel,
                 "#b00020": cssVar("--flag"), "#7a8a99": cssVar("--muted"), "#000000": cssVar("--g7") };
  (function walk(node) {
    if (!node || typeof node !== "object") return;
    Object.keys(node).forEach((k) => {
      const v = node[k];
      if (typeof v === "string" && (k === "value" || Array.isArray(node)) && swap[v.toLowerCase()]) {
        node[k] = swap[v.toLowerCase()];
      } else {
        walk(v);
      }
    });
  })([spec.marks, spec.scales]);
  const guide = { labelColor: fg, titleColor: fg, domainColor: line, tickColor: line, gridColor: line };
  spec.background = panel;  // Vega-Lite's compiled default is white
  spec.config = spec.config || {};
  spec.config.axis = Object.assign({}, spec.config.axis, guide);
  spec.config.text = Object.assign({}, spec.config.text, { fill: fg });
}

function thin(rows, lo, hi, width, withEnd, px) {
  const k = width / (hi - lo) / px, seen = new Map(), out = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const key = r.g + ":" + Math.round((r.s - lo) * k) + (withEnd ? ":" + Math.round((r.e - lo) * k) : "");
    const at = seen.get(key);
    if (at === undefined) { seen.set(key, out.length); out.push(r); } else out[at] = r;  // the last is on top
  }
  return out;
}

/** The width the view is drawn at: its container's, less the lane labels. */
export function timelineWidth(el) {
  return Math.max(240, (el.clientWidth || 800) - 110);
}

function specSignal(spec, name, fallback) {
  const s = ((spec && spec.signals) || []).find((x) => x.name === name);
  return s && s.value !== undefined ? s.value : fallback;
}

export function createTimeline(ctx, { width: openingWidth } = {}) {
  const el = ctx.$("ca-timeline");
  const canvasBox = ctx.$("ca-timeline-canvas") || el;
  const config = ctx.config, events = ctx.events, state = ctx.state;
  const specData = new Set(((config.spec && config.spec.data) || []).map((d) => d.name));
  const fullExtent = config.extent || {};
  const perLane = Math.max(1, specSignal(config.spec, "rows", 3));
  let view = null, tip = null, drawnWindow = null, boxes = [];

  function current() {
    const ev = state.current && ctx.byId.get(state.current);
    return ev && ev.s !== undefined ? [ev] : [];
  }

  // While a zoom or pan gesture moves (a frame at a time), marks are thinned twice as
  // coarsely: drawing them is most of a frame's cost (fills of 10-26 px circles on the
  // canvas). When the gesture rests the window is committed and drawn in full detail.
  function rowsFor(lo, hi, width, moving) {
    const pts = [], ranges = [], fuzzy = [], flagged = [];
    const margin = (hi - lo) * 0.02, a = lo - margin, b = hi + margin;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      const end = ev.e !== undefined ? ev.e : ev.pe;
      if (end < a || ev.s > b) continue;
      pts.push(ev);
      if (ev.e !== undefined) ranges.push(ev);
      if (ev.a === 1) fuzzy.push(ev);
      if (ev.f === 1) flagged.push(ev);
    }
    // a point is 10 pixels wide: one per 3 pixels of a lane looks the same, and is a third
    // of the marks to draw at each change
    const many = pts.length > THIN_ABOVE, c = moving ? 2 : 1;
    const drawn = many ? thin(pts, lo, hi, width, false, 3 * c) : pts;
    const placed = layout(drawn, lo, hi, width, perLane, LABEL_PX);
    boxes = placed.boxes;
    return { events: drawn, labels: placed.labels, labelsLeft: placed.labelsLeft,
             ranges: many ? thin(ranges, lo, hi, width, true, 2 * c) : ranges,
             fuzzy: many ? thin(fuzzy, lo, hi, width, false, 6 * c) : fuzzy,  // a 26-pixel halo
             flagged: many ? thin(flagged, lo, hi, width, false, 3 * c) : flagged,
             cur: current() };
  }

  function histogram() {
    const lo = fullExtent.wmin, hi = fullExtent.wmax, step = (hi - lo) / HIST_BINS;
    const counts = new Array(HIST_BINS).fill(0);
    events.forEach((ev) => {
      const j = Math.floor((ev.s - lo) / step);
      if (j >= 0 && j < HIST_BINS) counts[j] += 1;
    });
    const out = [];
    counts.forEach((n, j) => { if (n) out.push({ b0: lo + j * step, b1: lo + (j + 1) * step, n }); });
    return out;
  }

  function refresh(lo, hi, moving = false) {
    // re-split (and re-thin) the rows for a new window or width
    if (!view) return;
    const width = view.width();
    const key = lo + ":" + hi + ":" + width + (moving ? ":moving" : "");
    if (drawnWindow === key) return;
    drawnWindow = key;
    const sets = rowsFor(lo, hi, width, moving);
    view.signal("xticks", tickValues(lo, hi, width / TICK_PX));
    ["events", "labels", "labelsLeft", "ranges", "fuzzy", "flagged", "cur"].forEach((name) => {
      if (specData.has(name)) view.data(name, sets[name]);  // a story without ranges has no such layer
    });
  }

  function watchSize() {
    // the timeline follows its container's width (debounced: a drag fires many)
    if (typeof ResizeObserver !== "function") return;
    let pending = null;
    new ResizeObserver(() => {
      window.clearTimeout(pending);
      pending = window.setTimeout(() => {
        if (!view || el.hidden) return;
        const w = timelineWidth(el);
        if (Math.abs(w - view.width()) < 2) return;
        view.width(w);
        refresh(view.signal("wmin"), view.signal("wmax"));
        view.runAsync().then(() => ctx.emit("resize", { width: w }, { post: false }));
      }, 150);
    }).observe(el);
  }

  function showTip(evt, text) {
    tip.textContent = text;
    tip.hidden = false;
    tip.style.left = (evt.clientX + 12) + "px";
    tip.style.top = (evt.clientY + 12) + "px";
  }

  function listen() {
    tip = document.createElement("div");
    tip.className = "ca-tooltip";
    tip.hidden = true;
    tip.setAttribute("role", "presentation");
    document.body.appendChild(tip);
    view.addEventListener("mousemove", (evt, item) => {
      const d = item && item.datum;
      if (d && typeof d.id === "string" && ctx.byId.has(d.id)) showTip(evt, d.t + " · " + d.d);
      else if (d && d.t && d.d && d.id === undefined) showTip(evt, d.t + " · " + d.d);  // an era band
      else tip.hidden = true;
    });
    view.addEventListener("mouseout", () => { tip.hidden = true; });
    let pending = null;
    view.addSignalListener("brush", (name, value) => {
      // never run the view inside its own listener: defer, and debounce the drag
      window.clearTimeout(pending);
      pending = window.setTimeout(() => {
        let range = null;
        Object.keys(value || {}).forEach((k) => {
          if (Array.isArray(value[k]) && value[k].length === 2) range = value[k];
        });
        if (range) ctx.actions.setWindow(Math.min(range[0], range[1]), Math.max(range[0], range[1]), { source: "brush" });
        else ctx.actions.setWindow(null, null, { source: "brush" });
      }, 120);
    });
  }

  function build() {
    if (!events.length || typeof vega === "undefined" || typeof vegaInterpreter === "undefined") {
      (el.closest(".ca-timeline-wrap") || el).hidden = true;
      el.hidden = true;
      return Promise.resolve(null);
    }
    const spec = config.spec;
    const width = openingWidth || timelineWidth(el);
    const lo = fullExtent.wmin, hi = fullExtent.wmax;
    const sets = rowsFor(lo, hi, width);
    spec.data.forEach((d) => {
      if (sets[d.name]) d.values = sets[d.name];
      else if (d.name === "eras") d.values = ctx.data.eras;
      else if (d.name === "hist") d.values = histogram();
    });
    spec.width = width;  // the concat children share the top-level width
    spec.signals.forEach((sig) => {
      if (sig.name === "xticks") sig.value = tickValues(lo, hi, width / TICK_PX);
      else if (sig.name === "oticks") sig.value = tickValues(fullExtent.wmin, fullExtent.wmax, width / (TICK_PX * 1.3));
    });
    themeSpec(spec);
    // Vega directly (the spec is compiled Vega already: vega-embed would only add a
    // script to load and run): expressions parsed to ASTs and run by vega-interpreter,
    // so the CSP needs no unsafe-eval.
    return Promise.resolve().then(() => {
      const runtime = vega.parse(spec, null, { ast: true });
      const v = new vega.View(runtime, { expr: vegaInterpreter.expressionInterpreter, renderer: "canvas",
                                        container: canvasBox, hover: true, logLevel: vega.Warn });
      return v.runAsync();
    }).then((v) => {
      view = v;
      drawnWindow = lo + ":" + hi + ":" + width;
      watchSize();
      listen();
      zoomer = attachZoom(el, zoomHost);
      mark("timeline");
      return view;
    }).catch((err) => {
      console.warn("chronoatlas: timeline not drawn", err);
      el.textContent = "The timeline could not be drawn; the event list below has every event.";
      return null;
    });
  }

  // ---- zoom and pan
  let zoomer = null;
  function detailGroup() {
    const root = view.scenegraph().root.items[0];
    for (const m of root.items) {
      if (m.marktype === "group" && /^concat_0/.test(m.name || "")) return m.items[0];
    }
    return null;
  }
  function shownWindow() {
    return [view.signal("wmin"), view.signal("wmax")];
  }
  const zoomHost = {
    window: shownWindow,
    extent: () => [fullExtent.wmin, fullExtent.wmax],
    draw(lo, hi) {
      view.signal("wmin", lo).signal("wmax", hi);
      refresh(lo, hi, true);
      view.runAsync();
    },
    commit(lo, hi) {
      const full = Math.abs(lo - fullExtent.wmin) < 1e-9 && Math.abs(hi - fullExtent.wmax) < 1e-9;
      if (full) ctx.actions.setWindow(null, null, { source: "zoom" });
      else ctx.actions.setWindow(lo, hi, { source: "zoom" });
    },
    plot(clientX, clientY) {
      if (!view) return null;
      const g = detailGroup(), canvas = canvasBox.querySelector("canvas");
      if (!g || !canvas) return null;
      const rect = canvas.getBoundingClientRect(), o = view.origin();
      const x = clientX - rect.left - o[0] - g.x, y = clientY - rect.top - o[1] - g.y;
      if (x < 0 || x > g.width || y < 0 || y > g.height) return null;
      return { x, y, width: g.width };
    },
    tap(x, y) {
      const yScale = view.scale("concat_0_y");
      const ev = hit(boxes, x, y, yScale || ((v) => v), ROW_PX);
      if (ev) ctx.actions.select(ev.id, { source: "timeline" });
    },
  };

  return {
    ready: build(),
    /** zoom by factor (< 1 in) about the window's centre; pan by a fraction of it */
    zoom(factor) { if (zoomer) zoomer.zoom(factor); },
    pan(fraction) { if (zoomer) zoomer.pan(fraction); },
    get view() { return view; },
    /** the selection ring */
    select(ev) {
      if (view) view.signal("cur", ev.id).data("cur", ev.s !== undefined ? [ev] : []).runAsync();
    },
    /** the detail view's window ([-Inf, Inf] ends mean the story's extent) */
    setWindow(w) {
      if (!view) return;
      const lo = w && isFinite(w[0]) ? w[0] : fullExtent.wmin;
      const hi = w && isFinite(w[1]) ? w[1] : fullExtent.wmax;
      view.signal("wmin", lo).signal("wmax", hi);
      refresh(lo, hi);
      view.runAsync();
    },
  };
}
