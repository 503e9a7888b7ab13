import { describe, expect, it } from 'vitest';
import { contentDisposition, MAX_NAME_LENGTH, sanitiseFileName } from './names.js';

describe('sanitiseFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['C:\\Users\\me\\見積書.xlsx', '見積書.xlsx'],
    ['a\u0000b.txt', 'ab.txt'],
    ['line\r\nbreak.txt', 'linebreak.txt'],
    ['tab\there.txt', 'tabhere.txt'],
    ['evil\u202egpj.exe', 'evilgpj.exe'],
    ['\u2067isolate\u2069.txt', 'isolate.txt'],
    ['zero\u200bwidth\ufeff.txt', 'zerowidth.txt'],
    ['"quoted".txt', '"quoted".txt'],
    ['CON', 'CON'],
    ['  padded.txt  ', 'padded.txt'],
    ['trailing.dots...', 'trailing.dots'],
    ['', 'file'],
    ['..', 'file'],
    ['dir/', 'file'],
    ['\u202e', 'file'],
    ['lone\ud800surrogate', 'lone\ufffdsurrogate'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('composes decomposed Japanese (as macOS sends it) to NFC', () => {
    const nfd = 'ガイド'.normalize('NFD');
    expect(nfd).not.toBe('ガイド');
    expect(sanitiseFileName(`${nfd}.txt`)).toBe('ガイド.txt');
  });

  it('cuts a 10 KB name to 255 characters, keeping the extension and whole code points', () => {
    const long = sanitiseFileName(`${'a'.repeat(10_000)}.txt`);
    expect(long).toHaveLength(MAX_NAME_LENGTH);
    expect(long.endsWith('aaa.txt')).toBe(true);
    const emoji = sanitiseFileName('😀'.repeat(300));
    expect(Array.from(emoji)).toHaveLength(MAX_NAME_LENGTH);
    expect(emoji).toBe('😀'.repeat(MAX_NAME_LENGTH));
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name per RFC 6266', () => {
    expect(contentDisposition('attachment', '見積書 (最終).xlsx')).toBe(
      `attachment; filename="___ (__).xlsx"; filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8%20%28%E6%9C%80%E7%B5%82%29.xlsx`,
    );
    expect(contentDisposition('inline', 'photo.png')).toBe(`inline; filename="photo.png"; filename*=UTF-8''photo.png`);
  });

  it('cannot be broken out of by quotes, backslashes, separators or line breaks', () => {
    const shape = /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]+$/;
    for (const name of ['a"; filename=evil.html\r\nX-Injected: 1.txt', 'x\\"; y.txt', '%22;\u0000.txt']) {
      const header = contentDisposition('attachment', name);
      expect(header).toMatch(shape);
      const fallback = /filename="([^"]*)"/.exec(header)![1]!;
      expect(fallback).not.toMatch(/["\\;%]/);
    }
    expect(contentDisposition('attachment', 'a"; filename=evil.html\r\nX: 1.txt')).toBe(
      `attachment; filename="a__ filename=evil.htmlX: 1.txt"; filename*=UTF-8''a%22%3B%20filename%3Devil.htmlX%3A%201.txt`,
    );
  });

  it("percent-encodes the characters encodeURIComponent leaves but RFC 8187 does not allow: ' ( ) *", () => {
    expect(contentDisposition('attachment', "it's (a)*.txt")).toContain(`filename*=UTF-8''it%27s%20%28a%29%2A.txt`);
  });
});
