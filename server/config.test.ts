import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults that serve localhost:3000 from ./data on SQLite', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.baseUrl).toBe('http://localhost:3000');
    expect(c.database.kind).toBe('sqlite');
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.secureCookies).toBe(true);
    expect(Object.isFrozen(c) && Object.isFrozen(c.session)).toBe(true);
  });

  it('switches to PostgreSQL with a postgres:// DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/engawa' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/engawa' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/shared', DATABASE_SCHEMA: 'engawa' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/shared', schema: 'engawa' });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/x', DATABASE_SCHEMA: 'a; drop table users' })).toThrow(/DATABASE_SCHEMA/);
  });

  it('reports every bad variable at once', () => {
    let problems: string[] = [];
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', BASE_URL: 'ftp://x', TRUST_PROXY: '10.0.0.0/8,not-an-ip', ENGAWA_ADMIN_LOGIN: 'root' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as ConfigError).problems;
    }
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'BASE_URL', 'TRUST_PROXY', 'ENGAWA_ADMIN_PASSWORD']),
    );
  });

  it('does not set Secure cookies for a plain-http intranet address', () => {
    expect(loadConfig({ BASE_URL: 'http://192.168.10.5:3000' }).secureCookies).toBe(false);
    expect(loadConfig({ BASE_URL: 'https://engawa.example.co.jp' }).secureCookies).toBe(true);
  });
});
