/* The event list: the text alternative to map and timeline. Every event is in it, but a
 * long one is shown a page at a time (LIST_PAGE items; Earlier/Later and Previous/Next
 * reach the rest), so the page never lays out thousands of rows. */
import { groupClass } from "./core.js";

const LIST_LIMIT = 300, LIST_PAGE = 50;

export function createList(ctx) {
  const $ = ctx.$, state = ctx.state;
  // a slide story lists every event in slide order, the undated ones among them
  const events = ctx.slides ? ctx.all : ctx.events, undated = ctx.slides ? [] : ctx.undated;
  if (ctx.slides && $("ca-undated-title")) $("ca-undated-title").hidden = true;
  let listStart = 0;

  function inWindow(ev) {
    const w = state.window;
    if (!w || ev.s === undefined) return true;
    const end = ev.e !== undefined ? ev.e : ev.pe;
    return end >= w[0] && ev.s <= w[1];
  }

  function item(ev) {
    const li = document.createElement("li");
    li.dataset.id = ev.id;
    if (ev.id === state.current) li.className = "ca-current";
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.id = ev.id;
    if (ev.id === state.current) b.setAttribute("aria-current", "true");
    const sw = document.createElement("span");
    sw.className = "ca-swatch " + groupClass(ev);
    sw.setAttribute("aria-hidden", "true");
    const date = document.createElement("span");
    date.className = "ca-list-date";
    // a dateless slide is numbered instead of "undated"
    date.textContent = ctx.slides && ev.s === undefined ? "Slide " + (ctx.indexOf(ev.id) + 1) : ev.d;
    const title = document.createElement("span");
    title.className = "ca-list-title";
    title.textContent = ev.t;
    b.appendChild(sw);
    b.appendChild(date);
    b.appendChild(title);
    const low = ev.p.filter((p) => p[5] === 1).map((p) => p[3]);
    if (low.length) {
      const flag = document.createElement("span");
      flag.className = "ca-flag ca-flag-inferred";
      flag.textContent = "place " + "“" + low.join("”, “") + "” inferred, low confidence";
      b.appendChild(flag);
    }
    if (ev.f) {
      const flag = document.createElement("span");
      flag.className = "ca-flag";
      const names = ev.p.filter((p) => p[2] >= 2 || p[0] === null).map((p) => p[3]);
      flag.textContent = "⚑ place " + (names.length ? "“" + names.join("”, “") + "” " : "") + "unresolved or ambiguous";
      b.appendChild(flag);
    }
    if (ctx.groups[ev.g]) {
      const g = document.createElement("span");
      g.className = "ca-visually-hidden";
      g.textContent = " (" + ctx.groups[ev.g] + ")";
      b.appendChild(g);
    }
    li.appendChild(b);
    return li;
  }

  /** Draw the list for the current window; `move` pages it (-1 earlier, 1 later). */
  function render(move) {
    const list = $("ca-list");
    const visible = events.filter(inWindow);
    let shown = visible;
    let note = "";
    const paged = visible.length > LIST_LIMIT;
    if (paged) {
      if (move) {
        listStart = Math.max(0, Math.min(listStart + move * LIST_PAGE, (Math.ceil(visible.length / LIST_PAGE) - 1) * LIST_PAGE));
      } else {
        const idx = state.current ? visible.findIndex((e) => e.id === state.current) : -1;
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
    const earlier = $("ca-list-earlier"), later = $("ca-list-later");
    if (earlier) { earlier.hidden = !paged; earlier.disabled = listStart <= 0; }
    if (later) { later.hidden = !paged; later.disabled = listStart + LIST_PAGE >= visible.length; }
    const frag = document.createDocumentFragment();
    shown.forEach((ev) => frag.appendChild(item(ev)));
    list.textContent = "";
    list.appendChild(frag);
    if (paged) list.setAttribute("start", String(listStart + 1)); else list.removeAttribute("start");
    const ul = $("ca-undated");
    if (!ul.childElementCount && undated.length) {
      const f2 = document.createDocumentFragment();
      undated.slice(0, 1000).forEach((ev) => f2.appendChild(item(ev)));
      ul.appendChild(f2);
    }
  }

  function find(id) {
    const items = document.querySelectorAll(".ca-list-items li");
    for (let i = 0; i < items.length; i++) if (items[i].dataset.id === id) return items[i];
    return null;
  }

  function markCurrent(focus) {
    document.querySelectorAll(".ca-list-items li.ca-current").forEach((li) => {
      li.classList.remove("ca-current");
      li.firstChild.removeAttribute("aria-current");
    });
    let li = find(state.current);
    if (!li) { render(); li = find(state.current); }
    if (!li) return;
    li.classList.add("ca-current");
    li.firstChild.setAttribute("aria-current", "true");
    // scrolled into the list's box just after the next frame, whose layout this reuses
    // (read now, or at the frame's start, the offsets would force a layout of their own)
    window.requestAnimationFrame(() => {
      window.setTimeout(() => {
        const box = li.parentElement;
        if (box && (li.offsetTop < box.scrollTop || li.offsetTop > box.scrollTop + box.clientHeight - li.offsetHeight)) {
          box.scrollTop = li.offsetTop - box.clientHeight / 3;
        }
      }, 0);
    });
    if (focus) li.firstChild.focus({ preventScroll: true });
  }

  /** A new window's list opens at its start (or at the selected event). */
  function reset() { listStart = 0; }

  return { render, markCurrent, reset };
}
