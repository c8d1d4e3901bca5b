/* Zoom and pan in time on the timeline's detail view: the wheel (zoom about the
 * pointer; a horizontal wheel or Shift pans), a drag, a two-finger pinch, the + and -
 * buttons and keys (Shift+arrows pan). A press that does not move is a tap: it selects
 * what is under it. Drawing follows at once (one frame at a time); the time window
 * is committed (map, list, URL) once the gesture rests. */

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
