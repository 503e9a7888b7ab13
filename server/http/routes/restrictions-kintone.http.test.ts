// The official kintone client behind the Basic gate: its `basicAuth` option sends
// `Authorization: Basic …` alongside X-Cybozu-Authorization, which passes; without it, the
// client sees kintone's error shape with our CB_BA01.
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../domain/context.js';
import { updateSecurity } from '../../domain/security/settings.js';
import { systemActor } from '../../policy/actor.js';
import { eachKintoneServer, kintoneError } from '../../../test/support/kintone.js';

eachKintoneServer((server) => {
  describe('kintone client and the Basic gate', () => {
    it('passes with basicAuth from outside the allow-list and is refused without it', async () => {
      const s = server();
      // 127.0.0.1, where the client connects from, is outside this list. An administrator could
      // not save it from there (it would shut them out), so the operator's side does.
      await inTransaction(s.services, { actor: systemActor(s.domainId), locale: 'en', request: { ip: null, userAgent: null, requestId: null } }, (ctx) =>
        updateSecurity(ctx, { ipRestriction: { enabled: true, allow: ['192.0.2.0/24'] }, basicGate: { enabled: true, user: 'site', password: 'gate password 1' } }),
      );
      const auth = { username: s.member.code, password: s.member.password };
      const gated = new KintoneRestAPIClient({ baseUrl: s.baseUrl, auth, basicAuth: { username: 'site', password: 'gate password 1' } });
      const { apps } = await gated.app.getApps({});
      expect(Array.isArray(apps)).toBe(true);

      const plain = new KintoneRestAPIClient({ baseUrl: s.baseUrl, auth });
      const e = await kintoneError(plain.app.getApps({}), 401, 'CB_BA01');
      expect(e.headers['www-authenticate']).toBe('Basic realm="Engawa", charset="UTF-8"');
      const wrong = new KintoneRestAPIClient({ baseUrl: s.baseUrl, auth, basicAuth: { username: 'site', password: 'nope' } });
      await kintoneError(wrong.app.getApps({}), 401, 'CB_BA01');
    });
  });
});
