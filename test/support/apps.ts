// Building apps for tests through the API, as a user would.
import { expect } from 'vitest';
import type { Persona, TestDomain } from './app.js';

export async function deployedApp(d: TestDomain, properties: Record<string, unknown>, opts: { as?: Persona; name?: string; code?: string } = {}): Promise<number> {
  const as = opts.as ?? d.admin;
  const created = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as, payload: { name: opts.name ?? 'Test app' } });
  expect(created.statusCode).toBe(200);
  const app = Number(created.json().app);
  const fields = await d.request({ method: 'POST', url: '/k/v1/preview/app/form/fields.json', as, payload: { app, properties } });
  expect(fields.statusCode, fields.body).toBe(200);
  if (opts.code) await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as, payload: { app, code: opts.code } });
  const deploy = await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as, payload: { apps: [{ app }] } });
  expect(deploy.statusCode, deploy.body).toBe(200);
  return app;
}
