import { describe, expect, it } from 'vitest';
import { ERRORS, format } from '../errors.js';
import { clip, MAX_ECHO, QueryError, toErrorParts } from './errors.js';
import { parseQuery } from './parser.js';

function thrown(text: string): QueryError {
  try {
    parseQuery(text);
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error('expected a QueryError');
}

describe('toErrorParts', () => {
  it('renders a syntax error as kintone does: CB_VA01 with errors.query', () => {
    expect(toErrorParts(thrown('a = "x\ty"'))).toEqual({
      code: 'CB_VA01',
      params: {},
      queryMessages: [{ ja: 'クエリ記法が間違っています。', en: 'The query syntax is invalid.' }],
      queryProblems: [{ key: 'querySyntax' }],
    });
  });

  it('fills the parameters of a cap message', () => {
    const parts = toErrorParts(thrown('x'.repeat(100_001)));
    expect(parts.queryMessages).toEqual([
      { ja: 'クエリが長すぎます。100000文字以下で指定してください。', en: 'The query is too long. Use 100000 characters or fewer.' },
    ]);
    expect(parts.queryProblems).toEqual([{ key: 'queryTooLong', params: { n: 100_000 } }]);
  });

  it('leaves errors.query empty for the GAIA_ codes, whose message says it all', () => {
    const parts = toErrorParts(thrown('limit 501'));
    expect(parts).toEqual({ code: 'GAIA_QU01', params: {}, queryMessages: [], queryProblems: [] });
    expect(ERRORS[parts.code].status).toBe(400);
    expect(format(ERRORS.GAIA_QU02.message.en, {})).toBe('offset must be 10,000 or less.');
  });

  it('carries the offset of a syntax error without echoing the query', () => {
    const e = thrown(`a = "${'z'.repeat(500)}" = 2`);
    expect(e.pos).toBe(507);
    expect(e.message).toBe('CB_VA01 querySyntax at 507');
  });
});

describe('clip', () => {
  it('keeps short text and cuts long text to the echo limit', () => {
    expect(clip('short')).toBe('short');
    expect(clip('x'.repeat(MAX_ECHO))).toHaveLength(MAX_ECHO);
    expect(clip('x'.repeat(MAX_ECHO + 1))).toHaveLength(MAX_ECHO);
  });

  it('never splits a surrogate pair', () => {
    const cut = clip('😀'.repeat(200));
    expect(cut.length).toBeLessThanOrEqual(MAX_ECHO);
    expect(cut.endsWith('😀…')).toBe(true);
  });

  it('applies to every string parameter of a QueryError', () => {
    const e = new QueryError('GAIA_IQ10', { params: { field: 'f'.repeat(1000), value: 'v'.repeat(1000) } });
    expect(String(e.params?.field).length).toBe(MAX_ECHO);
    expect(String(e.params?.value).length).toBe(MAX_ECHO);
  });
});
