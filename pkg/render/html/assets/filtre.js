/* registre — filter of the register's entries.
   Without JavaScript the filter box stays hidden and the whole table shows.
   No network request. */
(function () {
  "use strict";

  // Accents and case are ignored: « Québec », « quebec » and « QUÉBEC » match,
  // and « oeuvre » finds « œuvre ». Folding goes letter by letter through a
  // small cache: normalising a long register whole with NFD takes seconds.
  var FOLDS = { "\u0153": "oe", "\u00e6": "ae", "\u00df": "ss" };
  var folded = Object.create(null);

  function foldChar(c) {
    var v = folded[c];
    if (v === undefined) {
      v = FOLDS[c] || c.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      folded[c] = v;
    }
    return v;
  }

  function fold(s) {
    return s.toLowerCase().replace(/[\u00c0-\u024f\u1e00-\u1eff]/g, foldChar).replace(/[\u0300-\u036f]/g, "");
  }

  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }

  function message(shown, total, active) {
    if (!active) {
      return total === 1 ? "1 inscription affichée." : "Les " + number(total) + " inscriptions sont affichées.";
    }
    if (shown === 0) {
      return "Aucune inscription ne correspond au filtre (" + number(total) + " au total).";
    }
    return number(shown) + (shown === 1 ? " inscription affichée" : " inscriptions affichées") +
      " sur " + number(total) + ".";
  }

  function install(box) {
    var table = document.getElementById(box.getAttribute("data-filter"));
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    if (!table || !table.tBodies.length || !input || !status) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = null;
    var timer = 0;
    var last = "";

    function apply() {
      var query = fold(input.value).replace(/\s+/g, " ").trim();
      if (query === last && texts) {
        return;
      }
      last = query;
      if (!texts) {
        texts = rows.map(function (l) { return fold(l.textContent); });
      }
      var words = query === "" ? [] : query.split(" ");
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var keep = true;
        for (var j = 0; j < words.length; j++) {
          if (texts[i].indexOf(words[j]) < 0) { keep = false; break; }
        }
        if (rows[i].hidden === keep) { rows[i].hidden = !keep; }
        if (keep) { shown++; }
      }
      status.textContent = message(shown, rows.length, words.length > 0);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, rows.length > 2000 ? 250 : 120);
    });
    input.addEventListener("search", apply);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { clearTimeout(timer); apply(); }
    });
    box.hidden = false;
    if (input.value) { apply(); }
  }

  function start() {
    var boxes = document.querySelectorAll("[data-filter]");
    for (var i = 0; i < boxes.length; i++) { install(boxes[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
