// Building apps for tests through the API, as a user would.
import { expect } from 'vitest';
import type { Persona, TestDomain } from './app.js';

/**
 * An app with these fields, deployed. `space` puts it in a space; `guestSpace` in a guest space
 * (every call then goes under /k/guest/{id}/v1/, as kintone requires).
 */
export async function deployedApp(
  d: TestDomain,
  properties: Record<string, unknown>,
  opts: { as?: Persona; name?: string; code?: string; space?: number; guestSpace?: number } = {},
): Promise<number> {
  const as = opts.as ?? d.admin;
  const k = opts.guestSpace ? `/k/guest/${opts.guestSpace}/v1` : '/k/v1';
  const space = opts.guestSpace ?? opts.space;
  const created = await d.request({ method: 'POST', url: `${k}/preview/app.json`, as, payload: { name: opts.name ?? 'Test app', ...(space ? { space } : {}) } });
  expect(created.statusCode, created.body).toBe(200);
  const app = Number(created.json().app);
  const fields = await d.request({ method: 'POST', url: `${k}/preview/app/form/fields.json`, as, payload: { app, properties } });
  expect(fields.statusCode, fields.body).toBe(200);
  if (opts.code) await d.request({ method: 'PUT', url: `${k}/preview/app/settings.json`, as, payload: { app, code: opts.code } });
  const deploy = await d.request({ method: 'POST', url: `${k}/preview/app/deploy.json`, as, payload: { apps: [{ app }] } });
  expect(deploy.statusCode, deploy.body).toBe(200);
  return app;
}
