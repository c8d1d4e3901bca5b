/* Tick values for the timeline's axis, round in the words its labels use (see
 * web/exports/timeline_chart.py AXIS_LABEL_EXPR): 500 BCE, 480 BCE... (position 1 - year),
 * 1939, 1940..., "66 million years ago" (position 1950 - years ago), months and days as
 * twelfths of a year, as the label expression reads them. Vega's own ticks are round in
 * positions, which put BCE labels at 501, 481, 461 BCE. */

const STEPS = [1, 2, 5];
const MONTH_STEPS = [1, 2, 3, 6];
const DAY_STEPS = [1, 2, 5, 10];
const DEEP = -999999;  // below this position the labels say "... years ago"

function niceStep(raw) {
  const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-12))));
  for (const s of STEPS) if (s * p >= raw) return s * p;
  return 10 * p;
}

function range(a, b, step, limit) {
  const out = [];
  for (let v = Math.ceil(a / step) * step; v <= b + 1e-9 && out.length < limit; v += step) out.push(v);
  return out;
}

/** About `count` round tick positions in [lo, hi]. */
export function tickValues(lo, hi, count) {
  count = Math.max(2, count | 0);
  const span = hi - lo;
  if (!(span > 0) || !isFinite(span)) return [];
  const limit = count * 3;
  if (span * 12 <= count * 2 && span < 2) {
    // months, or days within months (each month a twelfth of the year; day d at
    // (d - 1 + 0.01) / 30.44 of it, which the label expression reads back as d)
    const months = span * 12;
    const mStep = months >= 2 ? MONTH_STEPS.find((s) => months / s <= count) : null;
    if (mStep) {
      return range(lo * 12, hi * 12, mStep, limit).map((m) => Math.round(m) / 12).filter((v) => v >= lo && v <= hi);
    }
    const days = span * 365.25;
    const dStep = DAY_STEPS.find((s) => days / s <= count) || 10;
    const out = [];
    for (let m = Math.floor(lo * 12); m <= Math.ceil(hi * 12) && out.length < limit; m++) {
      for (let d = 1; d <= 28; d += dStep) {
        const v = (m + (d - 1 + 0.01) / 30.44) / 12;
        if (v >= lo && v <= hi) out.push(v);
      }
    }
    return out;
  }
  const step = Math.max(1, niceStep(span / count));
  if (lo < DEEP) {
    // round in years ago: position = 1950 - ago
    return range(1950 - hi, 1950 - lo, step, limit).map((ago) => 1950 - ago).reverse()
      .filter((v) => v >= lo && v <= hi);
  }
  // round in the years the labels show: D > 0 is D CE (position D), D < 0 is -D BCE
  // (position 1 + D); there is no year 0
  const first = lo <= 0 ? -(1 - Math.floor(lo)) : Math.floor(lo);
  const last = hi <= 0 ? -(1 - Math.ceil(hi)) : Math.ceil(hi);
  return range(first, last, step, limit).filter((d) => d !== 0)
    .map((d) => (d > 0 ? d : 1 + d)).filter((v) => v >= lo && v <= hi);
}
