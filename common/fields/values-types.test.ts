// Every write form each type accepts, and every refusal with kintone's key and sentences.
import { describe, expect, it } from 'vitest';
import { fixtureFields, rendered } from './test-support.js';
import type { StoredValue } from './value-types.js';
import { parseRecordInput } from './values.js';

const fields = fixtureFields();
const NOW = new Date('2026-04-23T16:30:45Z');
const options = (mode: 'create' | 'update', existing?: Record<string, StoredValue>) => ({
  mode,
  existing,
  prefix: 'record',
  now: NOW,
  timeZone: 'Asia/Tokyo',
  newRowId: () => 'new',
});
const baseline = parseRecordInput(fields, { title: { value: 'Hello' } }, options('create')).values;

/** Writes one field of an existing record; answers what is stored and what was refused. */
function write(code: string, value: unknown) {
  const r = parseRecordInput(fields, { [code]: { type: 'IGNORED', value } }, options('update', baseline));
  return { stored: r.values[code], en: rendered(r.problems, 'en'), ja: rendered(r.problems, 'ja'), r };
}

function accepts(code: string, cases: [unknown, StoredValue][]) {
  it.each(cases)(`${code}: %j is stored as %j`, (input, stored) => {
    const w = write(code, input);
    expect(w.en).toEqual({});
    expect(w.stored).toEqual(stored);
  });
}

describe('texts', () => {
  for (const code of ['title', 'note', 'rich', 'link']) accepts(code, [['Hi', 'Hi'], ['  padded  ', '  padded  '], ['日本語😀', '日本語😀'], [12, '12']]);
  accepts('note', [[null, ''], ['', ''], ['line1\nline2', 'line1\nline2']]);
  accepts('rich', [['<b>x</b>', '<b>x</b>']]);

  it('refuses a non-text value', () => {
    expect(write('note', { a: 1 }).en).toEqual({ 'record.note.value': ['The value is invalid.'] });
    expect(write('note', ['a']).ja).toEqual({ 'record.note.value': ['値が不正です。'] });
  });
});

describe('NUMBER', () => {
  accepts('price', [
    [15, '15'],
    [-2.5, '-2.5'],
    ['1.5e1', '15'],
    [' 42 ', '42'],
    ['+7', '7'],
    ['-0.10', '-0.1'],
    ['1E+3', '1000'],
    ['', ''],
    [null, ''],
    ['   ', ''],
  ]);

  it.each(['abc', '12abc', '1,000', '0x1F', '１２'])('junk %j: bracket key "Only numbers are allowed." and nothing stored', (junk) => {
    const w = write('price', junk);
    expect(w.en).toEqual({ 'record[price].value': ['Only numbers are allowed.'] });
    expect(w.ja).toEqual({ 'record[price].value': ['数字でなければなりません。'] });
    expect(w.stored).toBe('');
  });

  it('junk in a required number also says "Required." under the dotted key', () => {
    const required = { ...fields, price: { ...fields.price!, required: true } };
    const r = parseRecordInput(required, { price: { value: 'abc' } }, options('update', baseline));
    expect(rendered(r.problems, 'en')).toEqual({ 'record[price].value': ['Only numbers are allowed.'], 'record.price.value': ['Required.'] });
    expect(rendered(r.problems, 'ja')).toEqual({ 'record[price].value': ['数字でなければなりません。'], 'record.price.value': ['必須です。'] });
  });

  it('enforces minValue and maxValue on the canonical value', () => {
    expect(write('qty', '100').en).toEqual({});
    expect(write('qty', '1e2').en).toEqual({});
    expect(write('qty', '100.0001').en).toEqual({ 'record.qty.value': ['The value must be 100 or less.'] });
    expect(write('qty', -1).ja).toEqual({ 'record.qty.value': ['0以上である必要があります。'] });
    expect(write('qty', -1).en).toEqual({ 'record.qty.value': ['The value must be 0 or more.'] });
  });
});

describe('DATE', () => {
  accepts('day', [
    ['2026-04-25', '2026-04-25'],
    ['2026', '2026-01-01'],
    ['2026-4', '2026-04-01'],
    ['2026-04', '2026-04-01'],
    ['2026-4-5', '2026-04-05'],
    ['2026-04-5', '2026-04-05'],
    ['', null],
    [null, null],
  ]);
  it.each(['2026-02-30', '2026/04/25', '25-04-2026', 'today', '2026-04-25T10:00:00Z'])('refuses %j', (bad) => {
    const w = write('day', bad);
    expect(w.en).toEqual({ 'record.day.value': ['Format is not valid.'] });
    expect(w.ja).toEqual({ 'record.day.value': ['日付の形式が不正です。'] });
  });
});

describe('TIME', () => {
  accepts('time', [
    ['15:31', '15:31'],
    ['9:05', '09:05'],
    ['', null],
    [null, null],
  ]);
  it.each(['24:00', '9:5', '0930', '15:31:00'])('refuses %j', (bad) => {
    expect(write('time', bad).en).toEqual({ 'record.time.value': ['Format is not valid.'] });
    expect(write('time', bad).ja).toEqual({ 'record.time.value': ['時刻の形式が不正です。'] });
  });
});

