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
