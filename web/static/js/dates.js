/* Dates as the viewer handles them: decimal years (the server's HistoricalDate.position),
 * read from and written to the URL's from=/to=/date=. Parsing a reader's free text is the
 * server's job; these only read the plain ISO forms the URL carries. */

const CUM = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/** "1939", "1939-05", "1939-05-11", "-490" or a number: a decimal year, or null. */
export function toNumber(v) {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return isFinite(v) ? v : null;
  const s = String(v).trim();
  const m = /^([+-]?\d+)(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (m) {
    const y = parseInt(m[1], 10), mo = m[2] ? parseInt(m[2], 10) - 1 : 0, d = m[3] ? parseInt(m[3], 10) - 1 : 0;
    return y + (CUM[Math.min(11, Math.max(0, mo))] + d) / 365.25;
  }
  const n = Number(s);
  return isFinite(n) ? n : null;
}

/** The end of the period a text names: "1945" ends with 1945, "1945-05" with May. */
export function endOf(v) {
  const s = String(v).trim(), start = toNumber(s);
  if (start === null) return null;
  if (/^[+-]?\d+$/.test(s)) return start + 1 - 1e-6;
  if (/^[+-]?\d+-\d{2}$/.test(s)) {
    const parts = s.split("-"), month = parseInt(parts[parts.length - 1], 10);
    const next = month === 12 ? String(parseInt(s, 10) + 1) : s.slice(0, s.length - 2) + String(month + 1).padStart(2, "0");
    return toNumber(next) - 1e-6;
  }
  return start + 1 / 365.25 - 1e-6;
}

/** A decimal year as the ISO text the URL carries ("1939", "1939-05-11", "-0489"). */
export function isoOf(pos) {
  const y = Math.floor(pos);
  const frac = pos - y;
  const year = (y < 0 ? "-" : "") + String(Math.abs(y)).padStart(4, "0");
  if (frac < 1 / 366) return year;
  const doy = Math.floor(frac * 365.25);
  let mo = 0;
  while (mo < 11 && doy >= CUM[mo + 1]) mo++;
  return year + "-" + String(mo + 1).padStart(2, "0") + "-" + String(Math.min(28, doy - CUM[mo] + 1)).padStart(2, "0");
}

/** The inclusive text of an exclusive end: 1946.0 -> "1945"; else the day it falls in. */
export function endText(pos) {
  const y = Math.round(pos);
  if (Math.abs(pos - y) < 1e-4) return isoOf(y - 1);
  return isoOf(pos - 1e-5);
}

export function yearText(pos) {
  const y = Math.floor(pos);
  return y <= 0 ? (1 - y) + " BCE" : String(y);
}

export function windowText(w) {
  return (isFinite(w[0]) ? yearText(w[0]) : "…") + " – " + (isFinite(w[1]) ? yearText(w[1]) : "…");
}
