/* The toolbar (Previous, Play, Next, Show all), the list's buttons and pager, and the
 * page's keyboard: arrows step through events, Home/End in the list jump to the ends. */

export function wireControls(ctx, parts) {
  const $ = ctx.$, a = ctx.actions, all = ctx.all;
  const hasEvents = all.length > 0;
  ["ca-prev", "ca-next", "ca-play"].forEach((id) => { $(id).disabled = !hasEvents; });
  $("ca-prev").addEventListener("click", () => a.prev());
  $("ca-next").addEventListener("click", () => a.next());
  $("ca-play").addEventListener("click", () => { if (ctx.state.playing) a.pause(); else a.play(); });
  $("ca-show-all").addEventListener("click", () => a.setWindow(null, null, { source: "button" }));
  [["ca-zoom-in", 0.5], ["ca-zoom-out", 2]].forEach(([id, factor]) => {
    const b = $(id);
    if (b) b.addEventListener("click", () => { if (parts.timeline) parts.timeline.zoom(factor); });
  });
  [["ca-list-earlier", -1], ["ca-list-later", 1]].forEach(([id, move]) => {
    const b = $(id);
    if (b) b.addEventListener("click", () => {
      parts.list.render(move);
      const first = $("ca-list").querySelector("button");
      if (first) first.focus();
      ctx.announce($("ca-list-note").textContent);
    });
  });
  ["ca-list", "ca-undated"].forEach((id) => {
    $(id).addEventListener("click", (e) => {
      const b = e.target.closest("button[data-id]");
      if (b) a.select(b.dataset.id, { source: "list", focusList: true });
    });
  });
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (t && t.closest && t.closest(".leaflet-container") && !t.classList.contains("ca-marker")) return;
    const inList = !!(t && t.closest && t.closest(".ca-list-items"));
    if (e.key === "ArrowRight" || (inList && e.key === "ArrowDown")) {
      a.next({ focusList: inList, source: "keyboard" }); e.preventDefault();
    } else if (e.key === "ArrowLeft" || (inList && e.key === "ArrowUp")) {
      a.prev({ focusList: inList, source: "keyboard" }); e.preventDefault();
    } else if (e.key === "Home" && inList) {
      if (all.length) a.select(all[0].id, { focusList: true, source: "keyboard" }); e.preventDefault();
    } else if (e.key === "End" && inList) {
      if (all.length) a.select(all[all.length - 1].id, { focusList: true, source: "keyboard" }); e.preventDefault();
    }
  });
  if (ctx.options.height) {
    const stage = document.querySelector(".ca-stage");
    if (stage) stage.style.height = Math.round(ctx.options.height * 0.6) + "px";
  }
}
