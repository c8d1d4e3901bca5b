/* The event panel beside the map: title, date and places at once, then the event's
 * text, sources and media (inline in an export, else fetched from the detail URL). */
import { STATUS } from "./core.js";

function placeLine(p) {
  const li = document.createElement("li");
  const status = STATUS[p[2]] || "unresolved";
  li.className = "ca-status-" + status;
  li.textContent = p[3] + (status === "resolved" || status === "pinned" ? "" :
    status === "ambiguous" ? " (ambiguous place)" : " (place not found)");
  if (p[5] === 1) { li.classList.add("ca-place-inferred"); li.textContent += " (place inferred, low confidence)"; }
  return li;
}

function link(url, text) {
  const a = document.createElement("a");
  a.href = url;
  a.rel = "noopener noreferrer nofollow";
  a.textContent = text;
  return a;
}

export function createPanel(ctx) {
  const $ = ctx.$;

  function fill(ev, detail) {
    if (ctx.state.current !== ev.id) return;
    // server-side sanitised (markdown-it-py + nh3): the one place HTML is written.
    $("ca-panel-text").innerHTML = detail.html || "";
    const placesEl = $("ca-panel-places");
    if (detail.places && detail.places.length) {
      placesEl.textContent = "";
      detail.places.forEach((p) => {
        const li = document.createElement("li");
        li.className = "ca-status-" + p.status;
        let label = p.name;
        if (p.resolved_name && p.resolved_name !== p.name) label += " → " + p.resolved_name;
        if (p.country) label += ", " + p.country;
        if (p.status === "ambiguous" || p.status === "unresolved") {
          label += p.status === "ambiguous" ? " (ambiguous" : " (not found";
          if (p.candidates && p.candidates.length) {
            label += "; candidates: " + p.candidates.slice(0, 5).map((c) =>
              c.name + (c.country ? " (" + c.country + ")" : "")).join(", ");
          }
          label += ")";
        }
        if (p.low_confidence) {
          li.classList.add("ca-place-inferred");
          label += " (place inferred, low confidence" +
            (typeof p.confidence === "number" ? ": " + Math.round(p.confidence * 100) + "%" : "") + ")";
        }
        li.textContent = label;
        placesEl.appendChild(li);
      });
    }
    const sources = $("ca-panel-sources");
    sources.textContent = "";
    (detail.sources || []).forEach((s) => {
      const li = document.createElement("li");
      if (s.url) li.appendChild(link(s.url, s.title || s.url));
      else li.textContent = s.title;
      sources.appendChild(li);
    });
    if (detail.media && detail.media.url) {
      const li = document.createElement("li");
      li.appendChild(link(detail.media.url, "Media: " + (detail.media.caption || detail.media.url)));
      sources.appendChild(li);
    }
  }

  function show(ev) {
    $("ca-panel-title").textContent = ev.t;
    $("ca-panel-date").textContent = ev.d;
    const placesEl = $("ca-panel-places");
    placesEl.textContent = "";
    ev.p.forEach((p) => placesEl.appendChild(placeLine(p)));
    $("ca-panel-text").textContent = "";
    $("ca-panel-sources").textContent = "";
    if (ev.x) {
      fill(ev, ev.x);
    } else if (ctx.config.detailUrl) {
      fetch(ctx.config.detailUrl.replace("__ID__", encodeURIComponent(ev.id)), { credentials: "same-origin" })
        .then((r) => (r.ok ? r.json() : null))
        .then((detail) => { if (detail) { ev.x = detail; fill(ev, detail); } })
        .catch(() => { /* the panel keeps title, date and places */ });
    }
  }

  return { show };
}
