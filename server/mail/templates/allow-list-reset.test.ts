import { describe, expect, it } from 'vitest';
import { allowListReset, renderAllowListReset } from './allow-list-reset.js';
import { renderKeptCopy } from './index.js';

const TOKEN = 'Zk3v9_Qp-2xY7mN4bR8sT1uW6cE0aH5jL3dF9gK2pQ7';
const params = { url: `https://engawa.example.jp/allow-list-reset/${TOKEN}`, login: 'admin', domainName: '株式会社さくら', minutes: 60 };
const OUR_MARKUP = /<\/?(p|a|br|div|html|body|blockquote|hr)\b/i;

describe('allow-list-reset', () => {
  it('names the domain and the administrator, says what the link does and for how long, in Japanese', () => {
    const m = renderAllowListReset(params, 'ja');
    expect(m.subject).toBe('IPアドレス制限の解除');
    expect(m.text).toContain('株式会社さくら の管理者（ログイン名「admin」）から、IPアドレス制限の解除を受け付けました。');
    expect(m.text).toContain('すべてのユーザーについて解除され');
    expect(m.text).toContain('リンクは60分間、1回だけ使えます。');
    expect(m.text).toContain('ログイン名を知っている誰かが申し込んだ可能性があります。リンクを開かなければ何も変更されません。');
    expect(m.text).toContain(`\n${params.url}\n`);
    expect(m.text).not.toMatch(OUR_MARKUP);
    expect(m.html).toContain('<html lang="ja">');
    expect(m.html).toContain(`href="${params.url}"`);
  });

  it('says the same in English', () => {
    const m = renderAllowListReset(params, 'en');
    expect(m.subject).toBe('Lift the IP address restriction');
    expect(m.text).toContain('of 株式会社さくら for the administrator "admin"');
    expect(m.text).toContain('switches the IP address restriction off for everyone');
    expect(m.text).toContain('The list of allowed addresses is kept.');
    expect(m.text).toContain('The link works once, for 60 minutes.');
    expect(m.text).toContain('If you did not ask for this, someone knows your login name. Nothing changes unless the link is opened');
    expect(m.html).toContain('>Lift the IP address restriction</a>');
  });

  it('escapes a domain name that looks like markup, and refuses a link that is not http(s)', () => {
    const m = renderAllowListReset({ ...params, domainName: '<script>alert(1)</script>' }, 'en');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(allowListReset.params.safeParse({ ...params, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(allowListReset.params.safeParse(params).success).toBe(true);
  });

  it('keeps a copy with the token masked', () => {
    const kept = renderKeptCopy('allow-list-reset', params, 'en')!;
    expect(kept.params).toEqual({ ...params, url: 'https://engawa.example.jp/allow-list-reset/••••••' });
    for (const part of [kept.mail.text, kept.mail.html]) {
      expect(part).not.toContain(TOKEN);
      expect(part).toContain('allow-list-reset/••••••');
    }
  });
});
