/* The viewer's shared context: the story's rows, the page's config, the selection state,
 * the event bus (on/emit, mirrored to a parent frame) and the live region. Every other
 * module receives this object instead of reading globals, so the studio can build one
 * for its own preview.
 *
 * Story text is untrusted: it reaches the page only through textContent, attributes set
 * with setAttribute, or (event text) HTML already sanitised on the server by nh3. */

export const STATUS = ["resolved", "pinned", "ambiguous", "unresolved"];
const EVENTS = ["select", "window", "ready", "resize", "height"];

/** Milestones for benchmarks and debugging: performance.getEntriesByType("mark"). */
export function mark(name) {
  if (window.performance && performance.mark) performance.mark("chronoatlas:" + name);
}

export const byIdIn = (doc) => (id) => doc.getElementById(id);

export function groupClass(ev) { return "ca-g" + (ev.g % 8); }
export function located(ev) { return ev.p.filter((p) => p[0] !== null && p[1] !== null); }

/** The page's theme: a class on <body> (set by the server or by the URL's theme=). */
export function theme() {
  const m = /(?:^|\s)theme-(dark|contrast)(?:\s|$)/.exec(document.body.className);
  return m ? m[1] : "light";
}
export function cssVar(name) { return getComputedStyle(document.body).getPropertyValue(name).trim(); }

/**
 * @param {object} data   the page's rows ({events, undated, groups, eras})
 * @param {object} config the page's config (names, spec, extent, urls, options, initial)
 */
export function createContext(data, config, doc = document) {
  const events = data.events;            // dated, in the story's total order
  const undated = data.undated;          // kept apart, never dropped
  const byId = new Map();
  events.concat(undated).forEach((e) => byId.set(e.id, e));
  // settings.order "slides" (StoryMapJS-like): every event, dated or not, in file order
  const slides = data.order === "slides" && Array.isArray(data.slides);
  const all = slides ? data.slides.map((id) => byId.get(id)).filter(Boolean) : events.concat(undated);
  const positionOf = new Map();
  all.forEach((e, i) => positionOf.set(e.id, i));
  const handlers = Object.create(null);
  EVENTS.forEach((name) => { handlers[name] = []; });
  const inFrame = window.parent !== window;
  const $ = byIdIn(doc);

  const ctx = {
    data, config, $,
    options: config.options || (config.options = {}),
    events, undated, all, byId, slides,
    groups: data.groups || [],
    state: { current: null, window: null, playing: null },
    reduceMotion: !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches),
    inFrame,
    // filled by the controller: what the parts call to change the selection or window
    actions: {},
    indexOf(id) { const i = positionOf.get(id); return i === undefined ? -1 : i; },
    on(name, fn) {
      if (!Object.prototype.hasOwnProperty.call(handlers, name)) {
        throw new Error("chronoatlas.on: unknown event " + name + " (use " + EVENTS.join(", ") + ")");
      }
      handlers[name].push(fn);
      return function off() {
        const i = handlers[name].indexOf(fn);
        if (i >= 0) handlers[name].splice(i, 1);
      };
    },
    emit(name, detail, { post = true } = {}) {
      handlers[name].forEach((fn) => {
        try { fn(detail); } catch (err) { console.warn("chronoatlas listener failed", err); }
      });
      if (inFrame && post) {
        const message = { chronoatlas: name, slug: config.slug };
        Object.keys(detail || {}).forEach((k) => { message[k] = detail[k]; });
        window.parent.postMessage(message, "*");
      }
    },
    announce(text) {
      const live = $("ca-live");
      if (!live) return;
      live.textContent = "";
      // a new text node so screen readers announce repeats too
      window.setTimeout(() => { live.textContent = text; }, 30);
    },
  };
  return ctx;
}
