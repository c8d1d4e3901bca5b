/* The map: folium made the Leaflet map and empty layers (see web/exports/mapbuilder.py); this
 * draws the event markers (clustered on a grid above CLUSTER_ABOVE places), fills the
 * offline basemap, adds the layer control and the route, and shows the selection. */
import { groupClass, located, mark, theme } from "./core.js";
import { hashEvent } from "./url-state.js";

const MAP_THEMES = {
  dark: { land: { fillColor: "#2e3236", color: "#4d535a" }, borders: { color: "#737a82" } },
  contrast: { land: { fillColor: "#000000", color: "#ffffff", weight: 1 },
              borders: { color: "#ffffff", weight: 1 } },
};

// Markers are made only when drawn. Above CLUSTER_ABOVE located places they are
// clustered on a pixel grid for the view in sight (redrawn on every move; about
// MAX_MARKERS markers at most), which stays fast at 100,000 places where building a
// cluster tree up front (leaflet.markercluster) took seconds.
// web/exports/widget.py's CLUSTER_THRESHOLD is the same number.
export const CLUSTER_ABOVE = 150;
const CELL = 64, MAX_MARKERS = 80, UNCLUSTER_ZOOM = 16;

function popupContent(ev) {
  const box = document.createElement("div");
  box.className = "ca-popup";
  const h = document.createElement("h3");
  h.textContent = ev.t;
  const p = document.createElement("p");
  p.textContent = ev.d;
  box.appendChild(h);
  box.appendChild(p);
  return box;
}

function clusterIcon(n) {
  const size = n < 10 ? "small" : n < 100 ? "medium" : "large";
  const inner = document.createElement("div");
  const label = document.createElement("span");
  label.textContent = String(n);
  inner.appendChild(label);
  return L.divIcon({ className: "marker-cluster marker-cluster-" + size, html: inner, iconSize: L.point(40, 40) });
}

