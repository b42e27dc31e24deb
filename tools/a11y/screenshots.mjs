#!/usr/bin/env node
// Usage : node screenshots.mjs DOSSIER DOSSIER_SORTIE
//
// Écrit, pour chaque page *.html du dossier, une capture pleine page en
// format ordinateur (1280 px de large) et en format téléphone (390 px) :
// NOM.ordinateur.png et NOM.telephone.png.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ouvrir, pages, servir } from "./navigateur.mjs";

const FORMATS = [
  { nom: "ordinateur", viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
  { nom: "telephone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
];
// Beyond this height, only the top of the page is captured.
const HAUTEUR_MAX = 12000;

async function main() {
  const [dossier, sortie] = process.argv.slice(2);
  if (!dossier || !sortie || process.argv.length > 4) {
    console.error("Usage : node screenshots.mjs DOSSIER DOSSIER_SORTIE");
    process.exit(2);
  }
  const liste = await pages(dossier);
  const serveur = await servir(dossier);
  for (const f of FORMATS) {
    const nav = await ouvrir({ viewport: f.viewport, origine: serveur.origine });
    try {
      for (const p of liste) {
        const page = await nav.contexte.newPage();
        await page.goto(serveur.url(p.nom), { waitUntil: "load" });
        const hauteur = await page.evaluate(() => document.documentElement.scrollHeight);
        const fichier = join(sortie, p.nom.replace(/\.html$/, `.${f.nom}.png`));
        await mkdir(dirname(fichier), { recursive: true });
        if (hauteur <= HAUTEUR_MAX) {
          await page.screenshot({ path: fichier, fullPage: true });
        } else {
          await page.screenshot({ path: fichier, clip: { x: 0, y: 0, width: f.viewport.width, height: HAUTEUR_MAX } });
        }
        console.log(`${fichier} (${f.viewport.width} × ${Math.min(hauteur, HAUTEUR_MAX)})`);
        await page.close();
      }
    } finally {
      await nav.fermer();
    }
  }
  await serveur.fermer();
}

main().catch((e) => {
  console.error(`Erreur : ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
