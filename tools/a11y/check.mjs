#!/usr/bin/env node
// Usage: node check.mjs FOLDER
//
// Serves FOLDER on 127.0.0.1 (read only; any other request is refused), opens
// every *.html page in Chromium, injects axe-core and checks the WCAG 2.0 and
// 2.1 level A and AA criteria (SGQRI 008 3.0). Also checks that the filter
// box filters the entries and announces their number, and that without
// JavaScript the box is hidden and the whole table shows. At 1280 and 390
// px, nothing in the main content reaches past the window's edges and the
// « Communication à l'extérieur du Québec » values are in view; at 320 px the
// page does not scroll sideways (WCAG 1.4.10). Messages are in
// French, for the people who publish the registers.
//
// Exit status: 0 nothing found, 1 at least one problem, 2 usage error.
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { launch, listPages, serve } from "./browser.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const AXE_FR = require.resolve("axe-core/locales/fr.json");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// Time allowed for a page to load or react: a register of 10 000 entries is
// a page of tens of megabytes.
const TIMEOUT = 180000;
const IMPACT = { critical: "critique", serious: "grave", moderate: "modéré", minor: "mineur" };

let problems = 0;

function report(page, message) {
  problems++;
  console.log(`✗ ${page} : ${message}`);
}

async function audit(page, name, locale) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    async ({ locale, tags }) => {
      window.axe.configure({ locale });
      const r = await window.axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations", "incomplete"],
      });
      const simplify = (v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        url: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary || "" })),
      });
      return { violations: r.violations.map(simplify), incomplete: r.incomplete.length, rules: r.passes ? r.passes.length : 0 };
    },
    { locale, tags: TAGS },
  );
  for (const v of result.violations) {
    report(name, `violation « ${v.id} » (${IMPACT[v.impact] || v.impact || "?"}) — ${v.help}`);
    console.log(`    Règle : ${v.url}`);
    for (const n of v.nodes.slice(0, 10)) {
      console.log(`    Élément : ${n.target}`);
      for (const line of n.summary.split("\n")) if (line.trim()) console.log(`      ${line.trim()}`);
    }
    if (v.nodes.length > 10) console.log(`    … et ${v.nodes.length - 10} autres éléments`);
  }
  return result;
}

// visibleRows counts the body rows of the register table that are shown.
function visibleRows(page) {
  return page.evaluate(() => {
    const t = document.getElementById("register-table");
    if (!t || !t.tBodies.length) return { shown: 0, total: 0 };
    const rows = Array.from(t.tBodies[0].rows);
    return {
      total: rows.length,
      shown: rows.filter((l) => l.getClientRects().length > 0 && getComputedStyle(l).display !== "none").length,
    };
  });
}

