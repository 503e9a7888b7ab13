// Rules that span the record: defaults, required, lengths, what is ignored, hostile keys.
import { describe, expect, it } from 'vitest';
import { fixtureFields, rendered } from './test-support.js';
import type { StoredValue } from './value-types.js';
import { parseRecordInput } from './values.js';

const fields = fixtureFields();
const NOW = new Date('2026-04-23T16:30:45Z');
const opts = (mode: 'create' | 'update', existing?: Record<string, StoredValue>) => ({
  mode,
  existing,
  prefix: 'record',
  now: NOW,
  timeZone: 'Asia/Tokyo',
  newRowId: () => 'r1',
  actor: { user: 'alice', primaryOrganization: 'sales' },
});
const create = (record: unknown) => parseRecordInput(fields, record, opts('create'));

describe('defaults', () => {
  it('fill absent keys on create, "today" and "now" in the writer\'s zone', () => {
    const { values, problems } = create({ title: { value: 'Hello' } });
    expect(problems).toEqual({});
    expect(values).toMatchObject({
      price: '42',
      radio: 'b',
      multi: ['q'],
      check: [],
      drop: null,
      day: null,
      today: '2026-04-24',
      dayDef: '2020-01-15',
      time: null,
      nowTime: '01:30',
      at: null,
      nowAt: '2026-04-23T16:30:00Z',
      users: [{ code: 'alice' }],
      orgs: [],
      file: [],
      items: [],
      note: '',
    });
  });

  it('never replace a key that was sent, even empty', () => {
    const { values } = create({ title: { value: 'Hello' }, price: { value: '' }, radio: { value: '' }, multi: { value: [] }, today: { value: null } });
    expect(values).toMatchObject({ price: '', radio: null, multi: [], today: null });
  });

  it('treat an entry without "value" as absent', () => {
    expect(create({ title: { value: 'Hello' }, price: {} }).values.price).toBe('42');
  });

  it('never apply on update', () => {
    const { values } = parseRecordInput(fields, { note: { value: 'x' } }, opts('update', { title: 'Hello' }));
    expect(values).toMatchObject({ price: '', radio: null, today: null, users: [], note: 'x', title: 'Hello' });
  });

  it('let a required field with a default pass when absent, and fail when sent empty', () => {
    const required = { ...fields, price: { ...fields.price!, required: true } };
    expect(parseRecordInput(required, { title: { value: 'Hello' } }, opts('create')).problems).toEqual({});
    const r = parseRecordInput(required, { title: { value: 'Hello' }, price: { value: '' } }, opts('create'));
    expect(rendered(r.problems, 'en')).toEqual({ 'record.price.value': ['Required.'] });
  });
});

describe('required', () => {
  const allRequired = Object.fromEntries(
    Object.entries(fields).map(([code, p]) => [code, p.type === 'SUBTABLE' || p.type === 'CALC' ? p : { ...p, required: true }]),
  );
  it('reports each empty required field under the key kintone uses for its type', () => {
    const r = parseRecordInput(allRequired, { title: { value: 'Hello' }, radio: { value: '' } }, opts('update', {}));
    expect(rendered(r.problems, 'en')).toEqual({
      'record.note.value': ['Required.'],
      'record.rich.value': ['Required.'],
      'record.qty.value': ['Required.'],
      'record.price.value': ['Required.'],
      'record.radio.value': ['Required.'],
      'record.check.values': ['Required.'],
      'record.multi.values': ['Required.'],
      'record.drop.value': ['Required.'],
      'record.day.value': ['Required.'],
      'record.today.value': ['Required.'],
      'record.dayDef.value': ['Required.'],
      'record.time.value': ['Required.'],
      'record.nowTime.value': ['Required.'],
      'record.at.value': ['Required.'],
      'record.nowAt.value': ['Required.'],
      'record.link.value': ['Required.'],
      'record.key.value': ['Required.'],
      'record.file.values': ['Required.'],
      'record.users.values.value': ['Required.'],
      'record.orgs.values.value': ['Required.'],
      'record.groups.values.value': ['Required.'],
    });
    expect(rendered(r.problems, 'ja')['record.users.values.value']).toEqual(['必須です。']);
  });

  it.each([' ', '\t\n', '\u3000', ' \u3000 '])('counts whitespace-only text %j as empty', (blank) => {
    expect(rendered(create({ title: { value: blank } }).problems, 'en')).toEqual({ 'record.title.value': ['Required.'] });
  });

  it('checks the record as it will be after an update, not only what was sent', () => {
    const r = parseRecordInput(fields, { note: { value: 'x' } }, opts('update', { title: '', radio: 'a' }));
    expect(rendered(r.problems, 'ja')).toEqual({ 'record.title.value': ['必須です。'] });
    expect(parseRecordInput(fields, { note: { value: 'x' } }, opts('update', { title: 'kept', radio: 'a' })).problems).toEqual({});
  });

  it('is not reported on top of a format problem', () => {
    const r = parseRecordInput(allRequired, { day: { value: 'soon' } }, opts('update', {}));
    expect(r.problems['record.day.value']).toEqual([{ key: 'dateFormat' }]);
  });
});

