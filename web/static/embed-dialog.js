/* The story page's "Embed" dialog: options in, a snippet out: the fixed iframe (the same
 * snippet /oembed answers with; see web/views/oembed.py iframe_snippet), or responsive code that
 * sizes the frame to the story (pym.js, or a few lines of script without a library). No inline script: loaded as a
 * file after the viewer (js/main.js).
 */
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var dialog = $("ca-embed-dialog");
  var opener = $("ca-embed-open");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;

  var SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";  // as web/views/oembed.py SANDBOX
  var PYM_JS = "https://pym.nprapps.org/pym.v1.min.js";  // the host page loads pym, not us
  var fields = ["ca-embed-kind", "ca-embed-height", "ca-embed-theme", "ca-embed-date", "ca-embed-from", "ca-embed-to",
                "ca-embed-event", "ca-embed-hide-panel", "ca-embed-hide-list"];

  function attr(value) {
    return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function height() {
    var h = parseInt($("ca-embed-height").value, 10);
    return isFinite(h) ? Math.max(200, Math.min(h, 4000)) : 600;
  }

  function embedUrl() {
    var params = new URLSearchParams();
    params.set("height", String(height()));
    var theme = $("ca-embed-theme").value;
    if (theme !== "light") params.set("theme", theme);
    var current = window.chronoatlas && window.chronoatlas.current();
    if ($("ca-embed-event").checked && current) params.set("event", current);
    ["date", "from", "to"].forEach(function (k) {
      var v = $("ca-embed-" + k).value.trim();
      if (v) params.set(k, v.slice(0, 40));
    });
    var hide = [];
    if ($("ca-embed-hide-panel").checked) hide.push("panel");
    if ($("ca-embed-hide-list").checked) hide.push("list");
    if (hide.length) params.set("hide", hide.join(","));
    return dialog.dataset.embedUrl + "?" + params.toString();
  }

  function iframe(src, id) {
    return '<iframe ' + (id ? 'id="' + id + '" ' : "") + 'src="' + attr(src) + '" title="' + attr(dialog.dataset.title) +
      '" width="100%" height="' + height() + '" style="width:100%;max-width:100%;border:0" loading="lazy" ' +
      'sandbox="' + SANDBOX + '" referrerpolicy="strict-origin-when-cross-origin" ' +
      'allow="fullscreen"></iframe>';
  }

  // The embed posts its height as pym.js, AMP and Datawrapper messages (js/embed-api.js):
  // pym's parent takes the first; the no-library code listens for the last, from its own
  // frame only.
  function snippet(src) {
    var kind = $("ca-embed-kind").value;
    var id = "chronoatlas-" + (dialog.dataset.slug || "story");
    if (kind === "pym") {
      return '<div id="' + id + '" data-pym-src="' + attr(src) + '" data-pym-title="' + attr(dialog.dataset.title) +
        '" data-pym-sandbox="' + SANDBOX + '" data-pym-allowfullscreen="true">' +
        '<a href="' + attr(dialog.dataset.storyUrl || src) + '">' + attr(dialog.dataset.title) + '</a></div>\n' +
        '<script src="' + PYM_JS + '"></' + 'script>';
    }
    if (kind === "script") {
      return iframe(src, id) + "\n<script>(function(){var f=document.getElementById(" + JSON.stringify(id) + ");" +
        'window.addEventListener("message",function(e){var d=e.data&&e.data["datawrapper-height"];' +
        'if(!f||!d||e.source!==f.contentWindow)return;for(var k in d){var h=parseInt(d[k],10);' +
        'if(h>0&&h<20000)f.style.height=h+"px";}});})();</' + 'script>';
    }
    return iframe(src);
  }

  function update() {
    var src = embedUrl();
    $("ca-embed-code").value = snippet(src);
    $("ca-embed-preview").href = src;
    $("ca-embed-status").textContent = "";
  }

  function prefill() {
    // start from what the reader sees: the selected event and the time window in the URL
    var params = new URLSearchParams(location.search);
    if (params.get("from") && !$("ca-embed-from").value) $("ca-embed-from").value = params.get("from");
    if (params.get("to") && !$("ca-embed-to").value) $("ca-embed-to").value = params.get("to");
    var current = window.chronoatlas && window.chronoatlas.current();
    var box = $("ca-embed-event");
    box.disabled = !current;
    if (!current) box.checked = false;
  }

  fields.forEach(function (id) {
    var el = $(id);
    el.addEventListener("input", update);
    el.addEventListener("change", update);
  });
  opener.hidden = false;
  opener.addEventListener("click", function () {
    prefill();
    update();
    dialog.showModal();
    $("ca-embed-code").focus();
    $("ca-embed-code").select();
  });
  $("ca-embed-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () { opener.focus(); });
  $("ca-embed-copy").addEventListener("click", function () {
    var code = $("ca-embed-code");
    var done = function () { $("ca-embed-status").textContent = "Copied."; };
    var fallback = function () {
      code.focus();
      code.select();
      $("ca-embed-status").textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code.value).then(done, fallback);
    } else {
      fallback();
    }
  });
})();
