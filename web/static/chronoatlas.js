/* chronoatlas glue: links the folium/Leaflet map, the Vega-Lite timeline, the panel and the
 * event list, and exposes window.chronoatlas (and, inside an iframe, the same by postMessage).
 *
 * Story text is untrusted: it reaches the page only through textContent, attributes set
 * with setAttribute, or (event text) HTML already sanitised on the server by nh3.
 */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var data = JSON.parse($("ca-data").textContent);
  var config = JSON.parse($("ca-config").textContent);
  var options = config.options || {};
  if (config.queryOptions) readQueryOptions();
  var events = data.events;            // dated, in the story's total order
  var undated = data.undated;          // kept apart, never dropped
  var all = events.concat(undated);
  var byId = new Map();
  all.forEach(function (e) { byId.set(e.id, e); });
  var groups = data.groups;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var inFrame = window.parent !== window;

  var state = { current: null, window: null, playing: null };
  var handlers = { select: [], window: [], ready: [], resize: [] };
  var view = null;
  var map = window[config.names.map];

  // ---------------------------------------------------------------- events ----------
  // Milestones for benchmarks and debugging: performance.getEntriesByType("mark").
  function mark(name) { if (window.performance && performance.mark) performance.mark("chronoatlas:" + name); }
  mark("start");

  function on(name, fn) {
    if (!handlers[name]) throw new Error("chronoatlas.on: unknown event " + name + " (use select or window)");
    handlers[name].push(fn);
    return function off() {
      var i = handlers[name].indexOf(fn);
      if (i >= 0) handlers[name].splice(i, 1);
    };
  }
  function emit(name, detail) {
    handlers[name].forEach(function (fn) {
      try { fn(detail); } catch (err) { console.warn("chronoatlas listener failed", err); }
    });
    if (inFrame) {
      var message = { chronoatlas: name, slug: config.slug };
      Object.keys(detail || {}).forEach(function (k) { message[k] = detail[k]; });
      window.parent.postMessage(message, "*");
    }
  }
  function announce(text) {
    var live = $("ca-live");
    live.textContent = "";
    // a new text node so screen readers announce repeats too
    window.setTimeout(function () { live.textContent = text; }, 30);
  }
  // ---------------------------------------------------------------- themes ----------
  // The page's theme is a class on <body> (set by the server, or by readQueryOptions on a
  // static embed page); CSS variables carry its colours, and the canvas-drawn parts
  // (basemap, timeline) are recoloured from them here.
  function theme() {
    var m = /(?:^|\s)theme-(dark|contrast)(?:\s|$)/.exec(document.body.className);
    return m ? m[1] : "light";
  }
  function cssVar(name) { return getComputedStyle(document.body).getPropertyValue(name).trim(); }
  var MAP_THEMES = {
    dark: { land: { fillColor: "#2e3236", color: "#4d535a" }, borders: { color: "#737a82" } },
    contrast: { land: { fillColor: "#000000", color: "#ffffff", weight: 1 },
                borders: { color: "#ffffff", weight: 1 } }
  };
  function themeTimeline(spec) {
    if (theme() === "light") return;
    var fg = cssVar("--fg"), line = cssVar("--line"), panel = cssVar("--panel");
    var swap = { "#444": fg, "#333": fg, "#111": cssVar("--focus"), "white": panel,
                 "#b00020": cssVar("--flag"), "#7a8a99": cssVar("--muted"), "#000000": cssVar("--g7") };
    (function walk(node) {
      if (!node || typeof node !== "object") return;
      Object.keys(node).forEach(function (k) {
        var v = node[k];
        if (typeof v === "string" && (k === "value" || Array.isArray(node)) && swap[v.toLowerCase()]) {
          node[k] = swap[v.toLowerCase()];
        } else {
          walk(v);
        }
      });
    })([spec.marks, spec.scales]);
    var guide = { labelColor: fg, titleColor: fg, domainColor: line, tickColor: line, gridColor: line };
    spec.background = panel;  // Vega-Lite's compiled default is white
    spec.config = spec.config || {};
    spec.config.axis = Object.assign({}, spec.config.axis, guide);
    spec.config.text = Object.assign({}, spec.config.text, { fill: fg });
  }

  function readQueryOptions() {
    // A static embed page has no server to read its query: the same options, read here.
    var q = new URLSearchParams(location.search);
    var off = function (v) { return v !== null && /^(0|false|no|off|hide)$/i.test(v); };
    var hidden = (q.get("hide") || "").split(",").map(function (h) { return h.trim(); });
    var t = q.get("theme");
    if (t === "light" || t === "dark" || t === "contrast") {
      document.body.classList.remove("theme-light", "theme-dark", "theme-contrast");
      document.body.classList.add("theme-" + t);
      options.theme = t;
    }
    if (hidden.indexOf("panel") >= 0 || off(q.get("panel"))) document.body.classList.add("ca-no-panel");
    if (hidden.indexOf("list") >= 0 || off(q.get("list"))) document.body.classList.add("ca-no-list");
    if (hidden.indexOf("timeline") >= 0) document.body.classList.add("ca-no-timeline");
    var h = parseInt(q.get("height"), 10);
    if (isFinite(h)) options.height = Math.max(200, Math.min(h, 4000));
    var init = config.initial = config.initial || {};
    if (q.get("event")) init.event = q.get("event").slice(0, 200);
    [["date", false], ["from", false], ["to", true]].forEach(function (kv) {
      var v = q.get(kv[0]);
      var pos = v === null ? null : (kv[1] ? endOf(v) : toNumber(v));
      if (pos !== null) init[kv[0]] = pos;
    });
  }
  function endOf(v) {
    // "1945" ends with 1945, "1945-05" with May: the end of the period the text names
    var s = String(v).trim(), start = toNumber(s);
    if (start === null) return null;
    if (/^[+-]?\d+$/.test(s)) return start + 1 - 1e-6;
    if (/^[+-]?\d+-\d{2}$/.test(s)) {
      var parts = s.split("-"), month = parseInt(parts[parts.length - 1], 10);
      var next = month === 12 ? String(parseInt(s, 10) + 1) : s.slice(0, s.length - 2) + String(month + 1).padStart(2, "0");
      return toNumber(next) - 1e-6;
    }
    return start + 1 / 365.25 - 1e-6;
  }

  function groupClass(ev) { return "ca-g" + (ev.g % 8); }
  function located(ev) { return ev.p.filter(function (p) { return p[0] !== null && p[1] !== null; }); }
  var STATUS = ["resolved", "pinned", "ambiguous", "unresolved"];

  // ---------------------------------------------------------------- map -------------
  var markerLayer, markerEntries = [], selectionLayer, routeLayer, labelsLayer, clustered = false;
  var mapReady;

  function makeIcon(cls, flagged) {
    return L.divIcon({ className: "ca-marker " + cls + (flagged ? " ca-marker-flagged" : ""),
                       iconSize: [14, 14], iconAnchor: [7, 7], popupAnchor: [0, -8] });
  }

  function popupFor(ev) {
    return function () {
      var box = document.createElement("div");
      box.className = "ca-popup";
      var h = document.createElement("h3");
      h.textContent = ev.t;
      var p = document.createElement("p");
      p.textContent = ev.d;
      box.appendChild(h);
      box.appendChild(p);
      return box;
    };
  }

  // Markers are made only when drawn. Above CLUSTER_ABOVE located places they are
  // clustered on a pixel grid for the view in sight (redrawn on every move; about
  // MAX_MARKERS markers at most), which stays fast at 100,000 places where building a
  // cluster tree up front (leaflet.markercluster) took seconds.
  var CLUSTER_ABOVE = 150, CELL = 64, MAX_MARKERS = 80, UNCLUSTER_ZOOM = 16;
  var activeEntries = [];

  function markerFor(entry) {
    if (entry.marker) return entry.marker;
    var ev = entry.ev, flagged = entry.p[2] >= 2;
    var key = ev.g % 8 + (flagged ? "f" : "");
    var icon = markerIcons[key] || (markerIcons[key] = makeIcon(groupClass(ev), flagged));
    var marker = L.marker([entry.p[0], entry.p[1]], { icon: icon, keyboard: true, title: ev.t + " (" + ev.d + ")",
                                                     riseOnHover: true });
    marker.caEvent = ev;
    entry.marker = marker;
    return marker;
  }
  var markerIcons = {};

  function clusterIcon(n) {
    var size = n < 10 ? "small" : n < 100 ? "medium" : "large";
    var inner = document.createElement("div");
    var label = document.createElement("span");
    label.textContent = String(n);
    inner.appendChild(label);
    return L.divIcon({ className: "marker-cluster marker-cluster-" + size, html: inner, iconSize: L.point(40, 40) });
  }

  // Grid cells of `cell` pixels over the view in sight (plus a margin), each with its
  // count, mean position and bounds; below UNCLUSTER_ZOOM places are grouped by cell.
  function gridCells(z, cell) {
    var scale = 256 * Math.pow(2, z);
    var pb = map.getPixelBounds(), pad = cell;
    var x0 = pb.min.x - pad, x1 = pb.max.x + pad, y0 = pb.min.y - pad, y1 = pb.max.y + pad;
    var wrapAll = x1 - x0 >= scale;
    var cells = new Map(), order = [];
    for (var i = 0; i < activeEntries.length; i++) {
      var en = activeEntries[i];
      var px = en.x * scale, py = en.y * scale;
      if (py < y0 || py > y1) continue;
      if (!wrapAll) {
        // the view may show the world's next copy (worldCopyJump): shift into it
        var k = Math.round(((x0 + x1) / 2 - px) / scale);
        px += k * scale;
        if (px < x0 || px > x1) continue;
      }
      var key = z >= UNCLUSTER_ZOOM ? i : Math.floor(px / cell) * 4194304 + Math.floor(py / cell);
      var c = cells.get(key);
      if (!c) { c = { n: 0, first: en, lat: 0, lon: 0, s: 0, w: 90, nn: -90, e: -1e9, shift: px - en.x * scale }; cells.set(key, c); order.push(c); }
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
    var z = map.getZoom(), scale = 256 * Math.pow(2, z);
    // Wider cells while the view would hold more than MAX_MARKERS markers: each one is an
    // element to create and lay out, and past a few dozen they crowd anyway.
    var cell = CELL, order = gridCells(z, cell);
    while (order.length > MAX_MARKERS && z < UNCLUSTER_ZOOM && cell < 512) {
      cell *= 1.5;
      order = gridCells(z, cell);
    }
    // Only what changed is taken off or put on the map: a move that keeps most cells
    // keeps their markers (and a keyboard user's focus on one).
    var keep = new Set();
    if (clusterCache.size > 20000) clusterCache.clear();
    order.forEach(function (c) {
      var lonShift = Math.round(c.shift / scale) * 360;
      if (c.n === 1) {
        var m = markerFor(c.first);
        var ll = [c.first.p[0], c.first.p[1] + lonShift];
        if (m.getLatLng().lng !== ll[1]) m.setLatLng(ll);
        keep.add(m);
        return;
      }
      var lat = c.lat / c.n, lon = c.lon / c.n + lonShift;
      var key = z + ":" + c.n + ":" + lat.toFixed(6) + ":" + lon.toFixed(6);
      var cm = clusterCache.get(key);
      if (!cm) {
        cm = L.marker([lat, lon], { icon: clusterIcon(c.n), keyboard: true, title: c.n + " events here: zoom in" });
        cm.caCluster = L.latLngBounds([c.s, c.w + lonShift], [c.nn, c.e + lonShift]);
        clusterCache.set(key, cm);
      }
      keep.add(cm);
    });
    var gone = [];
    markerLayer.eachLayer(function (layer) { if (!keep.has(layer)) gone.push(layer); });
    gone.forEach(function (layer) { markerLayer.removeLayer(layer); });
    keep.forEach(function (layer) { if (!markerLayer.hasLayer(layer)) markerLayer.addLayer(layer); });
  }
  var clusterCache = new Map();

  function zoomInto(cluster) {
    var b = cluster.caCluster, z = map.getZoom();
    var target = Math.min(map.getMaxZoom(), Math.max(z + 2, map.getBoundsZoom(b, false, L.point(40, 40))));
    if (b.getNorth() - b.getSouth() < 1e-9 && b.getEast() - b.getWest() < 1e-9) target = Math.max(target, UNCLUSTER_ZOOM);
    map.setView(b.getCenter(), target, { animate: !reduceMotion });
  }

  function buildMarkers() {
    if (!map.options.maxZoom) map.setMaxZoom(18);
    all.forEach(function (ev) {
      located(ev).forEach(function (p) {
        var lat = Math.max(-85.0511, Math.min(85.0511, p[0])), r = lat * Math.PI / 180;
        markerEntries.push({ ev: ev, p: p, marker: null, x: (p[1] + 180) / 360,
                             y: (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 });
      });
    });
    activeEntries = markerEntries;
    clustered = markerEntries.length > CLUSTER_ABOVE;
    markerLayer = L.featureGroup();
    // One handler and one popup for all markers (100,000 closures would cost seconds).
    var popup = L.popup({ autoPan: false });
    var pick = function (marker) {
      if (marker.caCluster) { zoomInto(marker); return; }
      popup.setLatLng(marker.getLatLng()).setContent(popupFor(marker.caEvent)()).openOn(map);
      select(marker.caEvent.id, { source: "map" });
    };
    markerLayer.on("click", function (e) { if (e.layer && (e.layer.caEvent || e.layer.caCluster)) pick(e.layer); });
    markerLayer.on("keypress", function (e) {  // Leaflet 1.9 no longer maps Enter to click
      var key = e.originalEvent && e.originalEvent.key;
      if ((key === "Enter" || key === " ") && e.layer && (e.layer.caEvent || e.layer.caCluster)) pick(e.layer);
    });
    if (clustered) {
      map.on("moveend", drawClusters);
      markerLayer.on("add", drawClusters);
    } else {
      markerEntries.forEach(function (en) { markerLayer.addLayer(markerFor(en)); });
    }
    // the opening view first, so the markers are placed (and clustered) once
    if (!hashEvent() && !(config.initial && config.initial.event)) fitAll();
    markerLayer.addTo(map);
    return Promise.resolve();
  }

  function filterMarkers() {
    var w = state.window;
    activeEntries = w ? markerEntries.filter(function (en) {
      var ev = en.ev;
      if (ev.s === undefined) return true;  // undated events stay on the map
      var end = ev.e !== undefined ? ev.e : ev.pe;
      return end >= w[0] && ev.s <= w[1];
    }) : markerEntries;
    if (clustered) {
      drawClusters();
    } else {
      markerLayer.clearLayers();
      activeEntries.forEach(function (en) { markerLayer.addLayer(markerFor(en)); });
    }
  }

  function loadBasemap() {
    // inline in a single-file export, a script loaded before this one on a page, or
    // (for a host that serves only the JSON) fetched
    var inline = $("ca-basemap"), loaded = window.chronoatlasBasemap;
    var got = inline ? Promise.resolve(JSON.parse(inline.textContent))
      : loaded ? Promise.resolve(loaded)
      : !config.basemapUrl ? Promise.reject(new Error("no basemap on this page"))
      : fetch(config.basemapUrl, { credentials: "same-origin" }).then(function (r) {
          if (!r.ok) throw new Error("basemap: HTTP " + r.status);
          return r.json();
        });
    return got.then(function (b) {
      window[config.names.land].addData(b.land);
      window[config.names.borders].addData(b.borders);
      var mapTheme = MAP_THEMES[theme()];
      if (mapTheme) {
        window[config.names.land].setStyle(mapTheme.land);
        window[config.names.borders].setStyle(mapTheme.borders);
      }
      // drawn after the story's areas arrived: put the basemap back underneath them
      window[config.names.borders].bringToBack();
      window[config.names.land].bringToBack();
      // Country names from zoom 3, and only those in (or near) the view: a map move then
      // places a few dozen labels, not all 177.
      labelsLayer = L.layerGroup().addTo(window[config.names.basemap] || map);
      var labels = b.labels.map(function (l) { return { l: l, marker: null }; });
      var showLabels = function () {
        var bounds = map.getZoom() >= 3 ? map.getBounds().pad(0.25) : null;
        labels.forEach(function (entry) {
          var inView = bounds !== null && bounds.contains([entry.l.lat, entry.l.lon]);
          if (inView && !entry.marker) {
            var el = document.createElement("span");
            el.textContent = entry.l.name;
            entry.marker = L.marker([entry.l.lat, entry.l.lon], {
              icon: L.divIcon({ className: "ca-country-label", html: el, iconSize: null }),
              interactive: false, keyboard: false
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
    }).catch(function (err) {
      console.warn("chronoatlas: offline basemap not loaded", err);
    });
  }

  function buildLayers() {
    // The offline map (land, borders, country names) is a base layer like the opt-in tile
    // layers: choosing tiles takes it away (its land is opaque and would hide them), and
    // tiles that fail bring it back.
    var offline = window[config.names.basemap] || L.layerGroup();
    var bases = { "Offline map (Natural Earth)": offline };
    if (!map.hasLayer(offline)) offline.addTo(map);
    Object.keys(config.names.tiles || {}).forEach(function (name) {
      var layer = window[config.names.tiles[name]];
      var failures = 0;
      layer.on("tileerror", function () {
        failures += 1;
        if (failures === 4 && map.hasLayer(layer)) {
          map.removeLayer(layer);
          offline.addTo(map);
          announce("Map tiles could not load; showing the offline map.");
        }
      });
      layer.on("add", function () { failures = 0; });
      bases[name] = layer;
    });
    var overlays = { "Events": markerLayer };
    var areas = window[config.names.areas];
    if (areas && areas.getLayers().length) {
      overlays["Areas and rivers"] = areas;
      areas.eachLayer(function (layer) {
        var ids = layer.feature && layer.feature.properties && layer.feature.properties.events;
        if (ids && ids.length) layer.on("click", function () { select(ids[0], { source: "map" }); });
      });
    }
    var line = events.map(function (ev) { var p = located(ev)[0]; return p ? [p[0], p[1]] : null; })
      .filter(Boolean);
    if (line.length > 1 && line.length <= 20000) {
      routeLayer = L.polyline(line, { color: "#555", weight: 1.5, dashArray: "4 4", interactive: false });
      overlays["Route in time order"] = routeLayer;
      if (config.route) routeLayer.addTo(map);
    }
    selectionLayer = L.layerGroup().addTo(map);
    L.control.layers(bases, overlays, { collapsed: true }).addTo(map);
  }

  function fitAll() {
    // every located place, in one pass of plain numbers (a LatLngBounds of 100,000
    // points was slow; a sample of them could leave the extremes out of view)
    var s = 90, n = -90, w = 180, e = -180, count = 0, first = null;
    all.forEach(function (ev) {
      located(ev).forEach(function (p) {
        first = first || p;
        count += 1;
        if (p[0] < s) s = p[0];
        if (p[0] > n) n = p[0];
        if (p[1] < w) w = p[1];
        if (p[1] > e) e = p[1];
      });
    });
    if (count === 1) map.setView([first[0], first[1]], 5, { animate: false });
    else if (count) map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 6, animate: false });
  }

  var selectionIcon = null;
  function showOnMap(ev) {
    selectionLayer.clearLayers();
    var pts = located(ev);
    pts.forEach(function (p) {
      // a ring drawn by CSS (a vector circle would start the canvas renderer just for it)
      selectionIcon = selectionIcon || L.divIcon({ className: "ca-marker-selected", iconSize: [30, 30] });
      L.marker([p[0], p[1]], { icon: selectionIcon, interactive: false, keyboard: false,
                               zIndexOffset: 1000 }).addTo(selectionLayer);
    });
    if (!pts.length) return;
    // Centre on the first place (the author's main one); zoom out far enough to show the
    // others around it.
    var c = [pts[0][0], pts[0][1]];
    var zoom = Math.max(map.getZoom(), 5);
    if (pts.length > 1) {
      var bounds = L.latLngBounds([c]);
      pts.forEach(function (p) {
        bounds.extend([p[0], p[1]]);
        bounds.extend([2 * c[0] - p[0], 2 * c[1] - p[1]]);
      });
      zoom = Math.min(7, map.getBoundsZoom(bounds, false, L.point(40, 40)));
    }
    map.setView(c, zoom, { animate: false });
  }

  // ---------------------------------------------------------------- timeline --------
  var timelineReady;
  var specData = new Set(((config.spec && config.spec.data) || []).map(function (d) { return d.name; }));
  var fullExtent = config.extent || {};
  var tip;

  function timelineWidth() {
    var el = $("ca-timeline");
    return Math.max(240, (el.clientWidth || 800) - 110);
  }

  // Rows per layer for the window [lo, hi] drawn `width` pixels wide. Above THIN_ABOVE
  // rows in the window, marks that would land within a few pixels of each other in the
  // same lane are drawn once (the view cannot show them apart; zooming in brings them
  // back): the canvas renderer redraws every item on any change, the selection's ring
  // included.
  var THIN_ABOVE = 3000, HIST_BINS = 120;
  function thin(rows, lo, hi, width, withEnd, px) {
    var k = width / (hi - lo) / px, seen = new Map(), out = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var key = r.g + ":" + Math.round((r.s - lo) * k) + (withEnd ? ":" + Math.round((r.e - lo) * k) : "");
      var at = seen.get(key);
      if (at === undefined) { seen.set(key, out.length); out.push(r); } else out[at] = r;  // the last is on top
    }
    return out;
  }
  function timelineData(lo, hi, width) {
    var pts = [], ranges = [], fuzzy = [], flagged = [];
    var margin = (hi - lo) * 0.02, a = lo - margin, b = hi + margin;
    for (var i = 0; i < events.length; i++) {
      var ev = events[i];
      var end = ev.e !== undefined ? ev.e : ev.pe;
      if (end < a || ev.s > b) continue;
      pts.push(ev);
      if (ev.e !== undefined) ranges.push(ev);
      if (ev.a === 1) fuzzy.push(ev);
      if (ev.f === 1) flagged.push(ev);
    }
    // a point is 10 pixels wide: one per 3 pixels of a lane looks the same, and is a third
    // of the marks to draw at each change
    var many = pts.length > THIN_ABOVE;
    return { events: many ? thin(pts, lo, hi, width, false, 3) : pts,
             ranges: many ? thin(ranges, lo, hi, width, true, 2) : ranges,
             fuzzy: many ? thin(fuzzy, lo, hi, width, false, 4) : fuzzy,  // a 26-pixel halo
             flagged: many ? thin(flagged, lo, hi, width, false, 3) : flagged,
             cur: state.current && byId.has(state.current) && byId.get(state.current).s !== undefined
               ? [byId.get(state.current)] : [] };
  }
  function histogram() {
    var lo = fullExtent.wmin, hi = fullExtent.wmax, step = (hi - lo) / HIST_BINS;
    var counts = new Array(HIST_BINS).fill(0);
    events.forEach(function (ev) {
      var j = Math.floor((ev.s - lo) / step);
      if (j >= 0 && j < HIST_BINS) counts[j] += 1;
    });
    var out = [];
    counts.forEach(function (n, j) { if (n) out.push({ b0: lo + j * step, b1: lo + (j + 1) * step, n: n }); });
    return out;
  }
  var drawnWindow = null;
  function refreshTimelineData(lo, hi) {
    // re-split (and re-thin) the rows for a new window or width
    if (!view) return;
    var width = view.width();
    var key = lo + ":" + hi + ":" + width;
    if (drawnWindow === key) return;
    drawnWindow = key;
    var sets = timelineData(lo, hi, width);
    ["events", "ranges", "fuzzy", "flagged"].forEach(function (name) {
      if (specData.has(name)) view.data(name, sets[name]);  // a story without ranges has no such layer
    });
  }

  function watchTimelineSize() {
    // the timeline follows its container's width (debounced: a drag fires many)
    if (typeof ResizeObserver !== "function") return;
    var pending = null, el = $("ca-timeline");
    new ResizeObserver(function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(function () {
        if (!view || el.hidden) return;
        var w = timelineWidth();
        if (Math.abs(w - view.width()) < 2) return;
        view.width(w);
        refreshTimelineData(view.signal("wmin"), view.signal("wmax"));
        view.runAsync().then(function () {
          handlers.resize.forEach(function (fn) { try { fn({ width: w }); } catch (err) { console.warn(err); } });
        });
      }, 150);
    }).observe(el);
  }

  function buildTimeline() {
    var el = $("ca-timeline");
    if (!events.length || typeof vega === "undefined" || typeof vegaInterpreter === "undefined") {
      el.hidden = true;
      return Promise.resolve(null);
    }
    // A Vega spec compiled on the server from the altair/Vega-Lite chart: only the rows
    // are added here (split per layer, thinned, binned: see timelineData), and the view
    // width set to the space available.
    var spec = config.spec;
    var width = openingWidth;
    var lo = fullExtent.wmin, hi = fullExtent.wmax;
    var sets = timelineData(lo, hi, width);
    spec.data.forEach(function (d) {
      if (sets[d.name]) d.values = sets[d.name];
      else if (d.name === "eras") d.values = data.eras;
      else if (d.name === "hist") d.values = histogram();
    });
    spec.width = width;  // the concat children share the top-level width
    themeTimeline(spec);
    // Vega directly (the spec is compiled Vega already: vega-embed would only add a
    // script to load and run): expressions parsed to ASTs and run by vega-interpreter,
    // so the CSP needs no unsafe-eval.
    return Promise.resolve().then(function () {
      var runtime = vega.parse(spec, null, { ast: true });
      var v = new vega.View(runtime, { expr: vegaInterpreter.expressionInterpreter, renderer: "canvas",
                                      container: el, hover: true, logLevel: vega.Warn });
      return v.runAsync();
    }).then(function (v) {
      view = v;
      drawnWindow = lo + ":" + hi + ":" + width;
      watchTimelineSize();
      tip = document.createElement("div");
      tip.className = "ca-tooltip";
      tip.hidden = true;
      tip.setAttribute("role", "presentation");
      document.body.appendChild(tip);
      view.addEventListener("click", function (evt, item) {
        var d = item && item.datum;
        if (d && typeof d.id === "string" && byId.has(d.id)) select(d.id, { source: "timeline" });
      });
      view.addEventListener("mousemove", function (evt, item) {
        var d = item && item.datum;
        if (d && typeof d.id === "string" && byId.has(d.id)) {
          tip.textContent = d.t + " · " + d.d;
          tip.hidden = false;
          tip.style.left = (evt.clientX + 12) + "px";
          tip.style.top = (evt.clientY + 12) + "px";
        } else if (d && d.t && d.d && d.id === undefined) {
          tip.textContent = d.t + " · " + d.d;  // an era band
          tip.hidden = false;
          tip.style.left = (evt.clientX + 12) + "px";
          tip.style.top = (evt.clientY + 12) + "px";
        } else {
          tip.hidden = true;
        }
      });
      view.addEventListener("mouseout", function () { tip.hidden = true; });
      var pending = null;
      view.addSignalListener("brush", function (name, value) {
        // never run the view inside its own listener: defer, and debounce the drag
        window.clearTimeout(pending);
        pending = window.setTimeout(function () {
          var range = null;
          Object.keys(value || {}).forEach(function (k) {
            if (Array.isArray(value[k]) && value[k].length === 2) range = value[k];
          });
          if (range) setWindow(Math.min(range[0], range[1]), Math.max(range[0], range[1]), { source: "brush" });
          else setWindow(null, null, { source: "brush" });
        }, 120);
      });
      return view;
    }).catch(function (err) {
      console.warn("chronoatlas: timeline not drawn", err);
      el.textContent = "The timeline could not be drawn; the event list below has every event.";
      return null;
    });
  }

  // ---------------------------------------------------------------- panel + list ----
  function placeLine(p) {
    var li = document.createElement("li");
    var status = STATUS[p[2]] || "unresolved";
    li.className = "ca-status-" + status;
    li.textContent = p[3] + (status === "resolved" || status === "pinned" ? "" :
      status === "ambiguous" ? " (ambiguous place)" : " (place not found)");
    return li;
  }

  function fillDetail(ev, detail) {
    if (state.current !== ev.id) return;
    var text = $("ca-panel-text");
    // server-side sanitised (markdown-it-py + nh3): the one place HTML is written.
    text.innerHTML = detail.html || "";
    var placesEl = $("ca-panel-places");
    if (detail.places && detail.places.length) {
      placesEl.textContent = "";
      detail.places.forEach(function (p) {
        var li = document.createElement("li");
        li.className = "ca-status-" + p.status;
        var label = p.name;
        if (p.resolved_name && p.resolved_name !== p.name) label += " → " + p.resolved_name;
        if (p.country) label += ", " + p.country;
        if (p.status === "ambiguous" || p.status === "unresolved") {
          label += p.status === "ambiguous" ? " (ambiguous" : " (not found";
          if (p.candidates && p.candidates.length) {
            label += "; candidates: " + p.candidates.slice(0, 5).map(function (c) {
              return c.name + (c.country ? " (" + c.country + ")" : "");
            }).join(", ");
          }
          label += ")";
        }
        li.textContent = label;
        placesEl.appendChild(li);
      });
    }
    var sources = $("ca-panel-sources");
    sources.textContent = "";
    (detail.sources || []).forEach(function (s) {
      var li = document.createElement("li");
      if (s.url) {
        var a = document.createElement("a");
        a.href = s.url;
        a.rel = "noopener noreferrer nofollow";
        a.textContent = s.title || s.url;
        li.appendChild(a);
      } else {
        li.textContent = s.title;
      }
      sources.appendChild(li);
    });
    if (detail.media && detail.media.url) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = detail.media.url;
      a.rel = "noopener noreferrer nofollow";
      a.textContent = "Media: " + (detail.media.caption || detail.media.url);
      li.appendChild(a);
      sources.appendChild(li);
    }
  }

  function showPanel(ev) {
    $("ca-panel-title").textContent = ev.t;
    $("ca-panel-date").textContent = ev.d;
    var placesEl = $("ca-panel-places");
    placesEl.textContent = "";
    ev.p.forEach(function (p) { placesEl.appendChild(placeLine(p)); });
    $("ca-panel-text").textContent = "";
    $("ca-panel-sources").textContent = "";
    if (ev.x) {
      fillDetail(ev, ev.x);
    } else {
      fetch(config.detailUrl.replace("__ID__", encodeURIComponent(ev.id)), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (detail) { if (detail) { ev.x = detail; fillDetail(ev, detail); } })
        .catch(function () { /* the panel keeps title, date and places */ });
    }
  }

  var LIST_LIMIT = 300, LIST_PAGE = 50;

  function inWindow(ev) {
    var w = state.window;
    if (!w || ev.s === undefined) return true;
    var end = ev.e !== undefined ? ev.e : ev.pe;
    return end >= w[0] && ev.s <= w[1];
  }

  function listItem(ev) {
    var li = document.createElement("li");
    li.dataset.id = ev.id;
    if (ev.id === state.current) li.className = "ca-current";
    var b = document.createElement("button");
    b.type = "button";
    b.dataset.id = ev.id;
    if (ev.id === state.current) b.setAttribute("aria-current", "true");
    var sw = document.createElement("span");
    sw.className = "ca-swatch " + groupClass(ev);
    sw.setAttribute("aria-hidden", "true");
    var date = document.createElement("span");
    date.className = "ca-list-date";
    date.textContent = ev.d;
    var title = document.createElement("span");
    title.className = "ca-list-title";
    title.textContent = ev.t;
    b.appendChild(sw);
    b.appendChild(date);
    b.appendChild(title);
    if (ev.f) {
      var flag = document.createElement("span");
      flag.className = "ca-flag";
      var names = ev.p.filter(function (p) { return p[2] >= 2 || p[0] === null; })
        .map(function (p) { return p[3]; });
      flag.textContent = "⚑ place " + (names.length ? "“" + names.join("”, “") + "” " : "") + "unresolved or ambiguous";
      b.appendChild(flag);
    }
    if (groups[ev.g]) {
      var g = document.createElement("span");
      g.className = "ca-visually-hidden";
      g.textContent = " (" + groups[ev.g] + ")";
      b.appendChild(g);
    }
    li.appendChild(b);
    return li;
  }

  // The list is the text alternative: every event is in it, but a long one is shown a
  // page at a time (LIST_PAGE items; the Earlier/Later buttons and Previous/Next reach the
  // rest), so the page never lays out thousands of rows.
  var listStart = 0;
  function renderList(move) {
    var list = $("ca-list");
    var visible = events.filter(inWindow);
    var shown = visible;
    var note = "";
    var paged = visible.length > LIST_LIMIT;
    if (paged) {
      if (move) {
        listStart = Math.max(0, Math.min(listStart + move * LIST_PAGE, (Math.ceil(visible.length / LIST_PAGE) - 1) * LIST_PAGE));
      } else {
        var idx = state.current ? visible.findIndex(function (e) { return e.id === state.current; }) : -1;
        if (idx >= 0) listStart = Math.floor(idx / LIST_PAGE) * LIST_PAGE;
        else if (listStart >= visible.length) listStart = 0;
      }
      shown = visible.slice(listStart, listStart + LIST_PAGE);
      note = "Showing events " + (listStart + 1) + "–" + (listStart + shown.length) + " of " + visible.length +
        (state.window ? " in the chosen time window" : "") +
        ". Earlier and Later show more; Previous and Next step through all of them.";
    } else if (state.window) {
      listStart = 0;
      note = visible.length + " of " + events.length + " dated events in the chosen time window.";
    }
    $("ca-list-note").textContent = note;
    var earlier = $("ca-list-earlier"), later = $("ca-list-later");
    if (earlier) { earlier.hidden = !paged; earlier.disabled = listStart <= 0; }
    if (later) { later.hidden = !paged; later.disabled = listStart + LIST_PAGE >= visible.length; }
    var frag = document.createDocumentFragment();
    shown.forEach(function (ev) { frag.appendChild(listItem(ev)); });
    list.textContent = "";
    list.appendChild(frag);
    if (paged) list.setAttribute("start", String(listStart + 1)); else list.removeAttribute("start");
    var ul = $("ca-undated");
    if (!ul.childElementCount && undated.length) {
      var f2 = document.createDocumentFragment();
      undated.slice(0, 1000).forEach(function (ev) { f2.appendChild(listItem(ev)); });
      ul.appendChild(f2);
    }
  }

  function markListCurrent(focus) {
    var prev = document.querySelectorAll(".ca-list-items li.ca-current");
    prev.forEach(function (li) {
      li.classList.remove("ca-current");
      li.firstChild.removeAttribute("aria-current");
    });
    var li = findListItem(state.current);
    if (!li) { renderList(); li = findListItem(state.current); }
    if (!li) return;
    li.classList.add("ca-current");
    li.firstChild.setAttribute("aria-current", "true");
    // scrolled into the list's box just after the next frame, whose layout this reuses
    // (read now, or at the frame's start, the offsets would force a layout of their own)
    window.requestAnimationFrame(function () {
      window.setTimeout(function () {
        var box = li.parentElement;
        if (box && (li.offsetTop < box.scrollTop || li.offsetTop > box.scrollTop + box.clientHeight - li.offsetHeight)) {
          box.scrollTop = li.offsetTop - box.clientHeight / 3;
        }
      }, 0);
    });
    if (focus) li.firstChild.focus({ preventScroll: true });
  }

  function findListItem(id) {
    var items = document.querySelectorAll(".ca-list-items li");
    for (var i = 0; i < items.length; i++) if (items[i].dataset.id === id) return items[i];
    return null;
  }

  // ---------------------------------------------------------------- selection -------
  var positionOf = new Map();
  all.forEach(function (e, i) { positionOf.set(e.id, i); });
  function indexOf(id) {
    var i = positionOf.get(id);
    return i === undefined ? -1 : i;
  }

  function select(id, opts) {
    opts = opts || {};
    var ev = byId.get(id);
    if (!ev) return false;
    state.current = id;
    if (ev.s !== undefined && state.window && !inWindow(ev)) {
      var half = (state.window[1] - state.window[0]) / 2;
      setWindow(ev.s - half, ev.s + half, { source: "select", quiet: true });
    }
    showPanel(ev);
    if (map) showOnMap(ev);
    if (view) view.signal("cur", id).data("cur", ev.s !== undefined ? [ev] : []).runAsync();
    markListCurrent(opts.focusList);
    if (!opts.keepUrl) {
      history.replaceState(history.state, "", location.pathname + location.search + "#event=" + encodeURIComponent(id));
    }
    var i = indexOf(id);
    var place = ev.p.length ? " at " + ev.p.map(function (p) { return p[3]; }).join(", ") : "";
    announce(ev.t + ", " + ev.d + place + ". Event " + (i + 1) + " of " + all.length + ".");
    emit("select", { id: id, title: ev.t, date: ev.d, source: opts.source || "api" });
    return true;
  }

  function step(delta, opts) {
    if (!all.length) return null;
    var i = state.current ? indexOf(state.current) : -1;
    var j = i < 0 ? (delta > 0 ? 0 : all.length - 1) : i + delta;
    if (j < 0 || j >= all.length) return state.current;
    select(all[j].id, opts);
    return state.current;
  }
  function next(opts) { return step(1, opts); }
  function prev(opts) { return step(-1, opts); }

  function play() {
    if (state.playing || !all.length) return;
    if (indexOf(state.current) >= all.length - 1) select(all[0].id);
    else if (!state.current) select(all[0].id);
    state.playing = window.setInterval(function () {
      if (indexOf(state.current) >= all.length - 1) { pause(); return; }
      next();
    }, 1800);
    $("ca-play").setAttribute("aria-pressed", "true");
    $("ca-play").textContent = "Pause";
  }
  function pause() {
    if (state.playing) window.clearInterval(state.playing);
    state.playing = null;
    $("ca-play").setAttribute("aria-pressed", "false");
    $("ca-play").textContent = "Play";
  }

  // ---------------------------------------------------------------- window ----------
  function toNumber(v) {
    if (v === null || v === undefined || v === "") return null;
    if (typeof v === "number") return isFinite(v) ? v : null;
    var s = String(v).trim();
    var m = /^([+-]?\d+)(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
    if (m) {
      var y = parseInt(m[1], 10), mo = m[2] ? parseInt(m[2], 10) - 1 : 0, d = m[3] ? parseInt(m[3], 10) - 1 : 0;
      var cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
      return y + (cum[mo] + d) / 365.25;
    }
    var n = Number(s);
    return isFinite(n) ? n : null;
  }

  function isoOf(pos) {
    var y = Math.floor(pos);
    var frac = pos - y;
    var year = (y < 0 ? "-" : "") + String(Math.abs(y)).padStart(4, "0");
    if (frac < 1 / 366) return year;
    var doy = Math.floor(frac * 365.25), cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    var mo = 0;
    while (mo < 11 && doy >= cum[mo + 1]) mo++;
    return year + "-" + String(mo + 1).padStart(2, "0") + "-" + String(Math.min(28, doy - cum[mo] + 1)).padStart(2, "0");
  }

  function endText(pos) {
    // the inclusive text of an exclusive end: 1946.0 -> "1945"; else the day it falls in
    var y = Math.round(pos);
    if (Math.abs(pos - y) < 1e-4) return isoOf(y - 1);
    return isoOf(pos - 1e-5);
  }

  function setWindow(from, to, opts) {
    opts = opts || {};
    var a = toNumber(from), b = toNumber(to);
    if (a !== null && b !== null && b < a) { var t = a; a = b; b = t; }
    state.window = (a === null && b === null) ? null : [a === null ? -Infinity : a, b === null ? Infinity : b];
    if (view) {
      var lo = state.window && isFinite(state.window[0]) ? state.window[0] : fullExtent.wmin;
      var hi = state.window && isFinite(state.window[1]) ? state.window[1] : fullExtent.wmax;
      view.signal("wmin", lo).signal("wmax", hi);
      refreshTimelineData(lo, hi);
      view.runAsync();
    }
    if (map) filterMarkers();
    listStart = 0;  // a new window's list opens at its start (or at the selected event)
    renderList();
    if (state.current) markListCurrent(false);
    var label = $("ca-window-label");
    var showAll = $("ca-show-all");
    if (state.window) {
      label.textContent = "Showing " + windowText(state.window);
      showAll.hidden = false;
    } else {
      label.textContent = "";
      showAll.hidden = true;
    }
    // from= and to= are inclusive ("to=1945" is all of 1945, the window's end 1946.0): a
    // window opened from the URL keeps the reader's text; a new one is written inclusive.
    var text = opts.text || [null, null];
    var params = new URLSearchParams(location.search);
    if (state.window && isFinite(state.window[0])) params.set("from", text[0] || isoOf(state.window[0])); else params.delete("from");
    if (state.window && isFinite(state.window[1])) params.set("to", text[1] || endText(state.window[1])); else params.delete("to");
    var qs = params.toString();
    history.replaceState(history.state, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
    var detail = { from: state.window ? state.window[0] : null, to: state.window ? state.window[1] : null,
                   source: opts.source || "api" };
    if (!opts.quiet) announce(state.window ? "Time window " + windowText(state.window) : "All dates shown");
    emit("window", detail);
  }

  function yearText(pos) {
    var y = Math.floor(pos);
    return y <= 0 ? (1 - y) + " BCE" : String(y);
  }
  function windowText(w) {
    return (isFinite(w[0]) ? yearText(w[0]) : "…") + " – " + (isFinite(w[1]) ? yearText(w[1]) : "…");
  }

  // ---------------------------------------------------------------- wiring ----------
  function wireControls() {
    var hasEvents = all.length > 0;
    ["ca-prev", "ca-next", "ca-play"].forEach(function (id) { $(id).disabled = !hasEvents; });
    $("ca-prev").addEventListener("click", function () { prev(); });
    $("ca-next").addEventListener("click", function () { next(); });
    $("ca-play").addEventListener("click", function () { if (state.playing) pause(); else play(); });
    $("ca-show-all").addEventListener("click", function () { setWindow(null, null, { source: "button" }); });
    [["ca-list-earlier", -1], ["ca-list-later", 1]].forEach(function (kv) {
      var b = $(kv[0]);
      if (b) b.addEventListener("click", function () {
        renderList(kv[1]);
        var first = $("ca-list").querySelector("button");
        if (first) first.focus();
        announce($("ca-list-note").textContent);
      });
    });
    ["ca-list", "ca-undated"].forEach(function (id) {
      $(id).addEventListener("click", function (e) {
        var b = e.target.closest("button[data-id]");
        if (b) select(b.dataset.id, { source: "list", focusList: true });
      });
    });
    document.addEventListener("keydown", function (e) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (t && t.closest && t.closest(".leaflet-container") && !t.classList.contains("ca-marker")) return;
      var inList = t && t.closest && t.closest(".ca-list-items");
      if (e.key === "ArrowRight" || (inList && e.key === "ArrowDown")) {
        next({ focusList: !!inList, source: "keyboard" }); e.preventDefault();
      } else if (e.key === "ArrowLeft" || (inList && e.key === "ArrowUp")) {
        prev({ focusList: !!inList, source: "keyboard" }); e.preventDefault();
      } else if (e.key === "Home" && inList) {
        if (all.length) select(all[0].id, { focusList: true, source: "keyboard" }); e.preventDefault();
      } else if (e.key === "End" && inList) {
        if (all.length) select(all[all.length - 1].id, { focusList: true, source: "keyboard" }); e.preventDefault();
      }
    });
    window.addEventListener("hashchange", function () {
      var id = hashEvent();
      if (id && id !== state.current) select(id, { keepUrl: true, source: "url" });
    });
    if (options.height) {
      var stage = document.querySelector(".ca-stage");
      if (stage) stage.style.height = Math.round(options.height * 0.6) + "px";
    }
  }

  function hashEvent() {
    var m = /(?:^#|&)event=([^&]*)/.exec(location.hash);
    if (!m) return null;
    try { return decodeURIComponent(m[1]); } catch (err) { return null; }
  }

  function restoreState() {
    var init = config.initial || {};
    if (init.from !== undefined || init.to !== undefined) {
      var q = new URLSearchParams(location.search);
      var given = function (k) { var v = init[k] !== undefined && q.get(k); return v ? v.trim() : null; };
      setWindow(init.from === undefined ? null : init.from, init.to === undefined ? null : init.to,
                { source: "url", quiet: true,
                  text: init.from !== undefined && init.to !== undefined && init.to < init.from
                    ? null : [given("from"), given("to")] });
    }
    var id = hashEvent() || init.event;
    if (id && byId.has(id)) { select(id, { keepUrl: !!hashEvent(), source: "url" }); return; }
    if (init.date !== undefined && events.length) {
      var found = events.find(function (e) { return e.s >= init.date; }) || events[events.length - 1];
      select(found.id, { source: "url" });
    }
  }

  function onMessage(e) {
    var m = e.data;
    if (!m || typeof m !== "object" || typeof m.chronoatlas !== "string") return;
    var commands = { goTo: goTo, next: next, prev: prev, setWindow: setWindow, play: play, pause: pause,
                     current: function () { return state.current; } };
    var fn = commands[m.chronoatlas];
    if (!fn) return;
    var args = Array.isArray(m.args) ? m.args.slice(0, 2) : [];
    var value = fn.apply(null, args);
    if (e.source && typeof e.source.postMessage === "function") {
      var plain = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
      e.source.postMessage({ chronoatlas: "result", command: m.chronoatlas, requestId: m.requestId,
                             value: plain ? value : null },
                           e.origin === "null" ? "*" : e.origin);
    }
  }

  function goTo(id) { return select(String(id), { source: "api" }) ? state.current : null; }

  var api = {
    goTo: goTo,
    next: function () { return next({ source: "api" }); },
    prev: function () { return prev({ source: "api" }); },
    current: function () { return state.current; },
    setWindow: function (from, to) {
      setWindow(from, to, { source: "api" });
      return state.window ? state.window.slice() : null;
    },
    play: play,
    pause: pause,
    on: on,
    get map() { return map; },
    get view() { return view; },
    get window() { return state.window ? state.window.slice() : null; },
    events: function () { return all.map(function (e) { return e.id; }); },
    ready: null
  };
  window.chronoatlas = api;

  // Read before anything changes the page: the layout is still clean (the map script just
  // measured it), so this costs nothing, where read later it forces a full layout.
  var openingWidth = timelineWidth();
  wireControls();
  renderList();
  if (map) {
    // drawn means with its land: the basemap is part of the map's readiness
    mapReady = Promise.all([buildMarkers().then(buildLayers), loadBasemap()]);
  } else {
    mapReady = Promise.resolve();
  }
  timelineReady = buildTimeline().then(function (v) { mark("timeline"); return v; });
  mapReady = mapReady.then(function () { mark("map"); });
  api.ready = Promise.all([mapReady, timelineReady]).then(function () {
    restoreState();
    mark("ready");
    document.documentElement.setAttribute("data-chronoatlas", "ready");
    emit("ready", { events: all.length });
    return api;
  });
  if (inFrame) window.addEventListener("message", onMessage);
})();
