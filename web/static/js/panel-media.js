/* An event's media and background in the panel, as the server described them
 * (web/content/media.py): "direct" media load here (the page's CSP allows exactly those hosts),
 * "away" media are a placeholder naming the host whose link opens it there, in a new
 * tab (the CSP would refuse to load it here), "none" says why nothing is shown.
 * Captions, credits and quotes are HTML sanitised on the server. */

const REL = "noopener noreferrer nofollow";
const FRAME_ALLOW = "fullscreen; encrypted-media; picture-in-picture";

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

function away(m) {
  const a = el("a", "ca-media-placeholder");
  a.href = m.href;
  a.target = "_blank";
  a.rel = REL;
  const embeddable = m.kind === "image" || m.kind === "video" || m.kind === "audio" ||
    m.kind === "audio-frame" || m.kind === "video-file" || m.kind === "document";
  a.appendChild(el("span", "ca-media-action",
    (embeddable ? "Show " + m.noun + " from " : "Open " + m.noun + " on ") + m.host));
  if (m.alt) a.appendChild(el("span", "ca-media-alt", m.alt));
  a.appendChild(el("span", "ca-media-note", "Opens on " + (m.hrefHost || m.host) +
    " in a new tab (this site does not load media from " + m.host + ")"));
  a.dataset.host = m.host;
  return a;
}

function frame(m, title) {
  const f = document.createElement("iframe");
  f.src = m.src;
  f.title = title;
  f.loading = "lazy";
  f.referrerPolicy = "strict-origin-when-cross-origin";
  f.setAttribute("allow", FRAME_ALLOW);
  f.setAttribute("allowfullscreen", "");
  f.setAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
  f.className = m.kind === "audio-frame" ? "ca-media-frame ca-media-audio" : "ca-media-frame";
  return f;
}

function direct(m, title) {
  if (m.kind === "quote") {
    const q = el("div", "ca-media-quote");
    q.innerHTML = m.html || ""; // sanitised on the server (web/content/media.py)
    return q;
  }
  if (m.kind === "image") {
    const img = document.createElement("img");
    img.src = m.src;
    img.alt = m.alt || "";
    img.loading = "lazy";
    img.referrerPolicy = "no-referrer";
    img.className = "ca-media-image";
    return img;
  }
  if (m.kind === "audio" || m.kind === "video-file") {
    const v = document.createElement(m.kind === "audio" ? "audio" : "video");
    v.controls = true;
    v.preload = "metadata";
    v.src = m.src;
    if (m.alt) v.setAttribute("aria-label", m.alt);
    v.className = "ca-media-player";
    return v;
  }
  if (m.kind === "document" && !m.host) { // a local PDF: opened by the browser, not framed
    const a = el("a", "ca-media-link", "Open the document" + (m.alt ? ": " + m.alt : ""));
    a.href = m.src;
    a.target = "_blank";
    a.rel = REL;
    return a;
  }
  return frame(m, m.alt || title || m.noun);
}

/** One <figure> for one media description. */
export function mediaFigure(m, title) {
  const fig = el("figure", "ca-media ca-media-" + m.kind);
  if (m.load === "direct") fig.appendChild(direct(m, title));
  else if (m.load === "away" && m.href) fig.appendChild(away(m));
  else fig.appendChild(el("p", "ca-media-none", "Media not shown: “" + (m.address || "") +
    "” is not a web address, or a local file this copy does not include."));
  if (m.caption || m.credit) {
    const cap = el("figcaption", "ca-media-caption");
    if (m.caption) {
      const c = el("span", "ca-media-caption-text");
      c.innerHTML = m.caption; // sanitised on the server
      cap.appendChild(c);
    }
    if (m.credit) {
      const c = el("span", "ca-media-credit");
      c.innerHTML = m.credit; // sanitised on the server
      cap.appendChild(c);
    }
    fig.appendChild(cap);
  }
  return fig;
}

function dark(colour) {
  const m = /^#([0-9a-f]{6})$/i.exec(colour || "");
  if (!m) return false;
  const n = parseInt(m[1], 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** The event's background on the panel: a checked colour, an image only when direct. */
export function applyBackground(panel, bg) {
  panel.style.backgroundColor = "";
  panel.style.backgroundImage = "";
  panel.classList.remove("ca-has-bg", "ca-bg-dark", "ca-bg-image");
  const old = panel.querySelector(".ca-bg-note");
  if (old) old.remove();
  if (!bg) return;
  if (bg.color) {
    panel.style.backgroundColor = bg.color;
    panel.classList.add("ca-has-bg");
    if (dark(bg.color)) panel.classList.add("ca-bg-dark");
  }
  const img = bg.image;
  if (img && img.load === "direct" && img.src) {
    panel.style.backgroundImage = 'url("' + img.src.replace(/["\\\n\r]/g, encodeURIComponent) + '")';
    panel.classList.add("ca-has-bg", "ca-bg-dark", "ca-bg-image");
  } else if (img && img.href) {
    const p = el("p", "ca-bg-note");
    const a = el("a", null, "Background image on " + img.host);
    a.href = img.href;
    a.target = "_blank";
    a.rel = REL;
    p.appendChild(a);
    panel.appendChild(p);
  }
}
