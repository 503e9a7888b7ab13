// Table rows on create and the PUT merge of spec §4.2, one scenario at a time.
import { describe, expect, it } from 'vitest';
import { fixtureFields, rendered } from './test-support.js';
import type { StoredRow, StoredValue } from './value-types.js';
import { parseRecordInput } from './values.js';

const fields = fixtureFields();

function run(mode: 'create' | 'update', record: unknown, existing?: Record<string, StoredValue>) {
  let next = 100;
  return parseRecordInput(fields, record, {
    mode,
    existing,
    prefix: 'record',
    now: new Date('2026-04-23T00:00:00Z'),
    timeZone: 'UTC',
    newRowId: () => String(next++),
  });
}

const row = (id: string, name: string, n: string, extra: Record<string, StoredValue> = {}): StoredRow => ({
  id,
  value: { name, n, kind: 'k1', tags: [], cfile: [], who: [], sub: '', ...extra },
});
const stored = { title: 'Hello', radio: 'a', items: [row('1', 'row1', '10'), row('2', 'row2', '20'), row('3', 'row3', '30')] };
const rows = (r: { values: Record<string, StoredValue> }) => r.values.items as StoredRow[];

describe('create', () => {
  it('makes every sent row new, filling defaults, whatever id it carries', () => {
    const r = run('create', { title: { value: 'Hello' }, items: { value: [{ id: '1', value: { name: { value: 'apple' }, n: { value: '3' } } }, { value: { name: { value: 'kiwi' } } }] } });
    expect(r.problems).toEqual({});
    expect(rows(r)).toEqual([
      { id: '100', value: { name: 'apple', n: '3', kind: 'k1', tags: [], cfile: [], who: [] } },
      { id: '101', value: { name: 'kiwi', n: '', kind: 'k1', tags: [], cfile: [], who: [] } },
    ]);
  });

  it('starts with no rows when the table is not sent', () => {
    expect(rows(run('create', { title: { value: 'Hello' } }))).toEqual([]);
  });

  it('reports problems inside rows under kintone\'s row keys', () => {
    const r = run('create', {
      title: { value: 'Hello' },
      items: {
        value: [
          { value: { n: { value: '1' } } },
          { value: { name: { value: 'ok' }, kind: { value: 'k9' }, tags: { value: ['t1', 'tX'] }, who: { value: 'bob' } } },
        ],
      },
    });
    expect(rendered(r.problems, 'en')).toEqual({
      'record.items.value[0].value.name.value': ['Required.'],
      'record.items.value[1].value.kind.value': ['The value, "k9", is not in options.'],
      'record.items.value[1].value.tags.values[1].value': ['The value, "tX", is not in options.'],
      'record.items.value[1].value.who.value': ['The value is invalid.'],
    });
    expect(rendered(r.problems, 'ja')['record.items.value[0].value.name.value']).toEqual(['必須です。']);
  });

  it('stores junk in a column number as empty without a problem (a top-level number is refused)', () => {
    const r = run('create', { title: { value: 'Hello' }, items: { value: [{ value: { name: { value: 'a' }, n: { value: 'abc' } } }] } });
    expect(r.problems).toEqual({});
    expect(rows(r)[0]?.value.n).toBe('');
    expect(Object.keys(run('create', { title: { value: 'Hello' }, price: { value: 'abc' } }).problems)).toEqual(['record[price].value']);
  });

  it('collects entity codes and uploads from rows too', () => {
    const r = run('create', { title: { value: 'Hello' }, items: { value: [{ value: { name: { value: 'a' }, who: { value: [{ code: 'carol' }] }, cfile: { value: [{ fileKey: 'up-1' }] } } }] } });
    expect(r.entityCodes.user).toEqual(new Set(['carol']));
    expect(r.uploadKeys).toEqual(['up-1']);
  });
});

