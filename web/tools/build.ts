// Builds the web app into dist/web, or — with --if-stale — only when its sources changed since
// the last build (a hash of them is kept beside the output). `npm install`/`npm ci` (prepare)
// and `npm start` (prestart) run it, so a fresh clone needs only the README's two commands.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const WEB_DIR = path.join(ROOT, 'web');
export const OUT_DIR = path.join(ROOT, 'dist/web');
const HASH_FILE = path.join(OUT_DIR, '.source-hash');

/** What the build reads: the app, the shared code it imports, and the locked dependencies. */
const INPUTS = ['web/index.html', 'web/public.html', 'web/vite.config.ts', 'web/tsconfig.json', 'web/src', 'web/public', 'web/tools', 'common', 'package-lock.json'];

async function listFiles(rel: string): Promise<string[]> {
  const full = path.join(ROOT, rel);
  try {
    const entries = await readdir(full, { withFileTypes: true });
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(path.join(rel, e.name)) : Promise.resolve([path.join(rel, e.name)]))));
    return nested.flat();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return [rel];
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** A hash of every input file's path and content (tests never change what is built). */
export async function sourceHash(): Promise<string> {
  const files = (await Promise.all(INPUTS.map(listFiles))).flat().filter((f) => !/\.test\.tsx?$/.test(f)).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.split(path.sep).join('/')).update('\0');
    hash.update(await readFile(path.join(ROOT, file))).update('\0');
  }
  return hash.digest('hex');
}

export async function isBuildCurrent(): Promise<boolean> {
  try {
    const [stored] = await Promise.all([readFile(HASH_FILE, 'utf8'), readFile(path.join(OUT_DIR, 'index.html'))]);
    return stored.trim() === (await sourceHash());
  } catch {
    return false;
  }
}

export async function buildWeb(options: { quiet?: boolean } = {}): Promise<void> {
  const hash = await sourceHash();
  // A process of its own with NODE_ENV=production: run from a test runner (NODE_ENV=test), an
  // in-process build would bundle React's development build.
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--config', path.join(WEB_DIR, 'vite.config.ts'), '--logLevel', options.quiet ? 'warn' : 'info'];
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (stdout) process.stdout.write(stdout);
  if (stderr) process.stderr.write(stderr);
  await writeFile(HASH_FILE, `${hash}\n`);
}

/** Builds unless dist/web already holds a build of exactly these sources. */
export async function ensureWebBuild(options: { quiet?: boolean } = {}): Promise<'current' | 'built'> {
  if (await isBuildCurrent()) return 'current';
  await buildWeb(options);
  return 'built';
}

async function main(): Promise<void> {
  if (!process.argv.includes('--if-stale')) return buildWeb();
  const result = await ensureWebBuild();
  if (result === 'current') console.log('web app: dist/web is up to date');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
