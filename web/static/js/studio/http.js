// The studio's calls to its JSON API: CSRF token on every write, one error shape back.
const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content || "";

export async function api(url, { method = "GET", json, form, etag } = {}) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") headers["X-CSRF-Token"] = csrf();
  if (etag !== undefined) headers["If-Match"] = `"${etag}"`;
  let body;
  if (json !== undefined) { headers["Content-Type"] = "application/json"; body = JSON.stringify(json); }
  if (form !== undefined) body = form;
  const response = await fetch(url, { method, headers, body, credentials: "same-origin" });
  let data = {};
  try { data = await response.json(); } catch { data = { ok: false, error: `HTTP ${response.status}` }; }
  return { status: response.status, data, etag: response.headers.get("ETag") };
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

export function showProblems(list, data) {
  list.replaceChildren(...(data.problems || []).map((p) => el("li", { text: p.text || p.message })));
}