describe('update (spec §4.2)', () => {
  it('key absent → rows untouched', () => {
    const r = run('update', { title: { value: 'Changed' } }, stored);
    expect(r.problems).toEqual({});
    expect(rows(r)).toEqual(stored.items);
  });

  it('value [] → all rows deleted', () => {
    expect(rows(run('update', { items: { value: [] } }, stored))).toEqual([]);
  });

  it('value null → all rows deleted', () => {
    expect(rows(run('update', { items: { value: null } }, stored))).toEqual([]);
  });

  it('row with a known id → merged, unsent columns kept', () => {
    const r = run('update', { items: { value: [{ id: '1', value: { n: { value: '99' } } }, { id: 2, value: {} }, { id: '3' }] } }, stored);
    expect(r.problems).toEqual({});
    expect(rows(r)).toEqual([row('1', 'row1', '99'), row('2', 'row2', '20'), row('3', 'row3', '30')]);
  });

  it('row without id → new row with a fresh id and defaults', () => {
    const r = run('update', { items: { value: [{ id: '1', value: {} }, { value: { name: { value: 'new1' } } }] } }, stored);
    expect(rows(r)).toEqual([row('1', 'row1', '10'), { id: '100', value: { name: 'new1', n: '', kind: 'k1', tags: [], cfile: [], who: [] } }]);
  });

  it('row with an unknown id → new row with a fresh id', () => {
    const r = run('update', { items: { value: [{ id: '9999999', value: { name: { value: 'x' } } }] } }, stored);
    expect(rows(r).map((x) => x.id)).toEqual(['100']);
  });

  it('existing rows not sent → deleted', () => {
    const r = run('update', { items: { value: [{ id: '2', value: {} }] } }, stored);
    expect(rows(r)).toEqual([row('2', 'row2', '20')]);
  });

  it('the observed mix: keep 381 with a new qty, add two, drop the rest', () => {
    const existing = { ...stored, items: [row('381', 'row1', '1'), row('382', 'row2', '2'), row('383', 'row3', '3')] };
    const r = run(
      'update',
      {
        items: {
          value: [{ id: '381', value: { n: { value: '99' } } }, { value: { name: { value: 'new1' } } }, { value: { name: { value: 'new2' }, n: { value: '1' } } }],
        },
      },
      existing,
    );
    expect(rows(r).map((x) => [x.id, x.value.name, x.value.n])).toEqual([
      ['381', 'row1', '99'],
      ['100', 'new1', ''],
      ['101', 'new2', '1'],
    ]);
  });

  it('a row id sent twice matches once; the copy is a new row', () => {
    const r = run('update', { items: { value: [{ id: '1', value: {} }, { id: '1', value: { name: { value: 'copy' } } }] } }, stored);
    expect(rows(r).map((x) => [x.id, x.value.name])).toEqual([
      ['1', 'row1'],
      ['100', 'copy'],
    ]);
  });

  it('required columns are checked on the merged row', () => {
    const r = run('update', { items: { value: [{ id: '1', value: { name: { value: '  ' } } }, { id: '2', value: { n: { value: '5' } } }] } }, stored);
    expect(rendered(r.problems, 'en')).toEqual({ 'record.items.value[0].value.name.value': ['Required.'] });
  });

  it('keeps a row file named by its key and queues new ones', () => {
    const file = { fileKey: 'k1', name: 'a.pdf', contentType: 'application/pdf', size: '10' };
    const existing = { ...stored, items: [row('1', 'row1', '10', { cfile: [file] })] };
    const r = run('update', { items: { value: [{ id: '1', value: { cfile: { value: [{ fileKey: 'k1' }, { fileKey: 'up' }] } } }] } }, existing);
    expect(rows(r)[0]?.value.cfile).toEqual([file, { fileKey: 'up', name: '', contentType: '', size: '0' }]);
    expect(r.uploadKeys).toEqual(['up']);
  });

  it('refuses a table value that is not a list, and rows that are not objects', () => {
    const r = run('update', { items: { value: { id: '1' } } }, stored);
    expect(rendered(r.problems, 'en')).toEqual({ 'record.items.value': ['The value is invalid.'] });
    expect(rows(r)).toEqual(stored.items);
    const bad = run('update', { items: { value: ['x', { value: 'y' }] } }, stored);
    expect(rendered(bad.problems, 'en')).toEqual({ 'record.items.value[0]': ['The value is invalid.'], 'record.items.value[1].value': ['The value is invalid.'] });
  });
});
