/* Zoom and pan in time on the timeline's detail view: the wheel (zoom about the
 * pointer; a horizontal wheel or Shift pans), a drag, a two-finger pinch, the + and -
 * buttons and keys (Shift+arrows pan). A press that does not move is a tap: it selects
 * what is under it. Drawing follows at once (one frame at a time); the time window
 * is committed (map, list, URL) once the gesture rests. */

import { textWidth } from "./timeline-layout.js";

const MIN_SPAN = 7 / 365.25;   // a week
const COMMIT_MS = 250;
const TAP_PX = 6;

/**
 * host: { window() -> [lo, hi], extent() -> [lo, hi], draw(lo, hi), commit(lo, hi),
 *         plot(clientX, clientY) -> {x, y, width} | null (null outside the lanes),
 *         tap(x, y) }
 */
export function attachZoom(el, host) {
  let pending = null, frame = null, target = null, commitTimer = null;

  function clamp(lo, hi) {
    const [flo, fhi] = host.extent();
    const full = fhi - flo;
    let span = Math.max(MIN_SPAN, Math.min(hi - lo, full));
    const mid = (lo + hi) / 2;
    lo = mid - span / 2;
    hi = mid + span / 2;
    if (lo < flo) { hi += flo - lo; lo = flo; }
    if (hi > fhi) { lo -= hi - fhi; hi = fhi; }
    return [Math.max(lo, flo), Math.min(hi, fhi)];
  }

  function request(lo, hi) {
    target = clamp(lo, hi);
    if (frame === null) {
      frame = window.requestAnimationFrame(() => {
        frame = null;
        host.draw(target[0], target[1]);
      });
    }
    window.clearTimeout(commitTimer);
    commitTimer = window.setTimeout(() => host.commit(target[0], target[1]), COMMIT_MS);
  }

  function current() { return target && frame !== null ? target : host.window(); }

  /** Zoom by `factor` (< 1 zooms in) about the fraction `at` (0..1) of the width. */
  function zoom(factor, at = 0.5) {
    const [lo, hi] = current();
    const t = lo + (hi - lo) * at;
    request(t - (t - lo) * factor, t + (hi - t) * factor);
  }
  function pan(fraction) {
    const [lo, hi] = current();
    const d = (hi - lo) * fraction;
    request(lo + d, hi + d);
  }

  el.addEventListener("wheel", (e) => {
    const p = host.plot(e.clientX, e.clientY);
    if (!p) return;
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const dx = e.deltaX * unit, dy = e.deltaY * unit;
    if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) pan((e.shiftKey ? dy || dx : dx) / p.width);
    else zoom(Math.exp(Math.max(-300, Math.min(300, dy)) * 0.002), p.x / p.width);
  }, { passive: false });

  const pointers = new Map();
  let start = null;  // the gesture's window and pointers when it began
  function begin() {
    const pts = [...pointers.values()];
    start = { window: current().slice(), pts: pts.map((p) => ({ ...p })), moved: start ? start.moved : false };
  }
  el.addEventListener("pointerdown", (e) => {
    if (e.button !== undefined && e.button > 0) return;
    const p = host.plot(e.clientX, e.clientY);
    if (!p) return;
    pointers.set(e.pointerId, { x: p.x, y: p.y, width: p.width, cx: e.clientX, cy: e.clientY });
    if (pointers.size === 1) start = null;
    begin();
    try { el.setPointerCapture(e.pointerId); } catch (err) { /* not capturable: fine */ }
  });
  el.addEventListener("pointermove", (e) => {
    const p = pointers.get(e.pointerId);
    if (!p || !start) return;
    p.cx2 = e.clientX; p.cy2 = e.clientY;
    const s0 = start.pts, [lo, hi] = start.window, span = hi - lo;
    const now = [...pointers.values()];
    if (now.length === 1) {
      const dx = (p.cx2 - s0[0].cx);
      if (Math.abs(dx) > TAP_PX || Math.abs(p.cy2 - s0[0].cy) > TAP_PX) start.moved = true;
      if (start.moved) request(lo - dx / p.width * span, hi - dx / p.width * span);
    } else if (now.length >= 2 && s0.length >= 2) {
      start.moved = true;
      const x = (q) => (q.cx2 !== undefined ? q.cx2 : q.cx);
      const d0 = Math.abs(s0[1].cx - s0[0].cx) || 1, d1 = Math.abs(x(now[1]) - x(now[0])) || 1;
      const factor = d0 / d1;
      const mid0 = ((s0[0].cx + s0[1].cx) / 2 - (s0[0].cx - s0[0].x)) / p.width;
      const mid1 = ((x(now[0]) + x(now[1])) / 2 - (s0[0].cx - s0[0].x)) / p.width;
      const t = lo + span * mid0;  // the time under the fingers' midpoint stays under it
      const nspan = span * factor;
      request(t - nspan * mid1, t - nspan * mid1 + nspan);
    }
  });
  function end(e) {
    const p = pointers.get(e.pointerId);
    if (!p) return;
    pointers.delete(e.pointerId);
    if (start && !start.moved && pointers.size === 0 && e.type === "pointerup") host.tap(p.x, p.y);
    if (pointers.size) begin(); else start = null;
  }
  el.addEventListener("pointerup", end);
  el.addEventListener("pointercancel", end);

  el.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "+" || e.key === "=") { zoom(0.5); e.preventDefault(); }
    else if (e.key === "-" || e.key === "_") { zoom(2); e.preventDefault(); }
    else if (e.shiftKey && e.key === "ArrowLeft") { pan(-0.25); e.preventDefault(); }
    else if (e.shiftKey && e.key === "ArrowRight") { pan(0.25); e.preventDefault(); }
  });

  return { zoom, pan };
}

