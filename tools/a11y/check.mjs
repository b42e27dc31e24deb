#!/usr/bin/env node
// Usage : node check.mjs DOSSIER
//
// Sert le dossier sur 127.0.0.1 (lecture seule, aucun autre accès réseau),
// ouvre chaque page *.html dans Chromium,
// y injecte axe-core et vérifie les critères WCAG 2.0 et 2.1 niveaux A et AA
// (standard SGQRI 008 3.0). Vérifie aussi que la boîte de filtre filtre les
// inscriptions et annonce leur nombre, et que, sans JavaScript, la boîte est
// cachée et le tableau complet affiché.
//
// Code de sortie : 0 aucun problème, 1 au moins un problème, 2 erreur d'usage.
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { ouvrir, pages, servir } from "./navigateur.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const AXE_FR = require.resolve("axe-core/locales/fr.json");
const ETIQUETTES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// Time allowed for a page to load or react: a register of 10 000 entries is
// a page of tens of megabytes.
const DELAI = 180000;
const IMPACT = { critical: "critique", serious: "grave", moderate: "modéré", minor: "mineur" };

let problemes = 0;

function signaler(page, message) {
  problemes++;
  console.log(`✗ ${page} : ${message}`);
}

async function auditer(page, nom, locale) {
  await page.addScriptTag({ path: AXE });
  const resultat = await page.evaluate(
    async ({ locale, etiquettes }) => {
      window.axe.configure({ locale });
      const r = await window.axe.run(document, {
        runOnly: { type: "tag", values: etiquettes },
        resultTypes: ["violations", "incomplete"],
      });
      const simplifier = (v) => ({
        id: v.id,
        impact: v.impact,
        aide: v.help,
        url: v.helpUrl,
        noeuds: v.nodes.map((n) => ({ cible: n.target.join(" "), resume: n.failureSummary || "" })),
      });
      return { violations: r.violations.map(simplifier), incomplets: r.incomplete.length, regles: r.passes ? r.passes.length : 0 };
    },
    { locale, etiquettes: ETIQUETTES },
  );
  for (const v of resultat.violations) {
    signaler(nom, `violation « ${v.id} » (${IMPACT[v.impact] || v.impact || "?"}) — ${v.aide}`);
    console.log(`    Règle : ${v.url}`);
    for (const n of v.noeuds.slice(0, 10)) {
      console.log(`    Élément : ${n.cible}`);
      for (const ligne of n.resume.split("\n")) if (ligne.trim()) console.log(`      ${ligne.trim()}`);
    }
    if (v.noeuds.length > 10) console.log(`    … et ${v.noeuds.length - 10} autres éléments`);
  }
  return resultat;
}

// lignesVisibles counts the body rows of the register table that are shown.
function lignesVisibles(page) {
  return page.evaluate(() => {
    const t = document.getElementById("tableau");
    if (!t || !t.tBodies.length) return { visibles: 0, total: 0 };
    const lignes = Array.from(t.tBodies[0].rows);
    return {
      total: lignes.length,
      visibles: lignes.filter((l) => l.getClientRects().length > 0 && getComputedStyle(l).display !== "none").length,
    };
  });
}

async function verifierFiltre(page, nom) {
  const boite = page.locator("[data-filtre]");
  if ((await boite.count()) === 0) return "pas de tableau";
  if (!(await boite.isVisible())) {
    signaler(nom, "avec JavaScript, la boîte de filtre reste cachée");
    return "";
  }
  const champ = page.getByLabel("Filtrer les inscriptions");
  if ((await champ.count()) !== 1) {
    signaler(nom, "le champ « Filtrer les inscriptions » est introuvable par son étiquette");
    return "";
  }
  const statut = page.locator("#filtre-statut");
  if ((await statut.getAttribute("aria-live")) !== "polite" && (await statut.getAttribute("role")) !== "status") {
    signaler(nom, "le nombre d'inscriptions affichées n'est pas dans une zone aria-live");
  }
  const { total } = await lignesVisibles(page);
  // The last row's id must find that row.
  const id = await page.evaluate(() => {
    const t = document.getElementById("tableau");
    const l = t.tBodies[0].rows[t.tBodies[0].rows.length - 1];
    return l.cells[0].textContent.trim();
  });
  // The script announces the count once it has filtered: wait for the new
  // announcement rather than for a fixed time (a long register takes longer).
  let precedent = (await statut.textContent()) || "";
  const saisir = async (texte) => {
    await champ.fill(texte);
    try {
      await page.waitForFunction((avant) => document.getElementById("filtre-statut").textContent !== avant, precedent, {
        timeout: DELAI,
      });
    } catch {
      signaler(nom, `après la saisie de « ${texte} », le nombre d'inscriptions affichées n'est pas annoncé`);
    }
    precedent = (await statut.textContent()) || "";
  };
  await saisir(id);
  let { visibles } = await lignesVisibles(page);
  const derniereVisible = await page.evaluate(() => {
    const t = document.getElementById("tableau");
    const l = t.tBodies[0].rows[t.tBodies[0].rows.length - 1];
    return !l.hidden;
  });
  if (visibles < 1 || !derniereVisible) signaler(nom, `le filtre « ${id} » ne montre pas l'inscription ${id}`);
  let annonce = (await statut.textContent()).trim();
  if (!/affichée/.test(annonce)) signaler(nom, `après filtrage, l'annonce est « ${annonce} »`);
  const apresId = visibles;

  await saisir("zzqx-aucune-inscription");
  ({ visibles } = await lignesVisibles(page));
  annonce = (await statut.textContent()).trim();
  if (visibles !== 0) signaler(nom, `un filtre sans correspondance laisse ${visibles} inscriptions`);
  if (!/^Aucune inscription/.test(annonce)) signaler(nom, `sans correspondance, l'annonce est « ${annonce} »`);

  await saisir("");
  ({ visibles } = await lignesVisibles(page));
  if (visibles !== total) signaler(nom, `filtre vidé : ${visibles} inscriptions affichées sur ${total}`);
  return `filtre : « ${id} » → ${apresId}/${total}, sans correspondance → 0, vidé → ${visibles}/${total}`;
}

