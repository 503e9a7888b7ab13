// The web app's weight on the wire: the JavaScript index.html loads (its entry script and the
// entry's static imports, which it preloads), then what the first screens add — the login page
// a signed-out visitor gets, and the portal after signing in. Gzip level 9 (and Brotli, which
// the server sends when the browser takes it: web/tools/precompress.ts). The budget for the
// first screen is 250 KB gzipped (issue 8). Builds dist/web first when it is stale.
//
//   npm run bench:web
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { OUT_DIR, ensureWebBuild } from '../web/tools/build.js';

const BUDGET_GZIP = 250 * 1024;

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

const sizes = new Map<string, Sizes>();

async function sizeOf(file: string): Promise<Sizes> {
  const known = sizes.get(file);
  if (known) return known;
  const data = await readFile(path.join(OUT_DIR, file));
  const s = {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  sizes.set(file, s);
  return s;
}

/** `assets/x.js` and everything it imports statically (not `import()`), transitively. */
async function closure(files: Iterable<string>): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(path.join(OUT_DIR, file), 'utf8');
    // Minified static imports: `import{a as b}from"./c.js"` and `import"./d.js"`.
    for (const m of text.matchAll(/\bimport\s*(?:[\w$*{},\s]+?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(file), m[1]!));
    }
  }
  return seen;
}

async function total(files: Iterable<string>): Promise<Sizes> {
  const out = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const s = await sizeOf(f);
    out.raw += s.raw;
    out.gzip += s.gzip;
    out.brotli += s.brotli;
  }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function row(label: string, s: Sizes): string {
  return `${label.padEnd(44)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`;
}

/** The chunk Vite named after a screen's module (`sign-in-page-<hash>.js`). */
async function chunkOf(name: string, all: string[]): Promise<string> {
  const found = all.find((f) => new RegExp(`^assets/${name}-[\\w-]+\\.js$`).test(f));
  if (!found) throw new Error(`no chunk for ${name} in dist/web/assets`);
  return found;
}

async function main(): Promise<void> {
  const built = await ensureWebBuild({ quiet: true });
  const html = await readFile(path.join(OUT_DIR, 'index.html'), 'utf8');
  const strip = (p: string) => p.replace(/^\//, '');
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => strip(m[1]!));
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => strip(m[1]!));
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => strip(m[1]!));
  if (scripts.length === 0) throw new Error('index.html loads no module script');
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /<style\b/.test(html)) throw new Error('index.html has inline script or style (the CSP refuses them)');

  const entry = await closure([...scripts, ...preloads]);
  const all = (await readdir(path.join(OUT_DIR, 'assets'))).map((f) => `assets/${f}`);
  const login = await closure([...entry, await chunkOf('sign-in-page', all)]);
  const portal = await closure([...entry, await chunkOf('shell-layout', all), await chunkOf('portal-page', all)]);

  console.log(`dist/web ${built === 'built' ? 'built now' : 'up to date'}\n`);
  console.log(`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const f of [...entry].sort()) console.log(row(`  ${f}`, await sizeOf(f)));
  const entryTotal = await total(entry);
  console.log(row(`JS loaded by index.html (${entry.size} files)`, entryTotal));
  console.log(row('CSS loaded by index.html', await total(styles)));
  console.log(row(`first screen, signed out: /login (${login.size} files)`, await total(login)));
  console.log(row(`first screen, signed in: / portal (${portal.size} files)`, await total(portal)));
  const worst = Math.max(entryTotal.gzip, (await total(login)).gzip, (await total(portal)).gzip);
  console.log(`\nbudget: ${kb(BUDGET_GZIP)} gzipped for the first screen — ${worst <= BUDGET_GZIP ? 'within' : 'OVER'} (largest: ${kb(worst)})`);
  if (worst > BUDGET_GZIP) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
