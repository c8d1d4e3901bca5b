/* The timeline: one Vega view of the spec compiled on the server from the altair chart
 * (web/exports/timeline_chart.py). Only the rows are added here, split per layer, thinned to
 * what the pixels can show and laid out in rows so headlines fit beside their marks
 * (timeline-layout.js); the axis ticks are computed at each window (timeline-ticks.js);
 * wheel, drag, pinch, buttons and keys zoom and pan (timeline-zoom.js); a click or tap
 * selects, the overview's brush sets the time window. */
import { cssVar, mark, theme } from "./core.js";
import { hit, inWindow, layout, thin, windowIndex } from "./timeline-layout.js";
import { tickValues } from "./timeline-ticks.js";
import { attachZoom, createMotionLayer } from "./timeline-zoom.js";

// Above THIN_ABOVE rows in the window, marks that would land within a few pixels of each
// other in the same lane are drawn once (the view cannot show them apart; zooming in
// brings them back): the canvas renderer redraws every item on any change.
const THIN_ABOVE = 3000, THIN_MOVING_ABOVE = 500, HIST_BINS = 120;
// Columns (pixels) within which marks of a lane are drawn once. A point is 9 pixels wide:
// one per 3 pixels looks the same; a circa halo is 17.
const THIN_PX = { still: { events: 3, ranges: 2, fuzzy: 6, flagged: 3 },
                  moving: { events: 6, ranges: 4, fuzzy: 12, flagged: 6 } };
const ROW_PX = 18, LABEL_PX = 320;  // as web/exports/timeline_chart.py
const TICK_PX = 110;                // about one axis label per this many pixels
const ROW_SETS = ["events", "labels", "labelsLeft", "ranges", "fuzzy", "flagged", "cur"];
// Drawn by the motion layer while a gesture moves (timeline-zoom.js), in Vega's order.
const DENSE = [["ranges", "rect"], ["fuzzy", "circle"], ["events", "circle"], ["labels", "text"], ["labelsLeft", "text"]];

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

/** The width the view is drawn at: its container's, less the lane labels. */
export function timelineWidth(el) {
  return Math.max(240, (el.clientWidth || 800) - 110);
}

function specSignal(spec, name, fallback) {
  const s = ((spec && spec.signals) || []).find((x) => x.name === name);
  return s && s.value !== undefined ? s.value : fallback;
}

/** The constant encoding values of the mark that draws dataset `name` (opacity, size...). */
function markStyle(spec, name) {
  const out = {};
  (function walk(marks) {
    (marks || []).forEach((m) => {
      if (m.from && m.from.data === name && m.encode) {
        [m.encode.enter, m.encode.update].forEach((set) => Object.keys(set || {}).forEach((k) => {
          if (set[k] && set[k].value !== undefined) out[k] = set[k].value;
          else if (set[k] && set[k].scale && set[k].field === "g" && (k === "fill" || k === "stroke")) out[k + "Scale"] = set[k].scale;
        }));
      }
      walk(m.marks);
    });
  })(spec.marks);
  return out;
}