async function verifierSansJS(contexte, url, p) {
  const page = await contexte.newPage();
  page.setDefaultTimeout(DELAI);
  try {
    await page.goto(url, { waitUntil: "load" });
    const boite = page.locator("[data-filtre]");
    if ((await boite.count()) > 0 && (await boite.isVisible())) {
      signaler(p.nom, "sans JavaScript, la boîte de filtre est affichée alors qu'elle ne peut pas servir");
    }
    const { visibles, total } = await lignesVisibles(page);
    if (visibles !== total) signaler(p.nom, `sans JavaScript, ${visibles} inscriptions affichées sur ${total}`);
    return total;
  } finally {
    await page.close();
  }
}

async function main() {
  const dossier = process.argv[2];
  if (!dossier || process.argv.length > 3) {
    console.error("Usage : node check.mjs DOSSIER");
    process.exit(2);
  }
  const liste = await pages(dossier);
  if (liste.length === 0) {
    console.error(`Aucune page .html dans ${dossier}`);
    process.exit(2);
  }
  const locale = JSON.parse(await readFile(AXE_FR, "utf8"));
  const serveur = await servir(dossier);
  const avecJS = await ouvrir({ javaScriptEnabled: true, origine: serveur.origine });
  const sansJS = await ouvrir({ javaScriptEnabled: false, origine: serveur.origine });
  try {
    for (const p of liste) {
      const avant = problemes;
      const page = await avecJS.contexte.newPage();
      page.setDefaultTimeout(DELAI);
      const erreurs = [];
      page.on("pageerror", (e) => erreurs.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") erreurs.push(m.text());
      });
      const url = serveur.url(p.nom);
      const reponse = await page.goto(url, { waitUntil: "load" });
      if (!reponse || !reponse.ok()) signaler(p.nom, `page non servie (${reponse ? reponse.status() : "aucune réponse"})`);
      if ((await page.getAttribute("html", "lang")) !== "fr-CA") signaler(p.nom, "<html lang> n'est pas « fr-CA »");
      const filtre = await verifierFiltre(page, p.nom);
      const axe = await auditer(page, p.nom, locale);
      for (const e of erreurs) signaler(p.nom, `erreur JavaScript : ${e}`);
      await page.close();
      const total = await verifierSansJS(sansJS.contexte, url, p);
      const etat = problemes === avant ? "✓" : "✗";
      console.log(`${etat} ${p.nom} : ${axe.violations.length} violation(s) axe, ${axe.incomplets} à vérifier à la main ; ${filtre} ; sans JavaScript : ${total} inscription(s) affichée(s)`);
    }
    for (const r of [...avecJS.requetes, ...sansJS.requetes]) signaler("réseau", `requête refusée : ${r}`);
  } finally {
    await avecJS.fermer();
    await sansJS.fermer();
    await serveur.fermer();
  }
  console.log(
    problemes === 0
      ? `Accessibilité : ${liste.length} page(s) vérifiée(s), aucun problème (${ETIQUETTES.join(", ")}).`
      : `Accessibilité : ${problemes} problème(s) dans ${liste.length} page(s).`,
  );
  process.exit(problemes === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(`Erreur : ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
