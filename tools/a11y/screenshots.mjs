#!/usr/bin/env node
// Usage: node screenshots.mjs FOLDER OUT_FOLDER
//        node screenshots.mjs --readme FOLDER OUT.png   (the README's capture)
//
// Writes, for every *.html page of FOLDER, a full-page screenshot at a wide
// screen's width (1920 px), a desktop's (1280 px) and a phone's (390 px):
// NAME.1920.png, NAME.1280.png and NAME.390.png.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { launch, listPages, serve } from "./browser.mjs";

const FORMATS = [
  { name: "1920", viewport: { width: 1920, height: 1080 } },
  { name: "1280", viewport: { width: 1280, height: 900 } },
  { name: "390", viewport: { width: 390, height: 844 } },
];
// Beyond this height, only the top of the page is captured.
const MAX_HEIGHT = 12000;

// readme captures the top of the communications register at a desktop's
// width: the picture at the top of the README (docs/capture-communications.png).
async function readme(folder, out) {
  const server = await serve(folder);
  const browser = await launch({ viewport: { width: 1280, height: 1600 }, origin: server.origin });
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url("communications.html"), { waitUntil: "load" });
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1280, height: 1600 } });
    console.log(`${out} (1280 × 1600)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  if (process.argv[2] === "--readme") {
    if (process.argv.length !== 5) {
      console.error("Usage : node screenshots.mjs --readme DOSSIER FICHIER.png");
      process.exit(2);
    }
    return readme(process.argv[3], process.argv[4]);
  }
  const [folder, outDir] = process.argv.slice(2);
  if (!folder || !outDir || process.argv.length > 4) {
    console.error("Usage : node screenshots.mjs DOSSIER DOSSIER_SORTIE");
    process.exit(2);
  }
  const list = await listPages(folder);
  const server = await serve(folder);
  for (const f of FORMATS) {
    const browser = await launch({ viewport: f.viewport, origin: server.origin });
    try {
      for (const p of list) {
        const page = await browser.context.newPage();
        await page.goto(server.url(p.name), { waitUntil: "load" });
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = join(outDir, p.name.replace(/\.html$/, `.${f.name}.png`));
        await mkdir(dirname(file), { recursive: true });
        if (height <= MAX_HEIGHT) {
          await page.screenshot({ path: file, fullPage: true });
        } else {
          await page.screenshot({ path: file, clip: { x: 0, y: 0, width: f.viewport.width, height: MAX_HEIGHT } });
        }
        console.log(`${file} (${f.viewport.width} × ${Math.min(height, MAX_HEIGHT)})`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
  await server.close();
}

main().catch((e) => {
  console.error(`Erreur : ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