describe('DATETIME', () => {
  accepts('at', [
    ['2026-04-23T06:31:00Z', '2026-04-23T06:31:00Z'],
    ['2026-04-23T06:31Z', '2026-04-23T06:31:00Z'],
    ['2026-04-23T15:31:42+09:00', '2026-04-23T06:31:00Z'],
    ['2026-04-22T21:31-09:00', '2026-04-23T06:31:00Z'],
    ['2026-04-23', '2026-04-23T00:00:00Z'],
    ['', null],
    [null, null],
  ]);
  it.each(['2026-04-23T25:00Z', '23/04/2026 06:31', 'now'])('refuses %j', (bad) => {
    expect(write('at', bad).en).toEqual({ 'record.at.value': ['Format is not valid.'] });
    expect(write('at', bad).ja).toEqual({ 'record.at.value': ['日時の形式が不正です。'] });
  });
});

describe('RADIO_BUTTON and DROP_DOWN', () => {
  accepts('radio', [
    ['a', 'a'],
    ['c', 'c'],
  ]);
  accepts('drop', [
    ['d2', 'd2'],
    ['', null],
    [null, null],
  ]);
  it('refuses a value not in the options', () => {
    expect(write('radio', 'Z').en).toEqual({ 'record.radio.value': ['The value, "Z", is not in options.'] });
    expect(write('drop', 'Q').ja).toEqual({ 'record.drop.value': ['"Q"は選択肢にありません。'] });
  });
});

describe('CHECK_BOX and MULTI_SELECT', () => {
  accepts('check', [
    [['z', 'x'], ['x', 'z']],
    [['y', 'y'], ['y']],
    [[], []],
    [null, []],
  ]);
  accepts('multi', [[['q', 'p'], ['p', 'q']]]);
  it('refuses each value not in the options under its index', () => {
    const w = write('check', ['x', 'W', 'y', 'V']);
    expect(w.en).toEqual({
      'record.check.values[1].value': ['The value, "W", is not in options.'],
      'record.check.values[3].value': ['The value, "V", is not in options.'],
    });
    expect(write('multi', ['nope']).ja).toEqual({ 'record.multi.values[0].value': ['"nope"は選択肢にありません。'] });
  });
  it('refuses a non-list', () => {
    expect(write('check', 'x').en).toEqual({ 'record.check.value': ['The value is invalid.'] });
  });
});

describe('user, department and group selections', () => {
  it('stores codes only, once each, and hands them to the server to check', () => {
    const r = parseRecordInput(
      fields,
      {
        users: { value: [{ code: 'alice', name: 'ignored' }, { code: 'bob' }, { code: 'alice' }] },
        orgs: { value: [{ code: 'sales' }] },
        groups: { value: [{ code: 'admins' }] },
      },
      options('update', baseline),
    );
    expect(r.problems).toEqual({});
    expect(r.values.users).toEqual([{ code: 'alice' }, { code: 'bob' }]);
    expect(r.values.orgs).toEqual([{ code: 'sales' }]);
    expect(r.values.groups).toEqual([{ code: 'admins' }]);
    expect(r.entityCodes).toEqual({ user: new Set(['alice', 'bob']), organization: new Set(['sales']), group: new Set(['admins']) });
  });
  accepts('users', [
    [[], []],
    [null, []],
  ]);
  it.each([['alice'], [[{ name: 'x' }]], [[{ code: '' }]], [{ code: 'alice' }]])('refuses %j', (bad) => {
    expect(write('users', bad).en).toEqual({ 'record.users.value': ['The value is invalid.'] });
  });
});

describe('FILE', () => {
  const kept = { fileKey: 'k-1', name: 'a.txt', contentType: 'text/plain', size: '3' };
  const withFile = { ...baseline, file: [kept] };
  it('keeps files named by their current key and queues the rest as uploads', () => {
    const r = parseRecordInput(fields, { file: { value: [{ fileKey: 'up-9' }, { fileKey: 'k-1' }, { fileKey: 'up-9' }] } }, options('update', withFile));
    expect(r.problems).toEqual({});
    expect(r.values.file).toEqual([{ fileKey: 'up-9', name: '', contentType: '', size: '0' }, kept]);
    expect(r.uploadKeys).toEqual(['up-9']);
  });
  it('removes files left out', () => {
    const r = parseRecordInput(fields, { file: { value: [] } }, options('update', withFile));
    expect(r.values.file).toEqual([]);
    expect(r.uploadKeys).toEqual([]);
  });
  it('treats every key on create as an upload', () => {
    const r = parseRecordInput(fields, { title: { value: 'x1' }, file: { value: [{ fileKey: 'k-1' }] } }, options('create'));
    expect(r.uploadKeys).toEqual(['k-1']);
  });
  it('refuses an entry without a key', () => {
    expect(write('file', [{ name: 'x' }]).en).toEqual({ 'record.file.value': ['The value is invalid.'] });
  });
});

describe('multi-record prefix', () => {
  it('puts the record index in front of every key', () => {
    const r = parseRecordInput(fields, { title: { value: '' }, price: { value: 'x' }, check: { value: ['W'] } }, { ...options('create'), prefix: 'records[3]' });
    expect(rendered(r.problems, 'en')).toEqual({
      'records[3].title.value': ['Required.'],
      'records[3][price].value': ['Only numbers are allowed.'],
      'records[3].check.values[0].value': ['The value, "W", is not in options.'],
    });
  });
});