/** The map part of a viewer, or null when the page has no map. */
export function createMap(ctx) {
  const config = ctx.config, names = config.names || {};
  const map = names.map ? window[names.map] : null;
  if (!map) return null;
  const all = ctx.all;
  let markerLayer, selectionLayer, routeLayer, labelsLayer, clustered = false;
  const physical = L.layerGroup();
  const markerEntries = [];
  let activeEntries = [];
  const markerIcons = {};
  const clusterCache = new Map();
  let selectionIcon = null, flown = false;

  function makeIcon(cls, flagged, inferred) {
    return L.divIcon({ className: "ca-marker " + cls + (flagged ? " ca-marker-flagged" : "") +
                         (inferred ? " ca-marker-inferred" : ""),
                       iconSize: [14, 14], iconAnchor: [7, 7], popupAnchor: [0, -8] });
  }

  function markerFor(entry) {
    if (entry.marker) return entry.marker;
    const ev = entry.ev, flagged = entry.p[2] >= 2, inferred = entry.p[5] === 1;
    const key = ev.g % 8 + (flagged ? "f" : "") + (inferred ? "i" : "");
    const icon = markerIcons[key] || (markerIcons[key] = makeIcon(groupClass(ev), flagged, inferred));
    const title = ev.t + " (" + ev.d + ")" + (inferred ? ": place inferred, low confidence" : "");
    const marker = L.marker([entry.p[0], entry.p[1]], { icon, keyboard: true, title, riseOnHover: true });
    marker.caEvent = ev;
    entry.marker = marker;
    return marker;
  }

  // Grid cells of `cell` pixels over the view in sight (plus a margin), each with its
  // count, mean position and bounds; below UNCLUSTER_ZOOM places are grouped by cell.
  function gridCells(z, cell) {
    const scale = 256 * Math.pow(2, z);
    const pb = map.getPixelBounds(), pad = cell;
    const x0 = pb.min.x - pad, x1 = pb.max.x + pad, y0 = pb.min.y - pad, y1 = pb.max.y + pad;
    const wrapAll = x1 - x0 >= scale;
    const cells = new Map(), order = [];
    for (let i = 0; i < activeEntries.length; i++) {
      const en = activeEntries[i];
      let px = en.x * scale;
      const py = en.y * scale;
      if (py < y0 || py > y1) continue;
      if (!wrapAll) {
        // the view may show the world's next copy (worldCopyJump): shift into it
        const k = Math.round(((x0 + x1) / 2 - px) / scale);
        px += k * scale;
        if (px < x0 || px > x1) continue;
      }
      const key = z >= UNCLUSTER_ZOOM ? i : Math.floor(px / cell) * 4194304 + Math.floor(py / cell);
      let c = cells.get(key);
      if (!c) {
        c = { n: 0, first: en, lat: 0, lon: 0, s: 0, w: 90, nn: -90, e: -1e9, shift: px - en.x * scale };
        cells.set(key, c);
        order.push(c);
      }
      c.n += 1;
      c.lat += en.p[0]; c.lon += en.p[1];
      if (en.p[0] < c.s) c.s = en.p[0];
      if (en.p[0] > c.nn) c.nn = en.p[0];
      if (en.p[1] < c.w) c.w = en.p[1];
      if (en.p[1] > c.e) c.e = en.p[1];
      if (c.n === 1) { c.s = c.nn = en.p[0]; c.w = c.e = en.p[1]; }
    }
    return order;
  }

  function drawClusters() {
    if (!clustered || !map.hasLayer(markerLayer)) return;
    const z = map.getZoom(), scale = 256 * Math.pow(2, z);
    // Wider cells while the view would hold more than MAX_MARKERS markers: each one is an
    // element to create and lay out, and past a few dozen they crowd anyway.
    let cell = CELL, order = gridCells(z, cell);
    while (order.length > MAX_MARKERS && z < UNCLUSTER_ZOOM && cell < 512) {
      cell *= 1.5;
      order = gridCells(z, cell);
    }
    // Only what changed is taken off or put on the map: a move that keeps most cells
    // keeps their markers (and a keyboard user's focus on one).
    const keep = new Set();
    if (clusterCache.size > 20000) clusterCache.clear();
    order.forEach((c) => {
      const lonShift = Math.round(c.shift / scale) * 360;
      if (c.n === 1) {
        const m = markerFor(c.first);
        const ll = [c.first.p[0], c.first.p[1] + lonShift];
        if (m.getLatLng().lng !== ll[1]) m.setLatLng(ll);
        keep.add(m);
        return;
      }
      const lat = c.lat / c.n, lon = c.lon / c.n + lonShift;
      const key = z + ":" + c.n + ":" + lat.toFixed(6) + ":" + lon.toFixed(6);
      let cm = clusterCache.get(key);
      if (!cm) {
        cm = L.marker([lat, lon], { icon: clusterIcon(c.n), keyboard: true, title: c.n + " events here: zoom in" });
        cm.caCluster = L.latLngBounds([c.s, c.w + lonShift], [c.nn, c.e + lonShift]);
        clusterCache.set(key, cm);
      }
      keep.add(cm);
    });
    const gone = [];
    markerLayer.eachLayer((layer) => { if (!keep.has(layer)) gone.push(layer); });
    gone.forEach((layer) => markerLayer.removeLayer(layer));
    keep.forEach((layer) => { if (!markerLayer.hasLayer(layer)) markerLayer.addLayer(layer); });
  }

  function zoomInto(cluster) {
    const b = cluster.caCluster, z = map.getZoom();
    let target = Math.min(map.getMaxZoom(), Math.max(z + 2, map.getBoundsZoom(b, false, L.point(40, 40))));
    if (b.getNorth() - b.getSouth() < 1e-9 && b.getEast() - b.getWest() < 1e-9) target = Math.max(target, UNCLUSTER_ZOOM);
    map.setView(b.getCenter(), target, { animate: !ctx.reduceMotion });
  }

  function buildMarkers() {
    if (!map.options.maxZoom) map.setMaxZoom(18);
    all.forEach((ev) => {
      located(ev).forEach((p) => {
        const lat = Math.max(-85.0511, Math.min(85.0511, p[0])), r = lat * Math.PI / 180;
        markerEntries.push({ ev, p, marker: null, x: (p[1] + 180) / 360,
                             y: (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 });
      });
    });
    activeEntries = markerEntries;
    clustered = markerEntries.length > CLUSTER_ABOVE;
    markerLayer = L.featureGroup();
    // One handler and one popup for all markers (100,000 closures would cost seconds).
    const popup = L.popup({ autoPan: false });
    const pick = (marker) => {
      if (marker.caCluster) { zoomInto(marker); return; }
      popup.setLatLng(marker.getLatLng()).setContent(popupContent(marker.caEvent)).openOn(map);
      ctx.actions.select(marker.caEvent.id, { source: "map" });
    };
    markerLayer.on("click", (e) => { if (e.layer && (e.layer.caEvent || e.layer.caCluster)) pick(e.layer); });
    markerLayer.on("keypress", (e) => {  // Leaflet 1.9 no longer maps Enter to click
      const key = e.originalEvent && e.originalEvent.key;
      if ((key === "Enter" || key === " ") && e.layer && (e.layer.caEvent || e.layer.caCluster)) pick(e.layer);
    });
    if (clustered) {
      map.on("moveend", drawClusters);
      markerLayer.on("add", drawClusters);
    } else {
      markerEntries.forEach((en) => markerLayer.addLayer(markerFor(en)));
    }
    // the opening view first, so the markers are placed (and clustered) once
    if (!hashEvent() && !(config.initial && config.initial.event)) fitAll();
    markerLayer.addTo(map);
  }

  function filter(w) {
    activeEntries = w ? markerEntries.filter((en) => {
      const ev = en.ev;
      if (ev.s === undefined) return true;  // undated events stay on the map
      const end = ev.e !== undefined ? ev.e : ev.pe;
      return end >= w[0] && ev.s <= w[1];
    }) : markerEntries;
    if (clustered) {
      drawClusters();
    } else {
      markerLayer.clearLayers();
      activeEntries.forEach((en) => markerLayer.addLayer(markerFor(en)));
    }
  }

  function loadBasemap() {
    // inline in a single-file export, a script loaded before this one on a page, or
    // (for a host that serves only the JSON) fetched
    const inline = ctx.$("ca-basemap"), loaded = window.chronoatlasBasemap;
    const got = inline ? Promise.resolve(JSON.parse(inline.textContent))
      : loaded ? Promise.resolve(loaded)
      : !config.basemapUrl ? Promise.reject(new Error("no basemap on this page"))
      : fetch(config.basemapUrl, { credentials: "same-origin" }).then((r) => {
          if (!r.ok) throw new Error("basemap: HTTP " + r.status);
          return r.json();
        });
    return got.then((b) => {
      const land = window[names.land], borders = window[names.borders];
      land.addData(b.land);
      borders.addData(b.borders);
      const mapTheme = MAP_THEMES[theme()];
      if (mapTheme) {
        land.setStyle(mapTheme.land);
        borders.setStyle(mapTheme.borders);
      }
      // drawn after the story's areas arrived: put the basemap back underneath them
      borders.bringToBack();
      land.bringToBack();
      // The physical basemap: the same land, without modern borders and names (a story
      // before 1800 opens on it: no "Turkey" over Marathon).
      // Built when first shown (most stories open on the political map): its polygons
      // cost a few milliseconds of the page's opening to convert.
      let physicalLand = null, rivers = null;
      const buildPhysical = () => {
        if (physicalLand) return;
        physicalLand = L.geoJSON(b.land, { interactive: false,
          style: Object.assign({ fillColor: "#e8e4d8", fillOpacity: 1, color: "#b9c7cf", weight: 0.8 },
                               mapTheme ? mapTheme.land : {}) });
        physical.addLayer(physicalLand);
        if (b.rivers && b.rivers.features.length) {
          physical.addLayer(rivers = L.geoJSON(b.rivers, { interactive: false,
            style: { color: theme() === "contrast" ? "#00b4ff" : theme() === "dark" ? "#4f7a99" : "#7fa8c9",
                     weight: 1.2, opacity: 0.9, fill: false } }));
        }
      };
      // a base layer chosen in the control is drawn last: put it back under the story's
      // areas (rivers over land, both under the areas)
      const sink = () => {
        if (map.hasLayer(physical)) buildPhysical();
        [rivers, physicalLand, borders, land].forEach((l) => { if (l && map.hasLayer(l)) l.bringToBack(); });
      };
      map.on("baselayerchange", sink);
      sink();
      // Country names from zoom 3, and only those in (or near) the view: a map move then
      // places a few dozen labels, not all 177.
      labelsLayer = L.layerGroup().addTo(window[names.basemap] || map);
      const labels = b.labels.map((l) => ({ l, marker: null }));
      const showLabels = () => {
        const bounds = map.getZoom() >= 3 ? map.getBounds().pad(0.25) : null;
        labels.forEach((entry) => {
          const inView = bounds !== null && bounds.contains([entry.l.lat, entry.l.lon]);
          if (inView && !entry.marker) {
            const el = document.createElement("span");
            el.textContent = entry.l.name;
            entry.marker = L.marker([entry.l.lat, entry.l.lon], {
              icon: L.divIcon({ className: "ca-country-label", html: el, iconSize: null }),
              interactive: false, keyboard: false,
            });
          }
          if (entry.marker && inView !== labelsLayer.hasLayer(entry.marker)) {
            if (inView) labelsLayer.addLayer(entry.marker); else labelsLayer.removeLayer(entry.marker);
          }
        });
      };
      map.on("moveend", showLabels);
      showLabels();
      if (map.attributionControl) map.attributionControl.addAttribution(b.attribution || "Natural Earth");
      mark("basemap");
    }).catch((err) => {
      console.warn("chronoatlas: offline basemap not loaded", err);
    });
  }

  function buildLayers() {
    // The offline map (land, borders, country names) is a base layer like the opt-in tile
    // layers: choosing tiles takes it away (its land is opaque and would hide them), and
    // tiles that fail bring it back.
    const political = window[names.basemap] || L.layerGroup();
    const bases = { "Offline map (Natural Earth)": political, "Physical map (no modern borders)": physical };
    const offline = names.basemapStyle === "physical" ? physical : political;
    [political, physical].forEach((layer) => { if (layer !== offline && map.hasLayer(layer)) map.removeLayer(layer); });
    if (!map.hasLayer(offline)) offline.addTo(map);
    Object.keys(names.tiles || {}).forEach((name) => {
      const layer = window[names.tiles[name]];
      let failures = 0;
      layer.on("tileerror", () => {
        failures += 1;
        if (failures === 4 && map.hasLayer(layer)) {
          map.removeLayer(layer);
          offline.addTo(map);
          ctx.announce("Map tiles could not load; showing the offline map.");
        }
      });
      layer.on("add", () => { failures = 0; });
      bases[name] = layer;
    });
    const overlays = { "Events": markerLayer };
    const areas = window[names.areas];
    if (areas && areas.getLayers().length) {
      overlays["Areas and rivers"] = areas;
      areas.eachLayer((layer) => {
        const ids = layer.feature && layer.feature.properties && layer.feature.properties.events;
        if (ids && ids.length) layer.on("click", () => ctx.actions.select(ids[0], { source: "map" }));
      });
    }
    const line = (ctx.slides ? ctx.all : ctx.events).map((ev) => { const p = located(ev)[0]; return p ? [p[0], p[1]] : null; })
      .filter(Boolean);
    if (line.length > 1 && line.length <= 20000) {
      routeLayer = L.polyline(line, { color: "#555", weight: 1.5, dashArray: "4 4", interactive: false });
      overlays[ctx.slides ? "Route in slide order" : "Route in time order"] = routeLayer;
      if (config.route) routeLayer.addTo(map);
    }
    selectionLayer = L.layerGroup().addTo(map);
    L.control.layers(bases, overlays, { collapsed: true }).addTo(map);
  }

  function fitAll(animate = false) {
    // every located place, in one pass of plain numbers (a LatLngBounds of 100,000
    // points was slow; a sample of them could leave the extremes out of view)
    let s = 90, n = -90, w = 180, e = -180, count = 0, first = null;
    all.forEach((ev) => {
      located(ev).forEach((p) => {
        first = first || p;
        count += 1;
        if (p[0] < s) s = p[0];
        if (p[0] > n) n = p[0];
        if (p[1] < w) w = p[1];
        if (p[1] > e) e = p[1];
      });
    });
    if (count === 1) map.setView([first[0], first[1]], 5, { animate });
    else if (count && animate) map.flyToBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 6, duration: 1.2 });
    else if (count) map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 6, animate: false });
  }

  // A slide flies to its places: the author's zoom for the first place, else one that
  // shows them all (at most 10); without motion it jumps there.
  function flyTo(pts) {
    const given = pts[0][4];
    let centre = [pts[0][0], pts[0][1]], zoom = typeof given === "number" ? given : 6;
    if (pts.length > 1 && typeof given !== "number") {
      const bounds = L.latLngBounds(pts.map((p) => [p[0], p[1]]));
      centre = bounds.getCenter();
      zoom = Math.min(10, map.getBoundsZoom(bounds, false, L.point(60, 60)));
    }
    zoom = Math.max(map.getMinZoom() || 0, Math.min(zoom, map.getMaxZoom() || 18));
    // the opening slide is a jump, as is every slide without motion
    if (ctx.reduceMotion || !flown) map.setView(centre, zoom, { animate: false });
    else map.flyTo(centre, zoom, { duration: 1.2 });
    flown = true;
  }

  function show(ev) {
    if (!selectionLayer) return;
    selectionLayer.clearLayers();
    const pts = located(ev);
    pts.forEach((p) => {
      // a ring drawn by CSS (a vector circle would start the canvas renderer just for it)
      selectionIcon = selectionIcon || L.divIcon({ className: "ca-marker-selected", iconSize: [30, 30] });
      L.marker([p[0], p[1]], { icon: selectionIcon, interactive: false, keyboard: false,
                               zIndexOffset: 1000 }).addTo(selectionLayer);
    });
    if (ctx.slides) {
      if (pts.length) flyTo(pts);
      else { fitAll(flown && !ctx.reduceMotion); flown = true; }  // an overview slide
      return;
    }
    if (!pts.length) return;
    // Centre on the first place (the author's main one); zoom out far enough to show the
    // others around it.
    const c = [pts[0][0], pts[0][1]];
    let zoom = Math.max(map.getZoom(), 5);
    if (pts.length > 1) {
      const bounds = L.latLngBounds([c]);
      pts.forEach((p) => {
        bounds.extend([p[0], p[1]]);
        bounds.extend([2 * c[0] - p[0], 2 * c[1] - p[1]]);
      });
      zoom = Math.min(7, map.getBoundsZoom(bounds, false, L.point(40, 40)));
    }
    map.setView(c, zoom, { animate: false });
  }

  buildMarkers();
  buildLayers();
  // drawn means with its land: the basemap is part of the map's readiness
  const ready = loadBasemap().then(() => { mark("map"); });
  return { map, ready, show, filter };
}
