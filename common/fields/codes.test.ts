import { describe, expect, it } from 'vitest';
import { validateFieldCode } from './codes.js';

describe('validateFieldCode', () => {
  it.each([
    'title',
    'Title_2',
    '_private',
    'レコード番号',
    '文字列__1行_',
    '単価・数量',
    '全角＿下線',
    'ＡＢＣ１２３',
    'Ελληνικά',
    'हिन्दी',
    'a'.repeat(128),
    '𠮷'.repeat(128),
  ])('accepts %s', (code) => {
    expect(validateFieldCode(code)).toBeNull();
  });

  it.each([
    ['', 'required'],
    [undefined, 'required'],
    [42, 'required'],
    ['1st', 'fieldCodeInvalid'],
    ['１番', 'fieldCodeInvalid'],
    ['a b', 'fieldCodeInvalid'],
    ['a\u3000b', 'fieldCodeInvalid'],
    ['a-b', 'fieldCodeInvalid'],
    ['a.b', 'fieldCodeInvalid'],
    ['a.b[0]', 'fieldCodeInvalid'],
    ['a"b', 'fieldCodeInvalid'],
    ["x') OR 1=1--", 'fieldCodeInvalid'],
    ['$', 'fieldCodeInvalid'],
    ['price$', 'fieldCodeInvalid'],
    ['＄', 'fieldCodeInvalid'],
    ['😀', 'fieldCodeInvalid'],
    ['\u0301a', 'fieldCodeInvalid'],
    ['a'.repeat(129), 'fieldCodeTooLong'],
    ['a'.repeat(1000), 'fieldCodeTooLong'],
    ['__proto__', 'fieldCodeReserved'],
    ['constructor', 'fieldCodeReserved'],
    ['prototype', 'fieldCodeReserved'],
    ['$id', 'fieldCodeReserved'],
    ['$revision', 'fieldCodeReserved'],
    ['order', 'fieldCodeReserved'],
    ['LIMIT', 'fieldCodeReserved'],
    ['And', 'fieldCodeReserved'],
    ['like', 'fieldCodeReserved'],
  ])('refuses %j with %s', (code, key) => {
    expect(validateFieldCode(code)).toBe(key);
  });
});
