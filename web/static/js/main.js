/* Entry module of the story page, the embed, the widget and the static site.
 *
 * Served as native ES modules (<script type="module" src=".../js/main.js">, no build
 * step); web/exports/jsbundle.py joins main.js and what it imports into one classic script for
 * the single-file widget (inline, under a hash-based CSP) and the static site (which
 * must also open from file://, where module scripts cannot load). */
import { startViewer } from "./viewer.js";

startViewer();
