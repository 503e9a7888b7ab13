// The guest trial through the invitation flow a real guest follows, on both databases with the
// injected clock: invited by e-mail (nothing starts), registered from the link six days later
// (day 0), deleted on day 10 and invited and registered again — the trial goes on from the first
// day 0, so the guest needs a paid licence on day 31 and the estimate bills it.
import { describe, expect, it } from 'vitest';
import { CONTRACT_PATH, ESTIMATE_PATH, LICENCE_GUESTS_PATH } from '../../../common/api/licences.js';
import { addDays, dayOf } from '../../../common/licences/calendar.js';
import { eachDatabase } from '../../../test/support/db.js';
import { BASE_URL, DAY_MS, deliver, invite, inviteWorld, register, tokenOf } from '../../../test/support/invitations.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';

const INVITEE = 'pat@example.com';

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database, { BASE_URL });

  describe('a guest invited by e-mail', () => {
    it('starts its trial when it registers, not when invited, and keeps it through deletion and a new invitation', async () => {
      const { d, sa, space } = await inviteWorld(h());
      const set = await d.request({
        method: 'PUT',
        url: CONTRACT_PATH,
        as: d.admin,
        payload: { course: 'standard', term: 'monthly', userLicences: 10, startDate: '2026-04-01', guests: { licences: 0 } },
      });
      expect(set.statusCode, set.body).toBe(200);
      const states = async () => {
        const res = await d.request({ method: 'GET', url: LICENCE_GUESTS_PATH, as: d.admin });
        expect(res.statusCode, res.body).toBe(200);
        return (res.json().guests as Array<{ email: string; state: string; trialEnds: string | null }>).map((g) => [g.email, g.state, g.trialEnds]);
      };
      const guestsBilled = async () => {
        const e = (await d.request({ method: 'GET', url: ESTIMATE_PATH, as: d.admin })).json();
        return e.periods.map((p: { lines: Array<{ item: string; inUse: number; amount: number }> }) => p.lines.find((l) => l.item === 'guests')?.inUse ?? 0);
      };
      const invited = async () => {
        expect((await invite(d, space, [INVITEE], sa)).statusCode).toBe(200);
        // The mail with the link (a welcome mail from the last registration may leave with it).
        const mails = (await deliver(h(), smtp())).filter((m) => m.envelope.to.includes(INVITEE) && m.mail.text?.includes('/invitations/'));
        expect(mails).toHaveLength(1);
        return tokenOf(mails[0]!);
      };

      // Invited: no account, no trial. Six days later the link is used: that is day 0.
      const token = await invited();
      expect(await states()).toEqual([]);
      h().clock.advance(6 * DAY_MS);
      const registered = await register(d, token, { name: 'Pat' });
      expect(registered.statusCode, registered.body).toBe(200);
      const trialEnds = addDays(dayOf(h().clock.now()), 30);
      expect(await states()).toEqual([[INVITEE, 'trial', trialEnds]]);
      // Day 0 is 7 April: free in April; the trial ends on 7 May, so May bills it already.
      expect(trialEnds).toBe('2026-05-07');
      expect(await guestsBilled()).toEqual([0, 1]);

      // Day 10: deleted, then invited again and registered again at once.
      h().clock.advance(10 * DAY_MS);
      const gone = await d.request({ method: 'DELETE', url: '/k/v1/guests.json', as: d.admin, payload: { guests: [INVITEE] } });
      expect(gone.statusCode, gone.body).toBe(200);
      expect(await states()).toEqual([]);
      const again = await invited();
      expect((await register(d, again, { name: 'Pat again' })).statusCode).toBe(200);
      expect(await states()).toEqual([[INVITEE, 'trial', trialEnds]]);

      // Day 30 of the first trial: still free. Day 31: a paid licence, with nobody acting.
      h().clock.advance(20 * DAY_MS);
      expect(dayOf(h().clock.now())).toBe(trialEnds);
      expect(await states()).toEqual([[INVITEE, 'trial', trialEnds]]);
      h().clock.advance(DAY_MS);
      expect(await states()).toEqual([[INVITEE, 'required', trialEnds]]);
      expect((await guestsBilled())[0]).toBe(1);
      const usage = await d.request({ method: 'GET', url: '/v1/licences/usage.json', as: d.admin });
      expect(usage.json().warnings).toEqual([{ code: 'guestLicencesExceeded', inUse: 1, licences: 0 }]);
    });
  });
});
