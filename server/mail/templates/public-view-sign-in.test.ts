import { describe, expect, it } from 'vitest';
import { renderKeptCopy, renderMail } from './index.js';

const LINK = `https://engawa.example.jp/public/${'a'.repeat(43)}?signIn=${'b'.repeat(43)}`;

describe('the public-view sign-in mail', () => {
  it('carries the code or the link in the visitor\'s language', () => {
    const ja = renderMail('public-view-sign-in', { kind: 'code', code: '012345', minutes: 10, title: '会員' }, 'ja');
    expect(ja.subject).toBe('確認コード: 012345');
    expect(ja.text).toContain('「会員」');
    expect(ja.text).toContain('10分');
    const en = renderMail('public-view-sign-in', { kind: 'link', url: LINK, minutes: 15, title: 'Members <b>' }, 'en');
    expect(en.subject).toBe('Sign in to "Members <b>"');
    expect(en.text).toContain(LINK);
    expect(en.html).toContain(`href="${LINK}"`);
    expect(en.html).not.toContain('<b>');
  });

  it('is kept with the code or link masked', () => {
    const code = renderKeptCopy('public-view-sign-in', { kind: 'code', code: '012345', minutes: 10, title: 'x' }, 'en')!;
    expect(JSON.stringify(code)).not.toContain('012345');
    const link = renderKeptCopy('public-view-sign-in', { kind: 'link', url: LINK, minutes: 15, title: 'x' }, 'en')!;
    expect(JSON.stringify(link)).not.toContain('b'.repeat(43));
    expect(JSON.stringify(link)).not.toContain('a'.repeat(43));
  });
});
