/* registre — filtre des inscriptions.
   Sans JavaScript, la boîte de filtre reste cachée et le tableau complet est
   affiché. Aucune requête réseau. */
(function () {
  "use strict";

  function normaliser(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ");
  }

  function nombre(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }

  function message(visibles, total, actif) {
    if (!actif) {
      return total === 1 ? "1 inscription affichée." : "Les " + nombre(total) + " inscriptions sont affichées.";
    }
    if (visibles === 0) {
      return "Aucune inscription ne correspond au filtre (" + nombre(total) + " au total).";
    }
    return nombre(visibles) + (visibles === 1 ? " inscription affichée" : " inscriptions affichées") +
      " sur " + nombre(total) + ".";
  }

  function installer(boite) {
    var tableau = document.getElementById(boite.getAttribute("data-filtre"));
    var champ = boite.querySelector("input");
    var statut = boite.querySelector("[role=status]");
    if (!tableau || !tableau.tBodies.length || !champ || !statut) {
      return;
    }
    var lignes = Array.prototype.slice.call(tableau.tBodies[0].rows);
    var textes = null;
    var minuterie = 0;
    var dernier = "";

    function appliquer() {
      var saisie = normaliser(champ.value).trim();
      if (saisie === dernier && textes) {
        return;
      }
      dernier = saisie;
      if (!textes) {
        textes = lignes.map(function (l) { return normaliser(l.textContent); });
      }
      var mots = saisie === "" ? [] : saisie.split(" ");
      var visibles = 0;
      for (var i = 0; i < lignes.length; i++) {
        var garder = true;
        for (var j = 0; j < mots.length; j++) {
          if (textes[i].indexOf(mots[j]) < 0) { garder = false; break; }
        }
        if (lignes[i].hidden === garder) { lignes[i].hidden = !garder; }
        if (garder) { visibles++; }
      }
      statut.textContent = message(visibles, lignes.length, mots.length > 0);
    }

    champ.addEventListener("input", function () {
      clearTimeout(minuterie);
      minuterie = setTimeout(appliquer, lignes.length > 2000 ? 250 : 120);
    });
    champ.addEventListener("search", appliquer);
    champ.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { clearTimeout(minuterie); appliquer(); }
    });
    boite.hidden = false;
    if (champ.value) { appliquer(); }
  }

  function demarrer() {
    var boites = document.querySelectorAll("[data-filtre]");
    for (var i = 0; i < boites.length; i++) { installer(boites[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", demarrer);
  } else {
    demarrer();
  }
})();