async function checkFilter(page, name) {
  const box = page.locator("[data-filter]");
  if ((await box.count()) === 0) return "pas de tableau";
  if (!(await box.isVisible())) {
    report(name, "avec JavaScript, la boîte de filtre reste cachée");
    return "";
  }
  const input = page.getByLabel("Filtrer les inscriptions");
  if ((await input.count()) !== 1) {
    report(name, "le champ « Filtrer les inscriptions » est introuvable par son étiquette");
    return "";
  }
  const status = page.locator("#filter-status");
  if ((await status.getAttribute("aria-live")) !== "polite" && (await status.getAttribute("role")) !== "status") {
    report(name, "le nombre d'inscriptions affichées n'est pas dans une zone aria-live");
  }
  const { total } = await visibleRows(page);
  // The last row's id must find that row.
  const id = await page.evaluate(() => {
    const t = document.getElementById("register-table");
    const l = t.tBodies[0].rows[t.tBodies[0].rows.length - 1];
    return l.cells[0].textContent.trim();
  });
  // The script announces the count once it has filtered: wait for the new
  // announcement rather than for a fixed time (a long register takes longer).
  let previous = (await status.textContent()) || "";
  const type = async (text) => {
    await input.fill(text);
    try {
      await page.waitForFunction((before) => document.getElementById("filter-status").textContent !== before, previous, {
        timeout: TIMEOUT,
      });
    } catch {
      report(name, `après la saisie de « ${text} », le nombre d'inscriptions affichées n'est pas annoncé`);
    }
    previous = (await status.textContent()) || "";
  };
  await type(id);
  let { shown } = await visibleRows(page);
  const lastShown = await page.evaluate(() => {
    const t = document.getElementById("register-table");
    const l = t.tBodies[0].rows[t.tBodies[0].rows.length - 1];
    return !l.hidden;
  });
  if (shown < 1 || !lastShown) report(name, `le filtre « ${id} » ne montre pas l'inscription ${id}`);
  let announced = (await status.textContent()).trim();
  if (!/affichée/.test(announced)) report(name, `après filtrage, l'annonce est « ${announced} »`);
  const afterID = shown;

  await type("zzqx-aucune-inscription");
  ({ shown } = await visibleRows(page));
  announced = (await status.textContent()).trim();
  if (shown !== 0) report(name, `un filtre sans correspondance laisse ${shown} inscriptions`);
  if (!/^Aucune inscription/.test(announced)) report(name, `sans correspondance, l'annonce est « ${announced} »`);

  await type("");
  ({ shown } = await visibleRows(page));
  if (shown !== total) report(name, `filtre vidé : ${shown} inscriptions affichées sur ${total}`);
  return `filtre : « ${id} » → ${afterID}/${total}, sans correspondance → 0, vidé → ${shown}/${total}`;
}

// The column the law asks every register of communications to show.
const OUTSIDE = "Communication à l'extérieur du Québec";
// Widths at which a register must be read without scrolling sideways: a
// desktop and a phone. Between them the layout goes from table to cards.
const WIDTHS = [1280, 390];

// checkWidths checks, at each width of WIDTHS, that the page does not scroll
// sideways, that no element of the main content reaches past the window's
// edges, and that the values of the OUTSIDE column lie within the window.
// It returns what it saw, for the summary line.
async function checkWidths(page, name) {
  const seen = [];
  const before = problems;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const r = await page.evaluate((outside) => {
      const vw = window.innerWidth;
      const out = { scroll: document.scrollingElement.scrollWidth, vw, over: [], column: -1, values: 0, hidden: [] };
      const shown = (e) => {
        const s = getComputedStyle(e);
        return s.display !== "none" && s.visibility !== "hidden" && e.getClientRects().length > 0;
      };
      const describe = (e) => {
        let d = e.tagName.toLowerCase();
        if (e.id) d += "#" + e.id;
        if (e.className && typeof e.className === "string") d += "." + e.className.trim().split(/\s+/).join(".");
        const text = (e.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
        return text ? `${d} « ${text} »` : d;
      };
      for (const e of document.querySelectorAll("main *")) {
        const b = e.getBoundingClientRect();
        if (b.width <= 1 || b.height <= 1) continue; // visually hidden text
        if (b.right > vw + 0.5 || b.left < -0.5) {
          if (out.over.length < 5) out.over.push(`${describe(e)} (${Math.round(b.left)} → ${Math.round(b.right)} px)`);
        }
      }
      const t = document.getElementById("register-table");
      if (t && t.tHead && t.tHead.rows.length) {
        const heads = Array.from(t.tHead.rows[0].cells).map((c) => c.textContent.trim());
        out.column = heads.indexOf(outside);
        if (out.column >= 0) {
          for (const row of t.tBodies[0].rows) {
            if (row.hidden) continue;
            const cell = row.cells[out.column];
            const b = cell ? cell.getBoundingClientRect() : null;
            if (!cell || !shown(cell) || b.width <= 1 || b.left < -0.5 || b.right > vw + 0.5) {
              if (out.hidden.length < 5) out.hidden.push(row.cells[0].textContent.trim());
            } else {
              out.values++;
            }
          }
        }
      }
      return out;
    }, OUTSIDE);
    if (r.scroll > r.vw) report(name, `à ${width} px de large, la page défile horizontalement (${r.scroll} px)`);
    for (const o of r.over) report(name, `à ${width} px de large, un élément dépasse de la fenêtre : ${o}`);
    for (const id of r.hidden) report(name, `à ${width} px de large, la valeur « ${OUTSIDE} » de ${id} est hors de la fenêtre ou cachée`);
    if (r.column >= 0) seen.push(`« ${OUTSIDE} » visible à ${width} px (${r.values} valeurs)`);
  }
  if (problems > before) return `débordement à ${WIDTHS.join(" ou ")} px`;
  return seen.length ? seen.join(", ") : `aucun débordement à ${WIDTHS.join(" et ")} px`;
}

