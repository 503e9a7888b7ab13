import { describe, expect, it } from 'vitest';
import { ERRORS, FORMULA_MESSAGES, format } from '../errors.js';
import { FormulaError, clip, describeProblem, problem } from './formula-error.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('formula messages', () => {
  it.each(Object.entries(FORMULA_MESSAGES))('%s has the same placeholders in ja and en', (_key, m) => {
    expect(placeholders(m.en)).toEqual(placeholders(m.ja));
  });

  it('fills GAIA_IL01 with the field label and the detail', () => {
    const detail = describeProblem({ key: 'cycle', params: {} }, 'ja');
    expect(format(ERRORS.GAIA_IL01.message.ja, { label: '合計', detail })).toBe(
      'フィールド「合計」の計算式が正しくありません。(エラーの内容：フィールドの参照が循環しています。)',
    );
    expect(ERRORS.GAIA_IL01.status).toBe(400);
  });

  it('clips echoed text without splitting a surrogate pair', () => {
    expect(clip('a'.repeat(100))).toHaveLength(100);
    const cut = clip(`${'a'.repeat(98)}𠮷${'b'.repeat(10)}`);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(problem('unknownField', { start: 0, end: 1 }, { code: 'x'.repeat(300) }).params.code).toHaveLength(100);
  });

  it('keeps the formula text out of the Error message', () => {
    const e = new FormulaError(problem('unknownField', { start: 3, end: 9 }, { code: 'secret' }));
    expect(e.message).toBe('unknownField at 3-9');
    expect(e.describe('en')).toBe('The field code (secret) in the formula does not exist.');
  });
});