describe('lengths count characters, not bytes or UTF-16 units', () => {
  it.each(['ab', 'あい', '😀😀', '👨‍👩‍👧', '0123456789', '😀'.repeat(10), '日本語の文字を十文字'])('%j fits 2..10', (value) => {
    expect(create({ title: { value } }).problems).toEqual({});
  });

  it('refuses 11 characters with "Enter less than 11 characters."', () => {
    expect(rendered(create({ title: { value: '😀'.repeat(11) } }).problems, 'en')).toEqual({ 'record.title.value': ['Enter less than 11 characters.'] });
    expect(rendered(create({ title: { value: 'あ'.repeat(11) } }).problems, 'ja')).toEqual({ 'record.title.value': ['11文字より短くなければなりません。'] });
  });

  it('refuses 1 character with "Enter more than 1 characters."', () => {
    expect(rendered(create({ title: { value: '😀' } }).problems, 'en')).toEqual({ 'record.title.value': ['Enter more than 1 characters.'] });
    expect(rendered(create({ title: { value: 'あ' } }).problems, 'ja')).toEqual({ 'record.title.value': ['1文字より長くなければなりません。'] });
  });
});

describe('what a write cannot touch', () => {
  const existing = { title: 'Hello', radio: 'a', total: '84', copied: 'from lookup', auto: 'Hello', Status: '未処理', Categories: ['c1'] };

  it('ignores unknown codes and $id/$revision', () => {
    const r = parseRecordInput(fields, { nope: { value: 'x' }, $id: { value: '9' }, $revision: { value: '9' } }, opts('update', existing));
    expect(r.problems).toEqual({});
    expect(Object.keys(r.values)).not.toContain('nope');
    expect(Object.keys(r.values)).not.toContain('$id');
  });

  it('ignores CALC, lookup copies, auto-calculated text and system fields, keeping their stored values', () => {
    const r = parseRecordInput(
      fields,
      {
        total: { value: '1' },
        copied: { value: 'mine' },
        auto: { value: 'mine' },
        Record_number: { value: '5' },
        Created_by: { value: { code: 'eve' } },
        Updated_datetime: { value: '2020-01-01T00:00:00Z' },
        Status: { value: '完了' },
        Categories: { value: ['x'] },
        Assignee: { value: [{ code: 'eve' }] },
      },
      opts('update', existing),
    );
    expect(r.problems).toEqual({});
    expect(r.values).toMatchObject({ total: '84', copied: 'from lookup', auto: 'Hello', Status: '未処理', Categories: ['c1'] });
    expect(r.values).not.toHaveProperty('Record_number');
    expect(r.values).not.toHaveProperty('Assignee');
    expect(r.entityCodes.user.size).toBe(0);
    expect(r.system).toEqual({});
  });

  it('leaves lookup copies and auto-calculated text empty on create for the server to fill', () => {
    const r = create({ title: { value: 'Hello' }, copied: { value: 'mine' }, auto: { value: 'mine' }, total: { value: '1' } });
    expect(r.values).toMatchObject({ copied: '', auto: '' });
    expect(r.values).not.toHaveProperty('total');
  });

  it('accepts the lookup key itself', () => {
    expect(create({ title: { value: 'Hello' }, key: { value: 'P-1' } }).values.key).toBe('P-1');
  });

  it('hands creator and timestamps sent on create to the server, which decides whether to honour them', () => {
    const r = create({
      title: { value: 'Hello' },
      Created_by: { value: { code: 'eve' } },
      Created_datetime: { value: '2020-01-02T03:04:05+09:00' },
      Updated_by: { value: { code: 'mallory' } },
      Updated_datetime: { value: 'yesterday' },
    });
    expect(r.system).toEqual({ creator: 'eve', createdAt: '2020-01-01T18:04:00Z', modifier: 'mallory' });
    expect(rendered(r.problems, 'en')).toEqual({ 'record.Updated_datetime.value': ['Format is not valid.'] });
  });
});

describe('hostile input', () => {
  it('refuses a record that is not an object', () => {
    expect(rendered(create(undefined).problems, 'en')).toEqual({ record: ['Required field.'] });
    expect(rendered(create([]).problems, 'en')).toEqual({ record: ['The value is invalid.'] });
    expect(rendered(create({ title: 'Hello' }).problems, 'en')).toEqual({ 'record.title.value': ['The value is invalid.', 'Required.'] });
  });

  it('treats __proto__ and constructor keys as unknown codes and never touches a prototype', () => {
    const record = JSON.parse(
      '{"title":{"value":"Hello"},"__proto__":{"value":{"polluted":true}},"constructor":{"value":"x"},"items":{"value":[{"value":{"__proto__":{"value":"x"},"name":{"value":"n"}}}]}}',
    ) as unknown;
    const r = create(record);
    expect(r.problems).toEqual({});
    expect(Object.getPrototypeOf(r.values)).toBeNull();
    expect(Object.keys(r.values)).not.toContain('__proto__');
    expect(Object.keys(r.values)).not.toContain('constructor');
    const row = (r.values.items as { value: Record<string, unknown> }[])[0]!;
    expect(Object.keys(row.value)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores inherited properties of a record object', () => {
    const record = Object.create({ title: { value: 'inherited' } }) as Record<string, unknown>;
    const r = create(record);
    expect(r.values.title).toBe('');
    expect(rendered(r.problems, 'en')).toEqual({ 'record.title.value': ['Required.'] });
  });
});
