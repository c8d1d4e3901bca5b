/* The event panel beside the map: title, date and places at once, then the event's
 * text, sources and media (inline in an export, else fetched from the detail URL). */
import { STATUS } from "./core.js";
import { applyBackground, mediaFigure } from "./panel-media.js";

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

  function mediaBox() {
    let box = $("ca-panel-media");
    if (!box) {
      box = document.createElement("div");
      box.id = "ca-panel-media";
      box.className = "ca-panel-media";
      const text = $("ca-panel-text");
      text.parentNode.insertBefore(box, text);
    }
    return box;
  }

  function fill(ev, detail) {
    if (ctx.state.current !== ev.id) return;
    // server-side sanitised (web/content/richtext.py, nh3): event text and headline are HTML
    // from the story (TimelineJS) or its Markdown rendered; nothing else writes HTML.
    $("ca-panel-text").innerHTML = detail.html || "";
    if (detail.headline) $("ca-panel-title").innerHTML = detail.headline;
    const box = mediaBox();
    (Array.isArray(detail.media) ? detail.media : []).forEach((m) => box.appendChild(mediaFigure(m, ev.t)));
    applyBackground($("ca-panel"), detail.background);
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
  }

  function show(ev) {
    $("ca-panel-title").textContent = ev.t;
    $("ca-panel-date").textContent = ev.d;
    const placesEl = $("ca-panel-places");
    placesEl.textContent = "";
    ev.p.forEach((p) => placesEl.appendChild(placeLine(p)));
    $("ca-panel-text").textContent = "";
    $("ca-panel-sources").textContent = "";
    mediaBox().textContent = "";
    applyBackground($("ca-panel"), null);
    if (ev.x) {
      fill(ev, ev.x);
    } else if (ctx.config.detailUrl) {
      fetch(ctx.config.detailUrl.replace("__ID__", encodeURIComponent(ev.id)), { credentials: "same-origin" })
        .then((r) => (r.ok ? r.json() : null))
        .then((detail) => { if (detail) { ev.x = detail; fill(ev, detail); } })
        .catch(() => { /* the panel keeps title, date and places */ });
    }
  }

  // the story's own opening (a TimelineJS title slide): sanitised text, media, background
  const intro = ctx.data && ctx.data.intro;
  if (intro && !ctx.state.current) {
    if (intro.html) $("ca-panel-text").innerHTML = intro.html; // sanitised on the server
    const box = mediaBox();
    (intro.media || []).forEach((m) => box.appendChild(mediaFigure(m, ctx.data.title)));
    applyBackground($("ca-panel"), intro.background);
  }

  return { show };
}
