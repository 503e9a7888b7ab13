import { describe, expect, it } from 'vitest';
import { detectContentType, isActiveType, OCTET_STREAM, servedAs, sniffType } from './sniff.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const GIF = bytes('GIF89a', [1, 0, 1, 0]);
const WEBP = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ');
const PDF = bytes('%PDF-1.7\n');
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A zip's local file headers with the given entry names and a little data each. */
function zip(...names: string[]): Buffer {
  return Buffer.concat(
    names.map((name) => {
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(name.length, 26);
      return Buffer.concat([header, Buffer.from(name), Buffer.from('data')]);
    }),
  );
}

describe('sniffType', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['GIF87a', bytes('GIF87a'), 'image/gif'],
    ['GIF89a', GIF, 'image/gif'],
    ['WebP', WEBP, 'image/webp'],
    ['PDF', PDF, 'application/pdf'],
    ['zip', zip('readme.txt'), 'application/zip'],
    ['empty zip', bytes([0x50, 0x4b, 0x05, 0x06], [0, 0, 0, 0]), 'application/zip'],
    ['docx', zip('[Content_Types].xml', '_rels/.rels', 'word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', zip('[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', zip('[Content_Types].xml', 'ppt/presentation.xml'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ])('recognises %s', (_label, head, type) => {
    expect(sniffType(head)).toBe(type);
  });

  it('recognises nothing in text, HTML, SVG, short or empty input', () => {
    for (const head of [bytes('hello'), bytes('<!doctype html><script>'), bytes('<svg xmlns="http://www.w3.org/2000/svg">'), bytes([0x89, 0x50]), Buffer.alloc(0), bytes('RIFF....WAVE')]) {
      expect(sniffType(head)).toBeNull();
    }
  });

  it('tells legacy Office files apart only by the declared type', () => {
    expect(sniffType(OLE, 'application/msword')).toBe('application/msword');
    expect(sniffType(OLE, 'text/html')).toBe(OCTET_STREAM);
  });

  it('believes a declared OOXML type for a zip whose entries lie beyond the head', () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(sniffType(zip('[Content_Types].xml'), xlsx)).toBe(xlsx);
    expect(sniffType(zip('[Content_Types].xml'), 'text/html')).toBe('application/zip');
  });
});

describe('detectContentType', () => {
  it('prefers the bytes over the declaration', () => {
    expect(detectContentType(PNG, 'text/html')).toBe('image/png');
    expect(detectContentType(JPEG, 'image/png')).toBe('image/jpeg');
  });

  it('does not believe a recognisable type the bytes do not show (a .png holding HTML)', () => {
    expect(detectContentType(bytes('<html><script>alert(1)</script>'), 'image/png')).toBe(OCTET_STREAM);
    expect(detectContentType(bytes('not a pdf'), 'application/pdf')).toBe(OCTET_STREAM);
  });

  it('keeps an inert declared type, normalised', () => {
    expect(detectContentType(bytes('a,b\n1,2'), 'Text/CSV; charset=utf-8')).toBe('text/csv');
    expect(detectContentType(bytes('ID3'), 'audio/mpeg')).toBe('audio/mpeg');
  });

  it('never stores an active or malformed declared type', () => {
    for (const declared of ['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/xml', 'text/javascript', 'application/javascript', 'application/ecmascript', 'text/xsl', 'text/css', 'multipart/x-mixed-replace', 'bogus', 'text/plain\r\nX: 1', '', undefined]) {
      expect(detectContentType(bytes('<svg onload=alert(1)>'), declared)).toBe(OCTET_STREAM);
    }
  });
});

describe('servedAs', () => {
  it('shows only raster images inline', () => {
    for (const t of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) expect(servedAs(t)).toEqual({ contentType: t, disposition: 'inline' });
    expect(servedAs('application/pdf')).toEqual({ contentType: 'application/pdf', disposition: 'attachment' });
    expect(servedAs('text/plain')).toEqual({ contentType: 'text/plain', disposition: 'attachment' });
  });

  it('sends anything off the allowlist as application/octet-stream', () => {
    for (const t of ['image/svg+xml', 'text/html', 'audio/mpeg', 'image/bmp', 'application/x-unknown']) {
      expect(servedAs(t)).toEqual({ contentType: OCTET_STREAM, disposition: 'attachment' });
    }
  });

  it('knows the active types', () => {
    expect(['text/html', 'image/svg+xml', 'application/javascript', 'application/rss+xml'].every(isActiveType)).toBe(true);
    expect(['image/png', 'text/plain', 'application/pdf'].some(isActiveType)).toBe(false);
  });
});
