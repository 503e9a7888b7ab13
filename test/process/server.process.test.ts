// The server as an operator runs it: `npm start`'s entry point in a child process.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (err += b));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`exited with ${code}: ${err || out}`));
    });
  });
  listening.catch(() => {}); // a start that is meant to fail is awaited through `exited`
  return { child, exited, listening, output: () => out, errors: () => err };
}

describe('the server process', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  function tempDir(): string {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'engawa-'));
    dirs.push(d);
    return d;
  }

  it('refuses to start on bad configuration, listing every problem', async () => {
    const s = start({ DATA_DIR: tempDir(), PORT: 'eighty', DATABASE_URL: 'mysql://nope', ENGAWA_ADMIN_LOGIN: 'root' });
    children.push(s.child);
    expect(await s.exited).toBe(1);
    expect(s.errors()).toContain('PORT');
    expect(s.errors()).toContain('DATABASE_URL');
    expect(s.errors()).toContain('ENGAWA_ADMIN_PASSWORD');
    expect(s.errors()).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('creates and migrates its database on first start, prints the setup link, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const s = start({ DATA_DIR: dir });
    children.push(s.child);
    const url = await s.listening;
    expect(fs.existsSync(path.join(dir, 'engawa.sqlite'))).toBe(true);
    expect(s.output()).toMatch(/\/setup#token=[A-Za-z0-9_-]{43}/);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const headers = Object.fromEntries(health.headers);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['cache-control']).toBe('no-store');

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${url}/v1/users.json`, {
      headers: { 'x-cybozu-authorization': Buffer.from('nobody:wrong password').toString('base64') },
    });
    // SIGTERM once the server has begun handling it (the wrong password then costs an argon2 run).
    while (!s.output().includes('"url":"/v1/users.json"')) await new Promise((r) => setTimeout(r, 2));
    s.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(401);
    expect(await s.exited).toBe(0);
    expect(s.output()).toContain('"msg":"stopped"');
  });

  it('serves one port from several workers with WORKERS, replaces a worker that dies, and stops them all on SIGTERM', async () => {
    const dir = tempDir();
    const s = start({ DATA_DIR: dir, WORKERS: '2' });
    children.push(s.child);
    const url = await s.listening;
    const listening = () => s.output().match(/Server listening at http:\/\/127\.0\.0\.1:\d+/g) ?? [];
    while (listening().length < 2) await new Promise((r) => setTimeout(r, 20));
    expect(new Set(listening()).size).toBe(1); // the same port
    // Migrations and the setup link happen once, in the primary.
    expect(s.output().match(/Create one here/g)).toHaveLength(1);
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/healthz`)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));

    const pids = [...s.output().matchAll(/"pid":(\d+)/g)].map((m) => Number(m[1])).filter((p) => p !== s.child.pid);
    process.kill(pids[0]!, 'SIGKILL');
    while (!s.output().includes('a worker stopped; starting another')) await new Promise((r) => setTimeout(r, 20));
    while (listening().length < 3) await new Promise((r) => setTimeout(r, 20));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.output().match(/"msg":"stopped"/g)).toHaveLength(3); // two workers, then the primary
    // Three processes each compile the server with tsx: on a busy 2-core machine that alone can
    // pass the default 30 s.
  }, 120_000);
});
