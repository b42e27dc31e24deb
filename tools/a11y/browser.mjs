// Shared helpers: launch Debian's Chromium through playwright-core (no
// browser download), list the pages of a folder, refuse any network request.
import { chromium } from "playwright-core";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, relative, resolve, sep } from "node:path";

export const CHROMIUM = process.env.REGISTRE_CHROMIUM || "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

// servir serves dir read-only on 127.0.0.1, on a port the system picks, as
// a web server would publish the build (file:// pages cannot be audited
// whole: axe reads the stylesheets, which file:// origins refuse).
export async function servir(dir) {
  const racine = resolve(dir);
  const serveur = createServer(async (req, res) => {
    try {
      const chemin = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
      let fichier = resolve(join(racine, chemin));
      if (fichier !== racine && !fichier.startsWith(racine + sep)) throw new Error("hors du dossier");
      if ((await stat(fichier)).isDirectory()) fichier = join(fichier, "index.html");
      const corps = await readFile(fichier);
      res.writeHead(200, { "Content-Type": TYPES[extname(fichier)] || "application/octet-stream" });
      res.end(corps);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("introuvable");
    }
  });
  await new Promise((ok, ko) => {
    serveur.once("error", ko);
    serveur.listen(0, "127.0.0.1", ok);
  });
  const origine = `http://127.0.0.1:${serveur.address().port}`;
  return {
    origine,
    url: (nom) => origine + "/" + nom.split(sep).map(encodeURIComponent).join("/"),
    fermer: () => new Promise((ok) => serveur.close(ok)),
  };
}

// ouvrir launches Chromium with a fresh, empty profile folder and returns a
// browser context; fermer() closes it and removes the profile. Requests to
// anything but origine (the local server) are refused and noted.
export async function ouvrir({ javaScriptEnabled = true, viewport = { width: 1280, height: 900 }, origine = "" } = {}) {
  const profil = await mkdtemp(join(tmpdir(), "registre-a11y-"));
  const contexte = await chromium.launchPersistentContext(profil, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled,
    viewport,
    locale: "fr-CA",
    reducedMotion: "reduce",
  });
  // No network at all: anything that is not the local server is refused and noted.
  const requetes = [];
  await contexte.route(
    (url) => !(origine && url.href.startsWith(origine + "/")),
    (route) => {
      requetes.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  return {
    contexte,
    requetes,
    async fermer() {
      await contexte.close();
      await rm(profil, { recursive: true, force: true });
    },
  };
}

// pages lists every *.html file under dir (sorted, node_modules skipped).
export async function pages(dir) {
  const racine = resolve(dir);
  const out = [];
  async function parcourir(d) {
    const entrees = await readdir(d, { withFileTypes: true });
    entrees.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entrees) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules") await parcourir(p);
      } else if (e.isFile() && e.name.endsWith(".html")) {
        out.push({ chemin: p, nom: relative(racine, p) });
      }
    }
  }
  const s = await stat(racine).catch(() => null);
  if (!s || !s.isDirectory()) {
    throw new Error(`dossier introuvable : ${dir}`);
  }
  await parcourir(racine);
  return out;
}
