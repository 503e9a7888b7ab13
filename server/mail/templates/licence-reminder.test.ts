import { describe, expect, it } from 'vitest';
import { TEMPLATES, renderMail } from './index.js';
import { renderLicenceReminder } from './licence-reminder.js';

const url = 'https://engawa.example.jp/admin/licences';
const trialEnding = [
  { name: 'Ann', email: 'ann@example.com', trialEnds: '2026-05-01', daysLeft: 7 },
  { name: '山田', email: 'yamada@example.jp', trialEnds: '2026-05-03', daysLeft: 0 },
];

describe('licence-reminder', () => {
  it('lists the guests whose trial ends, in Japanese', () => {
    const m = renderLicenceReminder({ trialEnding, exceeded: null, url }, 'ja');
    expect(m.subject).toBe('ゲストの無料トライアルがまもなく終了します');
    expect(m.text).toContain('・Ann（ann@example.com）: 2026年5月1日まで（あと 7 日）\n・山田（yamada@example.jp）: 2026年5月3日まで（本日終了）');
    expect(m.text).toContain('終了日までに停止または削除すれば料金はかかりません。');
    expect(m.text).toContain(`ライセンスを確認する: ${url}`);
    expect(m.html).toContain('<html lang="ja">');
    expect(m.html).toContain(`href="${url}"`);
  });

  it('and in English, with the excess when there is one', () => {
    const m = renderLicenceReminder({ trialEnding: trialEnding.slice(0, 1), exceeded: { inUse: 3, licences: 2 }, url }, 'en');
    expect(m.subject).toBe('About your guest licences');
    expect(m.text).toContain('- Ann (ann@example.com): until 1 May 2026 (7 days left)');
    expect(m.text).toContain('3 guests need a licence, but the contract holds 2 guest licences.');
    expect(renderLicenceReminder({ trialEnding: [], exceeded: { inUse: 3, licences: 2 }, url }, 'en').subject).toBe('More guests need a licence than you hold');
    expect(renderLicenceReminder({ trialEnding: [], exceeded: { inUse: 3, licences: 2 }, url }, 'ja').subject).toBe('ゲストライセンスが不足しています');
  });

  it('keeps a guest name that looks like markup as text', () => {
    const m = renderLicenceReminder({ trialEnding: [{ name: '<img src=x onerror=alert(1)>', email: 'x@example.com', trialEnds: '2026-05-01', daysLeft: 1 }], exceeded: null, url }, 'en');
    expect(m.html).not.toContain('<img');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.subject).not.toContain('img');
  });

  it('refuses a link that is not http(s), and a message with nothing to say', () => {
    const params = TEMPLATES['licence-reminder'].params;
    expect(params.safeParse({ trialEnding, exceeded: null, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(params.safeParse({ trialEnding: [], exceeded: null, url }).success).toBe(false);
    expect(renderMail('licence-reminder', { trialEnding, exceeded: null, url }, 'en').subject).toBe('Guest free trials are ending soon');
  });

  it('carries no secret: no masked copy is needed', () => {
    expect(TEMPLATES['licence-reminder']).not.toHaveProperty('redact');
  });
});
