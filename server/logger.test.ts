// What the request log keeps of a URL: never a bearer secret, wherever a client put it.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function logged(url: string): string {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  createLogger('info', sink).info({ req: { method: 'GET', url } }, 'request');
  return JSON.parse(lines[0]!).req.url as string;
}

describe('the request log', () => {
  it('redacts invitation and password-reset tokens and request tokens, and keeps the rest', () => {
    expect(logged('/api/invitations/AbC123-secret')).toBe('/api/invitations/[redacted]');
    expect(logged('/api/invitations/AbC123-secret/register')).toBe('/api/invitations/[redacted]/register');
    expect(logged('/api/password-reset/tok3n?x=1')).toBe('/api/password-reset/[redacted]?x=1');
    expect(logged('/k/v1/record.json?__REQUEST_TOKEN__=abc&app=1')).toBe('/k/v1/record.json?__REQUEST_TOKEN__=[redacted]&app=1');
    expect(logged('/k/v1/records.json?app=1')).toBe('/k/v1/records.json?app=1');
  });
});
