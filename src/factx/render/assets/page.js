/* factx article page: records on hover and focus, panel clicks, toggles, keyboard.
   Every handler is delegated from a few containers, so nothing here walks the marks
   when the page opens: a 2 MB article costs no script time until someone interacts.
   Text from the article only ever reaches the page through textContent. */
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("factx-records").textContent);
  var body = document.body;
  var article = document.getElementById("article");
  var panels = document.getElementById("panels");
  var tip = document.getElementById("tip");
  var ROLE = { figure: "Figure", person: "Person", place: "Place", org: "Organization",
               quote: "Quote", speaker: "Speaker of quote", cue: "Cue of quote", time: "Time" };
  var pinned = false;
  var lit = [];
  var litItem = null;

  function kindOf(el) { return el.classList[1]; }

  function isShown(el) { return !body.classList.contains("hide-" + kindOf(el)); }

  /* the visible marks holding el, innermost first */
  function marksAt(el) {
    var out = [];
    while (el && el !== article) {
      if (el.classList && el.classList.contains("m") && isShown(el)) { out.push(el); }
      el = el.parentElement;
    }
    return out;
  }

  function section(mark) {
    var rec = records[mark.getAttribute("data-id")];
    var sec = document.createElement("section");
    var head = document.createElement("b");
    head.textContent = ROLE[kindOf(mark)] + " " + mark.getAttribute("data-id") + (rec ? " · " + rec.title : "");
    sec.appendChild(head);
    if (rec) {
      var dl = document.createElement("dl");
      rec.rows.forEach(function (row) {
        var dt = document.createElement("dt");
        var dd = document.createElement("dd");
        dt.textContent = row[0];
        dd.textContent = row[1];
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
      sec.appendChild(dl);
    }
    return sec;
  }

  function show(target) {
    var marks = marksAt(target);
    if (!marks.length) { hide(); return; }
    tip.textContent = "";
    marks.forEach(function (m) { tip.appendChild(section(m)); });
    tip.hidden = false;
    var rects = marks[0].getClientRects();
    var r = rects.length ? rects[0] : marks[0].getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(4, Math.min(r.left, window.innerWidth - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight - 4) { top = Math.max(4, r.top - h - 6); }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function hide() {
    pinned = false;
    tip.classList.remove("pinned");
    tip.hidden = true;
  }

  function clearLight() {
    lit.forEach(function (el) { el.classList.remove("hl"); });
    lit = [];
    if (litItem) { litItem.classList.remove("on"); litItem = null; }
  }

  function light(id) {
    clearLight();
    lit = Array.prototype.slice.call(article.querySelectorAll('[data-id="' + CSS.escape(id) + '"]'));
    lit.forEach(function (el) { el.classList.add("hl"); });
    return lit;
  }

  /* Enter or click on a mark: pin its record and light every mark of the same record */
  function open(mark) {
    var marks = marksAt(mark);
    if (!marks.length) { return; }
    light(marks[0].getAttribute("data-id"));
    show(marks[0]);
    pinned = true;
    tip.classList.add("pinned");
  }

  article.addEventListener("mouseover", function (e) { if (!pinned) { show(e.target); } });
  article.addEventListener("mouseleave", function () { if (!pinned) { hide(); } });
  article.addEventListener("focusin", function (e) {
    if (e.target.classList && e.target.classList.contains("m")) { e.target.setAttribute("aria-describedby", "tip"); }
    if (!pinned) { show(e.target); }
  });
  article.addEventListener("focusout", function () { if (!pinned) { hide(); } });
  article.addEventListener("click", function (e) {
    var m = e.target.closest ? e.target.closest(".m") : null;
    if (m) { open(m); } else { hide(); clearLight(); }
  });
  article.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.classList && e.target.classList.contains("m")) {
      e.preventDefault();
      open(e.target);
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); clearLight(); }
  });
  window.addEventListener("scroll", function () { if (!pinned) { hide(); } }, true);

  /* panel items: scroll to the first mark of the record and light all of them */
  panels.addEventListener("click", function (e) {
    var item = e.target.closest ? e.target.closest(".item") : null;
    if (!item) { return; }
    var id = item.getAttribute("data-target");
    var kind = item.getAttribute("data-kind");
    hide();
    light(id);
    litItem = item;
    item.classList.add("on");
    var first = article.querySelector("." + kind + '[data-id="' + CSS.escape(id) + '"]');
    if (first) {
      first.scrollIntoView({ block: "center", inline: "nearest" });
      first.focus({ preventScroll: true });
    }
  });

  /* toggles: one class on <body> per hidden kind; CSS does the rest */
  var legend = document.getElementById("legend");
  legend.addEventListener("change", function (e) {
    var kind = e.target.getAttribute("data-toggle");
    if (kind) { body.classList.toggle("hide-" + kind, !e.target.checked); hide(); }
  });
  legend.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.getAttribute("data-toggle")) { e.preventDefault(); e.target.click(); }
  });
  body.classList.add("ready");
})();
