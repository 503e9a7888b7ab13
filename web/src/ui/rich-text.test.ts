import { describe, expect, it } from 'vitest';
import { htmlToPlainText, isBlankHtml, matchCandidates, mentionQuery } from './rich-text';

describe('mentionQuery', () => {
  it.each([
    ['@', ''],
    ['hello @yam', 'yam'],
    ['@山田', '山田'],
    ['line\u3000@ta', 'ta'],
  ])('%j asks for %j', (text, query) => expect(mentionQuery(text)).toBe(query));

  it.each(['mail@example', 'hello', '@a b', ''])('%j asks for nothing', (text) => expect(mentionQuery(text)).toBeNull());
});

describe('matchCandidates', () => {
  const people = [
    { type: 'USER' as const, code: 'taro', name: 'Yamada Taro' },
    { type: 'USER' as const, code: 'hanako', name: 'Tanaka Hanako' },
    { type: 'GROUP' as const, code: 'sales', name: 'Sales', detail: 'Group' },
  ];

  it('puts names and codes that start with the query first', () => {
    expect(matchCandidates(people, 'ta').map((c) => c.code)).toEqual(['taro', 'hanako']);
  });

  it('matches any part, case-insensitively, and by detail', () => {
    expect(matchCandidates(people, 'HANA').map((c) => c.code)).toEqual(['hanako']);
    expect(matchCandidates(people, 'group').map((c) => c.code)).toEqual(['sales']);
  });

  it('lists the first ones for an empty query, up to the limit', () => {
    expect(matchCandidates(people, '', 2)).toHaveLength(2);
  });
});

describe('htmlToPlainText', () => {
  it('turns paragraphs and breaks into lines and decodes entities', () => {
    expect(htmlToPlainText('<p>a &amp; b</p><p>c<br>d &lt;e&gt;</p>')).toBe('a & b\nc\nd <e>');
  });

  it('keeps empty paragraphs as blank lines between text', () => {
    expect(htmlToPlainText('<p>one</p><p></p><p>two</p>')).toBe('one\n\ntwo');
  });

  it('marks list items, numbering ordered ones and indenting nested ones', () => {
    expect(htmlToPlainText('<ul><li><p>a</p><ul><li><p>b</p></li></ul></li><li><p>c</p></li></ul><ol><li><p>x</p></li><li><p>y</p></li></ol>')).toBe(
      '・a\n  ・b\n・c\n1. x\n2. y',
    );
  });

  it('keeps link text and drops formatting', () => {
    expect(htmlToPlainText('<h2>Title</h2><p><strong>bold</strong> <a href="https://x.test">site</a></p><hr><p>end</p>')).toBe('Title\nbold site\n----\nend');
  });

  it('decodes numeric entities', () => {
    expect(htmlToPlainText('<p>&#39;q&#x27;&nbsp;</p>')).toBe("'q' ");
  });
});

describe('isBlankHtml', () => {
  it('sees empty paragraphs as blank', () => {
    expect(isBlankHtml('<p></p><p> </p>')).toBe(true);
    expect(isBlankHtml('')).toBe(true);
    expect(isBlankHtml('<p>x</p>')).toBe(false);
    expect(isBlankHtml('<hr>')).toBe(false);
  });
});
