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

// serve serves dir read-only on 127.0.0.1, on a port the system picks, as
// a web server would publish the build (file:// pages cannot be audited
// whole: axe reads the stylesheets, which file:// origins refuse).
export async function serve(dir) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
      let file = resolve(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw new Error("hors du dossier");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("introuvable");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (name) => origin + "/" + name.split(sep).map(encodeURIComponent).join("/"),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// launch launches Chromium with a fresh, empty profile folder and returns a
// browser context; close() closes it and removes the profile. Requests to
// anything but origin (the local server) are refused and noted.
export async function launch({ javaScriptEnabled = true, viewport = { width: 1280, height: 900 }, origin = "" } = {}) {
  const profile = await mkdtemp(join(tmpdir(), "registre-a11y-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled,
    viewport,
    locale: "fr-CA",
    reducedMotion: "reduce",
  });
  // No network at all: anything that is not the local server is refused and noted.
  const blocked = [];
  await context.route(
    (url) => !(origin && url.href.startsWith(origin + "/")),
    (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  return {
    context,
    blocked,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// listPages lists every *.html file under dir (sorted, node_modules skipped).
export async function listPages(dir) {
  const root = resolve(dir);
  const out = [];
  async function walk(d) {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules") await walk(p);
      } else if (e.isFile() && e.name.endsWith(".html")) {
        out.push({ path: p, name: relative(root, p) });
      }
    }
  }
  const s = await stat(root).catch(() => null);
  if (!s || !s.isDirectory()) {
    throw new Error(`dossier introuvable : ${dir}`);
  }
  await walk(root);
  return out;
}
