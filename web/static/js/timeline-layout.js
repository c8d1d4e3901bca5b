/* Which events the timeline's window reaches, thinned to what its pixels can show, and
 * where each of them sits: a row in its group's lane, chosen so
 * that its headline fits beside its mark without overlapping another (greedy, in time
 * order, as TimelineJS stacks its markers), or, when no row has room, its mark alone
 * (the headline comes back when a zoom makes room). Also the hit test that clicks and
 * taps use: the nearest mark or headline within reach, with a target of at least
 * 24x24 CSS pixels however small the dot is drawn. */

const GAP = 6;        // pixels kept free between neighbours in a row
const DX = 8;         // the label's offset from its mark (timeline_chart.py: dx)
const REACH = 12;     // half of the 24-pixel target around a mark

let measurer = null;
const widths = new Map();

/** The drawn width of a headline at the labels' font, cached (the font never changes). */
export function textWidth(text, cap) {
  let w = widths.get(text);
  if (w === undefined) {
    if (!measurer) {
      measurer = document.createElement("canvas").getContext("2d");
      measurer.font = "11px sans-serif";  // Vega's default font, at the labels' size
    }
    w = measurer ? measurer.measureText(text).width : text.length * 6;
    if (widths.size > 50000) widths.clear();
    widths.set(text, w);
  }
  return Math.min(w, cap);
}

/**
 * Lay out `rows` (events in time order, each with s, g, optional e) for the window
 * [lo, hi] drawn `width` pixels wide, `perLane` rows in each lane. Sets each row's `y`
 * (lane index plus the row's offset inside it) and returns the labelled rows and the
 * boxes for hit testing, in plot pixels.
 */
export function layout(rows, lo, hi, width, perLane, labelCap) {
  const k = width / (hi - lo);
  const ends = new Map();  // lane -> right end of each row, in pixels
  const labels = [], labelsLeft = [], boxes = [];
  for (let i = 0; i < rows.length; i++) {
    const ev = rows[i];
    let lane = ends.get(ev.g);
    if (!lane) { lane = new Array(perLane).fill(-Infinity); ends.set(ev.g, lane); }
    const x = (ev.s - lo) * k;
    const xEnd = ev.e !== undefined ? Math.max(x, (ev.e - lo) * k) : x;
    const w = textWidth(ev.t, labelCap);
    // the headline goes right of its mark, or left of it where the plot ends first
    const left = x + DX + w > width && x - DX - w >= 0;
    const from = left ? x - DX - w : x;
    const labelEnd = left ? xEnd : Math.max(xEnd, x + DX + w);
    let row = -1, labelled = false;
    for (let r = 0; r < perLane; r++) {
      if (lane[r] < from - REACH) { row = r; labelled = true; break; }
    }
    if (row < 0) {
      // no room for the headline: the mark alone, in the row with the most room
      row = 0;
      for (let r = 1; r < perLane; r++) if (lane[r] < lane[row]) row = r;
    }
    const end = labelled ? labelEnd + GAP : xEnd + REACH;
    if (labelled || lane[row] < end) lane[row] = Math.max(lane[row], end);
    ev.y = ev.g - 0.5 + (row + 0.5) / perLane;
    boxes.push({ ev, x0: (labelled ? from : x) - REACH, x1: (labelled ? labelEnd : xEnd) + REACH, cx: x });
    if (labelled) (left ? labelsLeft : labels).push(ev);
  }
  return { labels, labelsLeft, boxes };
}

/** The event under plot point (px, py), nearest mark first; `yPx` maps a row's y to
 * pixels, `rowPx` is a row's height. */
export function hit(boxes, px, py, yPx, rowPx) {
  const half = Math.max(REACH, rowPx / 2);
  let best = null, bestD = Infinity;
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i];
    if (px < b.x0 || px > b.x1) continue;
    const cy = yPx(b.ev.y);
    if (py < cy - half || py > cy + half) continue;
    const d = Math.abs(px - b.cx) + Math.abs(py - cy) * 0.5;
    if (d < bestD) { best = b.ev; bestD = d; }
  }
  return best;
}

/** A row's end in time: its range's end, else its date's precision end, else its start. */
function endOf(r) {
  return r.e !== undefined ? r.e : r.pe !== undefined ? r.pe : r.s;
}

/**
 * An index of `rows` for finding the ones a window reaches without visiting all of them
 * (a 100,000-event story, at every frame of a zoom): when the rows are in order of start,
 * the running maximum of their ends bounds where the window's rows begin.
 */
export function windowIndex(rows) {
  const n = rows.length, maxEnd = new Float64Array(n);
  let sorted = true, m = -Infinity;
  for (let i = 0; i < n; i++) {
    if (i && rows[i].s < rows[i - 1].s) sorted = false;
    m = Math.max(m, endOf(rows[i]));
    maxEnd[i] = m;
  }
  return { rows, maxEnd, sorted };
}

/** The rows of `index` that overlap [a, b], in their order. */
export function inWindow(index, a, b) {
  const { rows, maxEnd, sorted } = index, out = [];
  let i = 0, j = rows.length;
  if (sorted) {
    // first row whose ends so far reach a; first row starting after b
    let lo = 0, hi = rows.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (maxEnd[mid] < a) lo = mid + 1; else hi = mid; }
    i = lo;
    hi = rows.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (rows[mid].s <= b) lo = mid + 1; else hi = mid; }
    j = lo;
  }
  for (; i < j; i++) {
    const r = rows[i];
    if (r.s <= b && endOf(r) >= a) out.push(r);
  }
  return out;
}

/**
 * Of the rows whose marks would land in the same `px`-wide column of the same lane (and,
 * `withEnd`, end in the same column), the last only: the view cannot show them apart, and
 * the last is the one drawn on top. Columns are counted within the plot (marks beyond its
 * ends, which are clipped, share the end columns), so keys are small numbers.
 */
export function thin(rows, lo, hi, width, withEnd, px) {
  const k = width / (hi - lo) / px, cols = Math.ceil(width / px) + 3, seen = new Map(), out = [];
  let lanes = 1;
  for (let i = 0; i < rows.length; i++) lanes = Math.max(lanes, (rows[i].g | 0) + 1);
  const col = (t) => Math.max(-1, Math.min(cols - 2, Math.round((t - lo) * k))) + 1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let key = col(r.s);
    if (withEnd) key = key * cols + col(r.e);
    key = key * lanes + (r.g | 0);
    const at = seen.get(key);
    if (at === undefined) { seen.set(key, out.length); out.push(r); } else out[at] = r;
  }
  return out;
}
