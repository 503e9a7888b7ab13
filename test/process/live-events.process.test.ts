// Live events in the server as an operator runs it: with WORKERS=2 and no Redis, the workers
// hear each other's events through their primary, and SIGTERM ends open streams rather than
// waiting for them. Read with fetch and a stream reader, as a browser's code would.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'a long admin password';

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ENGAWA_ADMIN_LOGIN: 'admin', ENGAWA_ADMIN_PASSWORD: PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (out += b));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function until<T>(get: () => T | undefined, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('live events in the server process', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('passes events between two workers without Redis, and stops on SIGTERM with a stream open', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engawa-live-'));
    dirs.push(dir);
    const s = start({ DATA_DIR: dir, WORKERS: '2' });
    children.push(s.child);
    const listening = () => [...s.output().matchAll(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/g)].map((m) => m[1]!);
    const url = await until(() => (listening().length >= 2 ? listening()[0] : undefined));
    const admin = { 'x-cybozu-authorization': Buffer.from(`admin:${PASSWORD}`).toString('base64'), 'content-type': 'application/json' };

    const space = await fetch(`${url}/k/v1/space.json`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Live', members: [{ entity: { type: 'USER', code: 'admin' }, isAdmin: true }] }) });
    expect(space.status).toBe(200);
    const { id, defaultThread } = (await space.json()) as { id: string; defaultThread: string };
    const signIn = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' }, body: JSON.stringify({ login: 'admin', password: PASSWORD }) });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

    const stream = await fetch(`${url}/api/events?thread=${defaultThread}`, { headers: { cookie, accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const closed = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    })().catch(() => {});
    await until(() => (text.includes('"kind":"ready"') ? true : undefined));

    // Each comment on a connection of its own: the primary hands connections to both workers.
    const comments: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${url}/k/v1/space/thread/comment.json`, {
        method: 'POST',
        headers: { ...admin, connection: 'close' },
        body: JSON.stringify({ space: id, thread: defaultThread, comment: { text: `comment ${i}` } }),
      });
      expect(res.status).toBe(200);
      comments.push(((await res.json()) as { id: string }).id);
    }
    const heard = () => [...text.matchAll(/"commentId":"(\d+)"/g)].map((m) => m[1]);
    await until(() => (heard().length === comments.length ? true : undefined), 5_000);
    expect(heard()).toEqual(comments);
    expect(text).not.toContain('comment 0');
    // And some of them were indeed written by the worker that does not hold the stream.
    const pidsOf = (url: string) => new Set([...s.output().matchAll(/"pid":(\d+)[^\n]*"url":"([^"]+)"/g)].filter((m) => m[2]!.startsWith(url)).map((m) => m[1]));
    const streamPid = [...pidsOf('/api/events')][0];
    expect([...pidsOf('/k/v1/space/thread/comment.json')].some((pid) => pid !== streamPid)).toBe(true);

    const stopping = Date.now();
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000);
    await closed;
  }, 120_000); // three processes compiling TypeScript at start: slow on a busy machine
});
