/* The viewer: reads the page's data and config blocks, builds the parts (map, timeline,
 * panel, list), links them through the controller, and publishes window.chronoatlas.
 * main.js starts it; another page (the studio's preview) may import startViewer. */
import { createContext, mark } from "./core.js";
import { createController } from "./controller.js";
import { wireControls } from "./controls.js";
import { createApi, listenForCommands, postHeight } from "./embed-api.js";
import { createList } from "./list.js";
import { createMap } from "./map.js";
import { createPanel } from "./panel.js";
import { createSlides } from "./slides.js";
import { createTimeline, timelineWidth } from "./timeline.js";
import { readQueryOptions, restoreState, watchHash } from "./url-state.js";

export function startViewer(doc = document) {
  mark("start");
  const data = JSON.parse(doc.getElementById("ca-data").textContent);
  const config = JSON.parse(doc.getElementById("ca-config").textContent);
  const ctx = createContext(data, config, doc);
  if (config.queryOptions) readQueryOptions(ctx);
  // Read before anything changes the page: the layout is still clean, so this costs
  // nothing, where read later it forces a full layout.
  const openingWidth = timelineWidth(ctx.$("ca-timeline"));
  const parts = { map: null, timeline: null, panel: createPanel(ctx), list: createList(ctx) };
  createController(ctx, parts);
  const api = createApi(ctx, parts);
  window.chronoatlas = api;
  wireControls(ctx, parts);
  createSlides(ctx);
  watchHash(ctx);
  parts.list.render();
  parts.map = createMap(ctx);
  parts.timeline = createTimeline(ctx, { width: openingWidth });
  const mapReady = parts.map ? parts.map.ready : Promise.resolve();
  api.ready = Promise.all([mapReady, parts.timeline.ready]).then(() => {
    restoreState(ctx);
    mark("ready");
    document.documentElement.setAttribute("data-chronoatlas", "ready");
    ctx.emit("ready", { events: ctx.all.length });
    return api;
  });
  if (ctx.inFrame) {
    listenForCommands(ctx, api);
    if (config.embed || config.queryOptions) postHeight(ctx);
  }
  return api;
}
