/* The viewer's public API: window.chronoatlas in the page, and the same commands by
 * postMessage from a parent page when embedded. Only the commands named here are run:
 * a message naming anything else ("__proto__", "constructor", "toString") is ignored. */

export function createApi(ctx, parts) {
  const a = ctx.actions, state = ctx.state;
  const goTo = (id) => (a.select(String(id), { source: "api" }) ? state.current : null);
  const current = () => state.current;
  const api = {
    goTo,
    next: () => a.next({ source: "api" }),
    prev: () => a.prev({ source: "api" }),
    current,
    setWindow(from, to) {
      a.setWindow(from, to, { source: "api" });
      return state.window ? state.window.slice() : null;
    },
    play: () => a.play(),
    pause: () => a.pause(),
    on: (name, fn) => ctx.on(name, fn),
    get map() { return parts.map ? parts.map.map : null; },
    get view() { return parts.timeline ? parts.timeline.view : null; },
    get window() { return state.window ? state.window.slice() : null; },
    events: () => ctx.all.map((e) => e.id),
    ready: null,
  };
  return api;
}

/** The commands a parent frame may send, as a Map: a plain object would also answer
 * to the names it inherits. */
export function messageCommands(api) {
  return new Map([
    ["goTo", api.goTo], ["next", api.next], ["prev", api.prev], ["play", api.play],
    ["pause", api.pause], ["current", api.current],
    ["setWindow", (from, to) => { api.setWindow(from, to); }],
  ]);
}

export function listenForCommands(ctx, api) {
  const commands = messageCommands(api);
  window.addEventListener("message", (e) => {
    const m = e.data;
    if (!m || typeof m !== "object" || typeof m.chronoatlas !== "string") return;
    const fn = commands.get(m.chronoatlas);
    if (typeof fn !== "function") return;
    const args = Array.isArray(m.args) ? m.args.slice(0, 2) : [];
    let value;
    try {
      value = fn.apply(null, args);
    } catch (err) {
      console.warn("chronoatlas: command " + m.chronoatlas + " failed", err);
      value = null;
    }
    if (e.source && typeof e.source.postMessage === "function") {
      const plain = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
      e.source.postMessage({ chronoatlas: "result", command: m.chronoatlas, requestId: m.requestId,
                             value: plain ? value : null },
                           e.origin === "null" ? "*" : e.origin);
    }
  });
}

/** An embed that sizes itself: its height, on load and whenever it changes, posted in the
 * forms news sites' hosts listen for: pym.js ("pymxPYMx<id>xPYMxheightxPYMx<px>",
 * the id from the childId= pym's parent adds to the URL), AMP's amp-iframe embed-size,
 * Datawrapper's {"datawrapper-height": {<id>: px}}, and WordPress's wp-embed
 * {message: "height", value, secret} when the frame was embedded by oEmbed discovery
 * (WordPress adds "#?secret=<token>" to the iframe's src and reads only that token's). */
export function postHeight(ctx) {
  if (!ctx.inFrame || typeof ResizeObserver !== "function") return;
  const q = new URLSearchParams(location.search);
  const pymId = q.get("childId");
  // read now: selecting an event rewrites the hash
  const wp = /[#?&]secret=([A-Za-z0-9]{1,64})(?:&|$)/.exec(location.hash);
  const wpSecret = wp ? wp[1] : null;
  const id = ctx.config.slug || "chronoatlas";
  let last = -1, pending = null;
  // The stage is sized in vh: in a frame that grows to fit, that would grow with it.
  // Fixed at its opening height, the content's height stops depending on the frame's.
  const stage = document.querySelector(".ca-stage");
  if (stage && !stage.style.height) stage.style.height = Math.round(stage.getBoundingClientRect().height) + "px";
  const send = () => {
    pending = null;
    const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last) return;
    last = h;
    const parent = window.parent;
    if (pymId) parent.postMessage("pymxPYMx" + pymId + "xPYMxheightxPYMx" + h, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
    parent.postMessage({ "datawrapper-height": { [id]: h } }, "*");
    if (wpSecret) parent.postMessage({ message: "height", value: h, secret: wpSecret }, "*");
    ctx.emit("height", { height: h }, { post: false });
  };
  const schedule = () => { if (pending === null) pending = window.requestAnimationFrame(send); };
  new ResizeObserver(schedule).observe(document.documentElement);
  schedule();
}
