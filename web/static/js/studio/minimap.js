// A small Leaflet map for fixing one place: the gazetteer's candidates as dots (pick
// one), and a marker to drag where the place really is (pins it). Offline: the land
// comes from this site's basemap, no tiles. Leaflet is the page's classic script (L).
import { el } from "./http.js";

let basemap;
const land = (url) => (basemap ||= fetch(url, { credentials: "same-origin" })
  .then((r) => (r.ok ? r.json() : null)).catch(() => null));

function label(text) { return el("span", { text }); }

export function describe(c) {
  const where = [c.region, c.country_name || c.country].filter(Boolean).join(", ");
  const pop = c.population ? `population ${c.population.toLocaleString("en")}` : "";
  return [c.name, where, c.kind, pop].filter(Boolean).join(" · ");
}

/** Draw into ``box``; ``onPick(candidate)`` on a dot, ``onPin({lat, lon})`` on a drag. */
export function miniMap(box, { basemapUrl, candidates = [], pinned, onPick, onPin }) {
  const map = L.map(box, { worldCopyJump: true, attributionControl: true }).setView([20, 0], 1);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth · GeoNames");
  land(basemapUrl).then((b) => {
    if (!b) return;
    L.geoJSON(b.land, { interactive: false, style: { color: "#8a8a8a", weight: 1, fillColor: "#e9e4d8", fillOpacity: 1 } }).addTo(map).bringToBack();
    L.geoJSON(b.borders, { interactive: false, style: { color: "#9a9a9a", weight: 0.6 } }).addTo(map);
  });
  const points = [];
  for (const c of candidates) {
    const dot = L.circleMarker([c.lat, c.lon], { radius: 7, color: "#0072B2", weight: 2, fillOpacity: 0.6 })
      .bindTooltip(label(describe(c))).on("click", () => onPick(c)).addTo(map);
    dot.candidate = c;
    points.push([c.lat, c.lon]);
  }
  const start = pinned || candidates[0] || { lat: 20, lon: 0 };
  const pin = L.marker([start.lat, start.lon], {
    draggable: true, autoPan: true, title: "Drag to pin the place here",
    icon: L.divIcon({ className: "ca-studio-pin", iconSize: [20, 20], iconAnchor: [10, 10] }),
  }).addTo(map);
  pin.on("dragend", () => {
    const { lat, lng } = pin.getLatLng().wrap();
    onPin({ lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lng * 1e5) / 1e5 });
  });
  points.push([start.lat, start.lon]);
  if (points.length > 1) map.fitBounds(points, { padding: [20, 20], maxZoom: 8 });
  else map.setView(points[0], pinned ? 8 : 2);
  return { map, pin };
}
