import { describe, expect, it } from 'vitest';
import { inputKey, mapFieldErrors, parseErrorKey } from './field-errors';

describe('kintone validation keys', () => {
  it.each([
    ['record.title.value', { code: 'title' }],
    ['record[price].value', { code: 'price' }],
    ['record.files.values', { code: 'files' }],
    ['record.people.values.value', { code: 'people' }],
    ['record.people.values[1].value', { code: 'people' }],
    ['records[3].title.value', { code: 'title', record: 3 }],
    ['record.items.value[2].value.qty.value', { code: 'items', row: 2, inner: 'qty' }],
    ['record.items.value[0].value[qty].value', { code: 'items', row: 0, inner: 'qty' }],
    ['records[12].items.value[1].value.name.value', { code: 'items', row: 1, inner: 'name', record: 12 }],
    ['record.日本語.value', { code: '日本語' }],
  ])('%s names its field', (key, path) => {
    expect(parseErrorKey(key)).toEqual(path);
  });

  it('knows nothing of other keys', () => {
    expect(parseErrorKey('app')).toBeNull();
    expect(parseErrorKey('revision')).toBeNull();
    expect(parseErrorKey('requests[0].api')).toBeNull();
  });

  it('spreads messages over the inputs, by the rows as they were sent', () => {
    const shown = new Set(['title', 'items', inputKey('items', 'rB', 'qty')]);
    const mapped = mapFieldErrors(
      {
        'record.title.value': ['Required.'],
        'record.items.value[1].value.qty.value': ['The value must be 10 or less.'],
        'record.items.value[0].value.name.value': ['Required.'],
        'record.secret.value': ['Hidden.'],
        app: ['Bad app.'],
      },
      { items: ['rA', 'rB'] },
      (k) => shown.has(k),
    );
    expect(mapped.byInput).toEqual({
      title: ['Required.'],
      [inputKey('items', 'rB', 'qty')]: ['The value must be 10 or less.'],
      // No input for that column: the table shows it.
      items: ['Required.'],
    });
    expect(mapped.others).toEqual(['Hidden.', 'Bad app.']);
  });
});
