// The search page: loads Pagefind's interface from pagefind/ beside the site's pages and runs
// the search given as ?q= (the search box in every page's header sends it here).
// Pagefind writes pagefind/ when the site is built with it; without it this page says search is off.
// A large site's index is made in parts (pagefind/parts.json lists the others): they are searched
// as one, their results merged by score.
(function () {
  "use strict";
  var box = document.getElementById("search");
  var status = document.getElementById("search-status");
  if (!box || !status) return;
  var say = function (text) { status.textContent = text; };
  if (location.protocol === "file:") {
    say("Search works when the site is served by a web server (for example: python3 -m http.server --directory public), not from files opened directly.");
    return;
  }
  var bundle = new URL((box.getAttribute("data-root") || "") + "pagefind/", location.href);
  var styles = document.createElement("link");
  styles.rel = "stylesheet";
  styles.href = new URL("pagefind-ui.css", bundle).href;
  document.head.appendChild(styles);
  var parts = fetch(new URL("parts.json", bundle).href)
    .then(function (response) { return response.ok ? response.json() : { parts: [] }; })
    .then(function (list) { return Array.isArray(list.parts) ? list.parts : []; })
    .catch(function () { return []; });
  var script = document.createElement("script");
  script.src = new URL("pagefind-ui.js", bundle).href;
  script.onload = function () {
    parts.then(function (folders) {
      say("");
      var merged = folders.map(function (folder) { return { bundlePath: new URL(folder, bundle).pathname }; });
      var ui = new PagefindUI({ element: "#search", bundlePath: bundle.pathname, mergeIndex: merged,
                                showSubResults: true, showImages: false, autofocus: true });
      var query = new URLSearchParams(location.search).get("q");
      if (query) ui.triggerSearch(query);
    });
  };
  script.onerror = function () {
    say("Search is off for this copy of the site: it was built without Pagefind (pip install pagefind-bin, then build again).");
  };
  say("Loading search…");
  document.head.appendChild(script);
})();
