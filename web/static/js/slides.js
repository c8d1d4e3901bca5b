/* Slide stories (settings.order "slides", StoryMapJS-like): a strip of numbered slides
 * in file order, the current one marked, and a "Slide 3 of 11" counter. The toolbar's
 * Previous/Next and the arrow keys step through them (controller.js); the map flies
 * between their places (map.js). Nothing here on a story in time order. */

const STRIP_LIMIT = 500;  // above this the counter and the list do the strip's work

export function createSlides(ctx) {
  const $ = ctx.$, nav = $("ca-slides");
  if (!ctx.slides || !nav) return null;
  const all = ctx.all, count = $("ca-slide-count"), strip = $("ca-slide-strip");
  document.body.classList.add("ca-slide-story");
  nav.hidden = false;
  const prev = $("ca-prev"), next = $("ca-next");
  if (prev) prev.textContent = "\u25C0 Previous slide";
  if (next) next.textContent = "Next slide \u25B6";
  const buttons = new Map();
  if (strip && all.length <= STRIP_LIMIT) {
    const frag = document.createDocumentFragment();
    all.forEach((ev, i) => {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.id = ev.id;
      const n = document.createElement("span");
      n.className = "ca-slide-n";
      n.textContent = String(i + 1);
      const t = document.createElement("span");
      t.className = "ca-slide-title";
      t.textContent = ev.t;
      b.appendChild(n);
      b.appendChild(t);
      li.appendChild(b);
      frag.appendChild(li);
      buttons.set(ev.id, b);
    });
    strip.appendChild(frag);
    strip.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-id]");
      if (b) ctx.actions.select(b.dataset.id, { source: "slides" });
    });
  }
  let shown = null;
  function mark(id) {
    const i = ctx.indexOf(id);
    if (count) count.textContent = i < 0 ? all.length + " slides" : "Slide " + (i + 1) + " of " + all.length;
    if (prev) prev.disabled = i <= 0;
    if (next) next.disabled = i >= all.length - 1;
    if (shown) shown.removeAttribute("aria-current");
    shown = buttons.get(id) || null;
    if (shown) {
      shown.setAttribute("aria-current", "step");
      const box = strip, b = shown;
      window.requestAnimationFrame(() => {
        const left = b.offsetLeft - (box.clientWidth - b.offsetWidth) / 2;
        box.scrollTo({ left: Math.max(0, left), behavior: ctx.reduceMotion ? "auto" : "smooth" });
      });
    }
  }
  mark(null);
  if (prev) prev.disabled = true;
  ctx.on("select", (d) => {
    mark(d.id);
    const ev = ctx.byId.get(d.id), date = $("ca-panel-date");
    if (ev && ev.s === undefined && date) date.textContent = count ? count.textContent : "";
  });
  return { mark };
}