async function checkWithoutJS(context, url, p) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  try {
    await page.goto(url, { waitUntil: "load" });
    const box = page.locator("[data-filter]");
    if ((await box.count()) > 0 && (await box.isVisible())) {
      report(p.name, "sans JavaScript, la boîte de filtre est affichée alors qu'elle ne peut pas servir");
    }
    const { shown, total } = await visibleRows(page);
    if (shown !== total) report(p.name, `sans JavaScript, ${shown} inscriptions affichées sur ${total}`);
    return total;
  } finally {
    await page.close();
  }
}

async function main() {
  const folder = process.argv[2];
  if (!folder || process.argv.length > 3) {
    console.error("Usage : node check.mjs DOSSIER");
    process.exit(2);
  }
  const list = await listPages(folder);
  if (list.length === 0) {
    console.error(`Aucune page .html dans ${folder}`);
    process.exit(2);
  }
  const locale = JSON.parse(await readFile(AXE_FR, "utf8"));
  const server = await serve(folder);
  const withJS = await launch({ javaScriptEnabled: true, origin: server.origin });
  const withoutJS = await launch({ javaScriptEnabled: false, origin: server.origin });
  try {
    for (const p of list) {
      const before = problems;
      const page = await withJS.context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      const url = server.url(p.name);
      const response = await page.goto(url, { waitUntil: "load" });
      if (!response || !response.ok()) report(p.name, `page non servie (${response ? response.status() : "aucune réponse"})`);
      if ((await page.getAttribute("html", "lang")) !== "fr-CA") report(p.name, "<html lang> n'est pas « fr-CA »");
      const filter = await checkFilter(page, p.name);
      const axe = await audit(page, p.name, locale);
      const widths = await checkWidths(page, p.name);
      // Reflow (WCAG 1.4.10): at 320 CSS pixels the page never scrolls
      // sideways.
      await page.setViewportSize({ width: 320, height: 800 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) report(p.name, `à 320 px de large, la page défile horizontalement (${width} px)`);
      for (const e of errors) report(p.name, `erreur JavaScript : ${e}`);
      await page.close();
      const total = await checkWithoutJS(withoutJS.context, url, p);
      const state = problems === before ? "✓" : "✗";
      console.log(`${state} ${p.name} : ${axe.violations.length} violation(s) axe, ${axe.incomplete} à vérifier à la main ; ${filter} ; sans JavaScript : ${total} inscription(s) affichée(s) ; ${widths}`);
    }
    for (const r of [...withJS.blocked, ...withoutJS.blocked]) report("réseau", `requête refusée : ${r}`);
  } finally {
    await withJS.close();
    await withoutJS.close();
    await server.close();
  }
  console.log(
    problems === 0
      ? `Accessibilité : ${list.length} page(s) vérifiée(s), aucun problème (${TAGS.join(", ")}).`
      : `Accessibilité : ${problems} problème(s) dans ${list.length} page(s).`,
  );
  process.exit(problems === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(`Erreur : ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
