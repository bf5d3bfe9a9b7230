/* mmgen docs site: copy buttons on code blocks, and search over the index that
   search-index.js defines (window.MMGEN_SEARCH_INDEX; a script, not a fetch, so the
   site works from file:// too). Results are built with textContent, never innerHTML:
   names and summaries come from specs. */
(function () {
  "use strict";

  var root = document.documentElement.getAttribute("data-root") || ".";

  function flash(button, label) {
    var original = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", original);
    button.textContent = label;
    window.setTimeout(function () { button.textContent = original; }, 1500);
  }

  function copyFallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyFallback(text); });
    }
    return copyFallback(text);
  }

  function setUpCopyButtons() {
    var blocks = document.querySelectorAll(".code-block");
    Array.prototype.forEach.call(blocks, function (block) {
      var button = block.querySelector(".copy-button");
      var code = block.querySelector("code");
      if (!button || !code) { return; }
      button.addEventListener("click", function () {
        // textContent is the code exactly as the page holds it, byte for byte.
        copyText(code.textContent).then(
          function () { flash(button, "Copied"); },
          function () { flash(button, "Copy failed"); }
        );
      });
    });
  }

  var KIND_LABEL = { r: "resource", p: "page", a: "argument", t: "attribute", f: "field", b: "block" };
  var KIND_RANK = { r: 0, p: 1, b: 2, a: 3, t: 4, f: 5 };
  var LIMIT = 30;

  function candidates(index) {
    var out = [];
    index.pages.forEach(function (page, i) {
      out.push({ kind: page[4] ? "r" : "p", name: page[0], where: page[1], page: i, frag: "" });
    });
    index.entries.forEach(function (e) {
      out.push({ kind: e[0], name: e[1], where: e[2], page: e[3], frag: e[4] });
    });
    out.forEach(function (c) {
      var page = index.pages[c.page];
      c.lower = c.name.toLowerCase();
      c.hay = (c.name + " " + c.where + " " + page[0]).toLowerCase();
      c.href = root + "/" + page[2] + (c.frag ? "#" + c.frag : "");
      c.pageName = page[0];
    });
    return out;
  }

  function score(c, query, terms) {
    if (c.lower === query) { return 0; }
    if (c.lower.indexOf(query) === 0) { return 1; }
    if (c.lower.indexOf(query) >= 0) { return 2; }
    for (var i = 0; i < terms.length; i++) {
      if (c.hay.indexOf(terms[i]) < 0) { return -1; }
    }
    return 3;
  }

  function search(all, text) {
    var query = text.trim().toLowerCase();
    if (!query) { return []; }
    var terms = query.split(/\s+/);
    var hits = [];
    all.forEach(function (c) {
      var s = score(c, query, terms);
      if (s >= 0) { hits.push({ c: c, s: s }); }
    });
    hits.sort(function (x, y) {
      return (x.s - y.s) || (KIND_RANK[x.c.kind] - KIND_RANK[y.c.kind]) ||
        (x.c.name.length - y.c.name.length) || (x.c.name < y.c.name ? -1 : x.c.name > y.c.name ? 1 : 0) ||
        (x.c.href < y.c.href ? -1 : x.c.href > y.c.href ? 1 : 0);
    });
    return hits.slice(0, LIMIT).map(function (h) { return h.c; });
  }

  function resultItem(c) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = c.href;
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = KIND_LABEL[c.kind] || c.kind;
    var name = document.createElement("code");
    name.textContent = c.name;
    var where = document.createElement("span");
    where.className = "where";
    if (c.kind === "r" || c.kind === "p") {
      where.textContent = c.where;
    } else {
      where.textContent = c.where + " \u00b7 " + c.pageName;
    }
    a.appendChild(kind);
    a.appendChild(name);
    a.appendChild(where);
    li.appendChild(a);
    return li;
  }

  function setUpSearch() {
    var input = document.getElementById("site-search");
    var list = document.getElementById("search-results");
    var index = window.MMGEN_SEARCH_INDEX;
    if (!input || !list || !index) { return; }
    var all = candidates(index);
    var active = -1;

    function items() { return list.querySelectorAll("li a"); }

    function setActive(n) {
      var links = items();
      Array.prototype.forEach.call(links, function (a, i) {
        a.parentNode.className = i === n ? "active" : "";
      });
      active = n;
      if (links[n]) { links[n].scrollIntoView({ block: "nearest" }); }
    }

    function show() {
      var hits = search(all, input.value);
      while (list.firstChild) { list.removeChild(list.firstChild); }
      if (!input.value.trim()) { list.hidden = true; return; }
      if (!hits.length) {
        var none = document.createElement("li");
        none.className = "empty";
        none.textContent = "No match";
        list.appendChild(none);
      }
      hits.forEach(function (c) { list.appendChild(resultItem(c)); });
      list.hidden = false;
      setActive(hits.length ? 0 : -1);
    }

    input.addEventListener("input", show);
    input.addEventListener("keydown", function (event) {
      var links = items();
      if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        setActive((active + 1) % links.length);
      } else if (event.key === "ArrowUp" && links.length) {
        event.preventDefault();
        setActive((active - 1 + links.length) % links.length);
      } else if (event.key === "Enter" && links[active]) {
        event.preventDefault();
        links[active].click();
      } else if (event.key === "Escape") {
        input.value = "";
        show();
      }
    });
    list.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) { list.hidden = true; }
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(".search")) { list.hidden = true; }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && document.activeElement !== input) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  setUpCopyButtons();
  setUpSearch();
}());
