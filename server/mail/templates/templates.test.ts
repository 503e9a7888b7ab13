import { describe, expect, it } from 'vitest';
import { TEMPLATES, UnrenderableMailError, isTemplateName, renderMail } from './index.js';
import { renderSetupLink } from './setup-link.js';
import { renderTestMessage } from './test-message.js';

const OUR_MARKUP = /<\/?(p|a|br|div|html|body|blockquote|hr)\b/i;
const setup = { url: 'https://engawa.example.jp/setup?token=abc&x=1', domainName: '株式会社さくら' };

describe('setup-link', () => {
  it('invites, in polite Japanese, to create the first administrator', () => {
    const m = renderSetupLink(setup, 'ja');
    expect(m.subject).toBe('Engawa の初期設定');
    expect(m.text).toContain('株式会社さくら の Engawa をご用意しました。');
    expect(m.text).toContain('最初の管理者アカウントを作成し、初期設定を完了してください。');
    expect(m.text).toContain(`\n${setup.url}\n`);
    expect(m.text).toContain('他の人には転送しないでください。');
    expect(m.text).not.toMatch(OUR_MARKUP);
    expect(m.html).toContain('<html lang="ja">');
    expect(m.html).toContain('href="https://engawa.example.jp/setup?token=abc&amp;x=1"');
    expect(m.html).toContain('初期設定を始める');
  });

  it('says the same in English', () => {
    const m = renderSetupLink(setup, 'en');
    expect(m.subject).toBe('Finish setting up Engawa');
    expect(m.text).toContain('Engawa for 株式会社さくら is ready.');
    expect(m.text).toContain('create the first administrator account');
    expect(m.text).toContain(`\n${setup.url}\n`);
    expect(m.text).not.toMatch(OUR_MARKUP);
    expect(m.html).toContain('<html lang="en">');
    expect(m.html).toContain('>Finish setting up</a>');
  });

  it('escapes a domain name that looks like markup, in the body and the link', () => {
    const m = renderSetupLink({ url: 'https://x.example/"><script>', domainName: '<script>alert(1)</script>' }, 'ja');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m.html).not.toContain('href="https://x.example/"');
  });

  it('refuses a link that is not http(s)', () => {
    expect(TEMPLATES['setup-link'].params.safeParse({ url: 'javascript:alert(1)', domainName: 'x' }).success).toBe(false);
    expect(TEMPLATES['setup-link'].params.safeParse(setup).success).toBe(true);
  });
});

describe('test-message', () => {
  it('explains in Japanese that it is a test and quotes the administrator', () => {
    const m = renderTestMessage({ text: '届いたら返信ください\n二行目' }, 'ja');
    expect(m.subject).toBe('Engawa テストメール');
    expect(m.text).toContain('Engawa の管理者がメール送信の確認のために送信したテストメールです。');
    expect(m.text).toContain('届いたら返信ください\n二行目');
    expect(m.text).toContain('メールの送信設定は正しく動作しています。');
    expect(m.html).toContain('届いたら返信ください<br>二行目');
  });

  it('explains in English', () => {
    const m = renderTestMessage({ text: 'hello' }, 'en');
    expect(m.subject).toBe('Engawa test message');
    expect(m.text).toContain('This is a test message sent by an Engawa administrator');
    expect(m.text).toContain('Message from the administrator:\nhello');
  });

  it('leaves out the quote when the administrator wrote nothing', () => {
    const m = renderTestMessage({ text: '   ' }, 'en');
    expect(m.text).not.toContain('Message from the administrator');
    expect(m.html).not.toContain('<blockquote');
  });

  it('keeps markup in the note as text: escaped in HTML, no markup of ours in the text part', () => {
    const m = renderTestMessage({ text: '<script>alert("x")</script> & <b>bold</b>' }, 'en');
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<b>');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(m.text).toContain('<script>alert("x")</script> & <b>bold</b>');
    expect(m.text).not.toMatch(OUR_MARKUP);
  });
});

describe('renderMail', () => {
  it('renders a stored message by name', () => {
    expect(renderMail('test-message', { text: 'x' }, 'en').subject).toBe('Engawa test message');
    expect(isTemplateName('setup-link')).toBe(true);
    expect(isTemplateName('toString')).toBe(false);
  });

  it('refuses an unknown template or params that no longer fit', () => {
    expect(() => renderMail('no-such-template', {}, 'ja')).toThrow(UnrenderableMailError);
    expect(() => renderMail('setup-link', { url: 'https://x.example' }, 'ja')).toThrow(/domainName/);
  });
});