// Strokes fainter than this are left out while moving: a circa halo's 6-pixel ring is
// drawn at 2.4% (0.2 x 0.12), invisible in motion and the costliest shape to fill in
// software.
const FAINT = 0.05;

/**
 * The dense layers (ranges, circa halos, points, headlines) of the plot while a gesture moves, drawn
 * straight onto a canvas over the plot: Vega spends some 10 us a mark at each frame
 * (interpreted encoders, bounds, canvas state item by item), which held a 10,000-event
 * zoom under 30 frames a second. Vega then draws only the axes, eras and rings;
 * when the gesture rests the layer is taken away and Vega draws every mark again.
 * Marks are drawn as Vega draws them: in its order, one at a time, fill then stroke.
 *
 * layers: [{ rows, kind: "rect" | "circle" | "text", style: {opacity, fillOpacity,
 *            strokeOpacity, strokeWidth, stroke, size, height, cornerRadius; fill, fontSize,
 *            align, dx, limit for text}, fill(row), stroke(row) }]
 */
export function createMotionLayer(box) {
  let canvas = null, g = null, at = null;

  function place(p) {
    if (!canvas) {
      canvas = document.createElement("canvas");
      canvas.setAttribute("aria-hidden", "true");
      canvas.style.cssText = "position:absolute;pointer-events:none;display:block";
      g = canvas.getContext("2d");
    }
    const ratio = window.devicePixelRatio || 1;
    const key = [p.left, p.top, p.width, p.height, ratio].join(":");
    if (at !== key) {
      at = key;
      canvas.width = Math.round(p.width * ratio);
      canvas.height = Math.round(p.height * ratio);
      canvas.style.left = p.left + "px";
      canvas.style.top = p.top + "px";
      canvas.style.width = p.width + "px";
      canvas.style.height = p.height + "px";
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
    }
    if (!canvas.parentNode) box.appendChild(canvas);
  }

  const cut = new Map();  // headline -> its text cut to the limit, as Vega cuts it
  function fitted(text, limit) {
    if (!limit || textWidth(text, Infinity) <= limit) return text;
    let t = cut.get(text);
    if (t === undefined) {
      let lo = 0, hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (textWidth(text.slice(0, mid) + "\u2026", Infinity) <= limit) lo = mid; else hi = mid - 1;
      }
      t = text.slice(0, lo) + "\u2026";
      if (cut.size > 5000) cut.clear();
      cut.set(text, t);
    }
    return t;
  }

  function drawText(layer, x, y) {
    // as Vega's text mark: the baseline offset of "middle" is 0.3 of the font size
    const st = layer.style, size = st.fontSize || 11, dx = st.dx || 0, dy = (st.dy || 0) + 0.3 * size;
    g.globalAlpha = st.opacity === undefined ? 1 : st.opacity;
    g.fillStyle = st.fill;
    g.font = size + "px sans-serif";
    g.textAlign = st.align || "left";
    g.textBaseline = "alphabetic";
    for (let i = 0; i < layer.rows.length; i++) {
      const row = layer.rows[i];
      g.fillText(fitted(row.t, st.limit), x(row.s) + dx, y(row.y) + dy);
    }
  }

  function drawLayer(layer, x, y) {
    if (layer.kind === "text") { drawText(layer, x, y); return; }
    const st = layer.style, rows = layer.rows, op = st.opacity === undefined ? 1 : st.opacity;
    const fillA = op * (st.fillOpacity === undefined ? 1 : st.fillOpacity);
    const strokeA = op * (st.strokeOpacity === undefined ? 1 : st.strokeOpacity);
    const width = st.strokeWidth === undefined ? 1 : st.strokeWidth;
    const stroked = (st.stroke !== undefined || layer.stroke) && width > 0 && strokeA >= FAINT;
    const r = Math.sqrt(st.size || 64) / 2, h = st.height || 1, cr = st.cornerRadius || 0;
    g.lineWidth = width;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i], px = x(row.s), py = y(row.y);
      g.beginPath();
      if (layer.kind === "rect") {
        const px2 = x(row.e), x0 = Math.min(px, px2), w = Math.abs(px2 - px);
        if (cr && g.roundRect) g.roundRect(x0, py - h / 2, w, h, Math.min(cr, w / 2, h / 2));
        else g.rect(x0, py - h / 2, w, h);
      } else {
        g.moveTo(px + r, py);
        g.arc(px, py, r, 0, 2 * Math.PI);
      }
      if (fillA > 0) {
        g.globalAlpha = fillA;
        g.fillStyle = layer.fill(row);
        g.fill();
      }
      if (stroked) {
        g.globalAlpha = strokeA;
        g.strokeStyle = layer.stroke ? layer.stroke(row) : st.stroke;
        g.stroke();
      }
    }
  }

  return {
    /** Draw `layers` for the window [lo, hi] over the plot at `p` ({left, top, width,
     * height}: CSS pixels in the box); `y` maps a row's y to plot pixels. */
    draw(p, lo, hi, y, layers) {
      place(p);
      const k = p.width / (hi - lo), x = (t) => (t - lo) * k;
      g.globalAlpha = 1;
      g.clearRect(0, 0, p.width, p.height);
      layers.forEach((layer) => drawLayer(layer, x, y));
    },
    hide() { if (canvas && canvas.parentNode) canvas.parentNode.removeChild(canvas); },
    get shown() { return !!(canvas && canvas.parentNode); },
  };
}