export function createTimeline(ctx, { width: openingWidth } = {}) {
  const el = ctx.$("ca-timeline");
  const canvasBox = ctx.$("ca-timeline-canvas") || el;
  const config = ctx.config, events = ctx.events, state = ctx.state;
  const specData = new Set(((config.spec && config.spec.data) || []).map((d) => d.name));
  const fullExtent = config.extent || {};
  const perLane = Math.max(1, specSignal(config.spec, "rows", 3));
  let view = null, tip = null, drawnWindow = null, boxes = [];
  const index = windowIndex(events);
  const shown = new Map();  // dataset -> the Set of its rows in the view

  function current() {
    const ev = state.current && ctx.byId.get(state.current);
    return ev && ev.s !== undefined ? [ev] : [];
  }

  // While a zoom or pan gesture moves (a frame at a time), marks are thinned twice as
  // coarsely, and from fewer rows on: filling circles in software is most of a frame's
  // cost. When the gesture rests the window is committed and drawn in full detail.
  function rowsFor(lo, hi, width, moving) {
    const ranges = [], fuzzy = [], flagged = [];
    const margin = (hi - lo) * 0.02;
    const pts = inWindow(index, lo - margin, hi + margin);
    for (let i = 0; i < pts.length; i++) {
      const ev = pts[i];
      if (ev.e !== undefined) ranges.push(ev);
      if (ev.a === 1) fuzzy.push(ev);
      if (ev.f === 1) flagged.push(ev);
    }
    const many = pts.length > (moving ? THIN_MOVING_ABOVE : THIN_ABOVE);
    const px = moving ? THIN_PX.moving : THIN_PX.still;
    const drawn = many ? thin(pts, lo, hi, width, false, px.events) : pts;
    const placed = layout(drawn, lo, hi, width, perLane, LABEL_PX);
    boxes = placed.boxes;
    return { events: drawn, labels: placed.labels, labelsLeft: placed.labelsLeft,
             ranges: many ? thin(ranges, lo, hi, width, true, px.ranges) : ranges,
             fuzzy: many ? thin(fuzzy, lo, hi, width, false, px.fuzzy) : fuzzy,
             flagged: many ? thin(flagged, lo, hi, width, false, px.flagged) : flagged,
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
    const fast = moving && drawMotion(lo, hi, sets);
    if (!fast && motion) motion.hide();
    ROW_SETS.forEach((name) => setData(name, fast && DENSE.some((d) => d[0] === name) ? [] : sets[name]));
  }

  // While a gesture moves, ranges, halos, points and headlines are drawn by the motion
  // layer over the plot, and Vega draws the rest (axes, eras, flags, the selection ring);
  // false when it cannot (no plot group found). The plot's place is read once, not at
  // every frame (offsetLeft forces a layout when the page has changed).
  let motion = null, plotAt = null;
  const styles = {};
  function drawMotion(lo, hi, sets) {
    const grp = detailGroup(), yScale = view.scale("concat_0_y");
    if (!grp || !yScale) return false;
    if (!motion) {
      motion = createMotionLayer(canvasBox);
      if (getComputedStyle(canvasBox).position === "static") canvasBox.style.position = "relative";
      DENSE.forEach(([name]) => { styles[name] = markStyle(config.spec, name); });
    }
    if (!plotAt || plotAt.width !== grp.width || plotAt.height !== grp.height) {
      const c = canvasBox.querySelector("canvas"), o = view.origin();
      plotAt = { left: c.offsetLeft + o[0] + grp.x, top: c.offsetTop + o[1] + grp.y, width: grp.width, height: grp.height };
    }
    const colour = (scale, fallback) => {
      const f = scale && view.scale(scale);
      return f ? (row) => f(row.g) : () => fallback;
    };
    const layers = DENSE.filter(([name]) => specData.has(name)).map(([name, kind]) => ({
      rows: sets[name], kind, style: styles[name],
      fill: colour(styles[name].fillScale, styles[name].fill),
      stroke: styles[name].strokeScale ? colour(styles[name].strokeScale) : null,
    }));
    motion.draw(plotAt, lo, hi, yScale, layers);
    return true;
  }

  // A new window's rows as a change to what the view has: a zoom step keeps most of them,
  // and replacing all (view.data) would re-insert and re-index every one. Reflow: rows the
  // view keeps may have moved to another row of their lane (layout sets y).
  function setData(name, rows, v = view) {
    if (!specData.has(name)) return;  // a story without ranges has no such layer
    const before = shown.get(name), now = new Set(rows), gone = [], added = [];
    if (before) before.forEach((r) => { if (!now.has(r)) gone.push(r); });
    for (let i = 0; i < rows.length; i++) if (!before || !before.has(rows[i])) added.push(rows[i]);
    shown.set(name, now);
    v.change(name, vega.changeset().remove(gone).insert(added).reflow().clean(false));
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
        plotAt = null;
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
      if (d.name === "eras") d.values = ctx.data.eras;
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
      ROW_SETS.forEach((name) => setData(name, sets[name], v));
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
      if (!view) return;
      view.signal("cur", ev.id);
      setData("cur", ev.s !== undefined ? [ev] : []);
      view.runAsync();
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
