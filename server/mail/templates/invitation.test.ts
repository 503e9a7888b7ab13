import { describe, expect, it } from 'vitest';
import { TEMPLATES, renderMail } from './index.js';
import { renderInvitation } from './invitation.js';
import { registrationCompleteParams, renderRegistrationComplete } from './registration-complete.js';

const invitation = {
  spaceName: 'Project <Sakura>',
  inviterName: 'Yamada "Taro"',
  message: 'Line one\n<img src=x onerror=alert(1)>',
  url: 'https://engawa.example.jp/invitations/abc_DEF-123',
  expiresAt: '2026-04-08T00:00:00.000Z',
  timezone: 'Asia/Tokyo',
};

describe('invitation', () => {
  it('names the space, the inviter, the link and the expiry in English', () => {
    const m = renderInvitation(invitation, 'en');
    expect(m.subject).toBe('Invitation to the guest space "Project <Sakura>"');
    expect(m.text).toContain('Yamada "Taro" has invited you to the guest space "Project <Sakura>" on Engawa.');
    expect(m.text).toContain('A message from Yamada "Taro":\nLine one\n<img src=x onerror=alert(1)>');
    expect(m.text).toContain(`\n${invitation.url}\n`);
    expect(m.text).toMatch(/This link works once, until 8 April 2026.* 09:00 \(Asia\/Tokyo\)\./);
    expect(m.html).not.toContain('<img');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.html).toContain('Project &lt;Sakura&gt;');
  });

  it('speaks Japanese, and leaves out an empty message', () => {
    const m = renderInvitation({ ...invitation, message: '  ' }, 'ja');
    expect(m.subject).toBe('ゲストスペース「Project <Sakura>」への招待');
    expect(m.text).toContain('Yamada "Taro" さんから、Engawa のゲストスペース「Project <Sakura>」に招待されました。');
    expect(m.text).not.toContain('メッセージ');
    expect(m.text).toContain('このリンクの有効期限は 2026年4月8日 9:00 (Asia/Tokyo) です。');
  });

  it('keeps the subject on one line and refuses a link that is not http(s)', () => {
    expect(renderMail('invitation', { ...invitation, spaceName: 'a\r\nBcc: x@example.com' }, 'en').subject).not.toMatch(/[\r\n]/);
    expect(TEMPLATES.invitation.params.safeParse({ ...invitation, url: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('registration-complete', () => {
  it('gives the access URL and the login, never a password', () => {
    const p = { spaceName: 'Project', url: 'https://engawa.example.jp/k/guest/3/', login: 'ann@example.com' };
    const en = renderRegistrationComplete(p, 'en');
    expect(en.text).toContain('Access URL: https://engawa.example.jp/k/guest/3/\nLogin name: ann@example.com');
    const ja = renderRegistrationComplete(p, 'ja');
    expect(ja.text).toContain('アクセス URL: https://engawa.example.jp/k/guest/3/\nログイン名: ann@example.com');
    expect(Object.keys(registrationCompleteParams.shape)).not.toContain('password');
  });
});
