/* dxsite's search: loaded by the search page only; fetches the index (search/index.json,
   written by generator/search.py) when the reader searches, then finds the items that hold
   every word of the query. Results are built as DOM nodes, never as HTML. */
(function () {
  "use strict";
  var form = document.getElementById("dx-search");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("dx-search-status");
  var list = document.getElementById("dx-search-results");
  var separator = new RegExp(form.dataset.separator);
  var LATIN = /[a-z0-9]/;
  var SHOWN = 50;
  var items = null;
  var loading = null;
  var timer = 0;

  function norm(s) {
    return s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function load() {
    if (!loading) {
      loading = fetch(form.dataset.index)
        .then(function (r) { return r.json(); })
        .then(function (data) {
          items = data.map(function (e) {
            return { url: e.u, title: e.t, page: e.p, text: e.x, t: norm(e.t), x: norm(e.x) };
          });
        });
    }
    return loading;
  }

  /* Where `word` occurs in `hay` from `from`; a Latin word must start a word. */
  function find(hay, word, from) {
    var at = hay.indexOf(word, from);
    while (at > 0 && LATIN.test(word[0]) && LATIN.test(hay[at - 1])) {
      at = hay.indexOf(word, at + 1);
    }
    return at;
  }

  function count(hay, word) {
    var n = 0;
    for (var at = find(hay, word, 0); at >= 0; at = find(hay, word, at + word.length)) n++;
    return n;
  }

  function anywhere(word) {
    return items.some(function (i) { return find(i.x, word, 0) >= 0 || find(i.t, word, 0) >= 0; });
  }

  /* The words to look for: the query's words as written where the site has them, else
     their parts split at hiragana, punctuation and script boundaries. */
  function words(query) {
    var out = [];
    norm(query).split(" ").forEach(function (w) {
      if (!w) return;
      if (anywhere(w)) { out.push(w); return; }
      w.split(separator).forEach(function (part) { if (part) out.push(part); });
    });
    return out;
  }

  function search(query) {
    var ws = words(query);
    if (!ws.length) return { words: ws, hits: [] };
    var hits = [];
    items.forEach(function (item) {
      var score = 0;
      for (var k = 0; k < ws.length; k++) {
        var inTitle = count(item.t, ws[k]), inText = count(item.x, ws[k]);
        if (!inTitle && !inText) return;
        score += 10 * inTitle + inText;
      }
      hits.push({ item: item, score: score });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || a.item.x.length - b.item.x.length;
    });
    return { words: ws, hits: hits };
  }

  /* A piece of `text` around the first word found, with every word marked. */
  function snippet(item, ws) {
    var text = item.text, low = norm(text), first = -1;
    if (low.length !== text.length) { text = low; }
    ws.forEach(function (w) {
      var at = find(low, w, 0);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = Math.max(0, first - 30), end = Math.min(text.length, start + 120);
    var p = document.createElement("p");
    p.className = "dx-search__snippet";
    if (start > 0) p.append("…");
    var pos = start;
    while (pos < end) {
      var next = -1, len = 0;
      ws.forEach(function (w) {
        var at = find(low, w, pos);
        if (at >= 0 && at < end && (next < 0 || at < next)) { next = at; len = w.length; }
      });
      if (next < 0) { p.append(text.slice(pos, end)); break; }
      p.append(text.slice(pos, next));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + len);
      p.append(mark);
      pos = next + len;
    }
    if (end < text.length) p.append("…");
    return p;
  }

  function show(query) {
    var found = search(query);
    list.replaceChildren();
    form.dataset.shown = query;
    if (!found.hits.length) {
      status.textContent = form.dataset.none;
      return;
    }
    status.textContent = form.dataset.lang === "ja"
      ? found.hits.length + form.dataset.found
      : found.hits.length + " " + form.dataset.found;
    found.hits.slice(0, SHOWN).forEach(function (hit) {
      var li = document.createElement("li");
      li.className = "dx-search__result";
      var a = document.createElement("a");
      a.href = form.dataset.root + hit.item.url;
      a.textContent = hit.item.title;
      li.append(a);
      if (hit.item.page && hit.item.page !== hit.item.title) {
        var page = document.createElement("span");
        page.className = "dx-search__page";
        page.textContent = hit.item.page;
        li.append(" ", page);
      }
      li.append(snippet(hit.item, found.words));
      list.append(li);
    });
  }

  function run() {
    var query = input.value;
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (!norm(query)) { status.textContent = ""; list.replaceChildren(); return; }
    if (!items) status.textContent = form.dataset.loading;
    load().then(function () { if (input.value === query) show(query); });
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  input.addEventListener("focus", load, { once: true });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
