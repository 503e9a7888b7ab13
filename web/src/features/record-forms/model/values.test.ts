import { describe, expect, it } from 'vitest';
import type { ApiField, Property } from '../../../../../common/fields/index.js';
import { type RowValue, buildPayload, duplicateValues, fromApi, initialValues, lookupTargets, pendingUploads, sameValue, toApi } from './values';

const P = (p: Partial<Property> & { type: Property['type']; code: string }): Property => ({ label: p.code, ...p }) as Property;
const ctx = { timeZone: 'Asia/Tokyo', now: new Date('2025-04-01T00:30:00Z'), user: { code: 'sato', name: 'Sato Hanako' } };

const fields: Record<string, Property> = {
  title: P({ type: 'SINGLE_LINE_TEXT', code: 'title', defaultValue: 'Untitled' }),
  day: P({ type: 'DATE', code: 'day', defaultNowValue: true }),
  visit: P({ type: 'DATETIME', code: 'visit' }),
  owner: P({ type: 'USER_SELECT', code: 'owner', defaultValue: [{ type: 'FUNCTION', code: 'LOGINUSER()' }] }),
  tags: P({ type: 'CHECK_BOX', code: 'tags', options: { A: { label: 'A', index: '0' } }, defaultValue: ['A'] }),
  files: P({ type: 'FILE', code: 'files' }),
  total: P({ type: 'CALC', code: 'total', expression: '1+1' }),
  auto: P({ type: 'SINGLE_LINE_TEXT', code: 'auto', expression: 'title' }),
  items: P({ type: 'SUBTABLE', code: 'items', fields: { qty: P({ type: 'NUMBER', code: 'qty', defaultValue: '1' }), pic: P({ type: 'FILE', code: 'pic' }) } }),
  key: P({ type: 'SINGLE_LINE_TEXT', code: 'key', lookup: { relatedApp: { app: '9', code: '' }, relatedKeyField: 'k', fieldMappings: [{ field: 'copied', relatedField: 'n' }], lookupPickerFields: [], filterCond: '', sort: '' } }),
  copied: P({ type: 'SINGLE_LINE_TEXT', code: 'copied' }),
  box: P({ type: 'GROUP', code: 'box' }),
};

const record: Record<string, ApiField> = {
  title: { type: 'SINGLE_LINE_TEXT', value: 'Report' },
  day: { type: 'DATE', value: '2025-03-31' },
  visit: { type: 'DATETIME', value: '2025-04-01T05:05:00Z' },
  owner: { type: 'USER_SELECT', value: [{ code: 'yamada', name: 'Yamada Taro' }] },
  tags: { type: 'CHECK_BOX', value: [] },
  files: { type: 'FILE', value: [{ fileKey: 'f1', name: 'a.png', contentType: 'image/png', size: '10' }] },
  total: { type: 'CALC', value: '2' },
  items: { type: 'SUBTABLE', value: [{ id: '77', value: { qty: { type: 'NUMBER', value: '3' }, pic: { type: 'FILE', value: [] } } }] },
};

describe('form values', () => {
  it('starts a new record from the field settings, in the person’s time zone', () => {
    const v = initialValues(fields, ctx);
    expect(v.title).toBe('Untitled');
    // 00:30 UTC is 09:30 on April 1st in Tokyo.
    expect(v.day).toBe('2025-04-01');
    expect(v.owner).toEqual([{ code: 'sato', name: 'Sato Hanako' }]);
    expect(v.tags).toEqual(['A']);
    expect((v.items as RowValue[]).map((r) => r.value.qty)).toEqual(['1']);
    expect(v.box).toBeUndefined();
  });

  it('reads a record and writes values back as kintone takes them', () => {
    const v = initialValues(fields, ctx, record);
    expect(v.visit).toBe('2025-04-01T14:05');
    expect(toApi(fields.visit!, v.visit!, ctx)).toBe('2025-04-01T05:05:00Z');
    expect(toApi(fields.owner!, v.owner!, ctx)).toEqual([{ code: 'yamada' }]);
    expect(toApi(fields.files!, v.files!, ctx)).toEqual([{ fileKey: 'f1' }]);
    expect(toApi(fields.items!, v.items!, ctx)).toEqual([{ id: '77', value: { qty: { value: '3' }, pic: { value: [] } } }]);
    expect(fromApi(fields.tags!, undefined, ctx)).toEqual([]);
  });

  it('sends only what changed, never computed fields, lookup copies or fields to skip', () => {
    const base = initialValues(fields, ctx, record);
    const edited = { ...base, title: 'Report 2', total: '99', auto: 'x', copied: 'forged' };
    const skip = lookupTargets(fields);
    expect(skip).toEqual(new Set(['copied']));
    expect(buildPayload(fields, edited, ctx, { skip, baseline: base })).toEqual({ title: { value: 'Report 2' } });
    // A table is sent whole when any of its rows changed.
    const rows = base.items as RowValue[];
    const more = { ...base, items: [...rows, { key: 'new', id: null, value: { qty: '5', pic: [] } }] };
    expect(buildPayload(fields, more, ctx, { skip, baseline: base }).items!.value).toEqual([
      { id: '77', value: { qty: { value: '3' }, pic: { value: [] } } },
      { value: { qty: { value: '5' }, pic: { value: [] } } },
    ]);
  });

  it('compares values as a person sees them', () => {
    expect(sameValue(fields.owner!, [{ code: 'a', name: 'A' }], [{ code: 'a', name: 'other name' }])).toBe(true);
    expect(sameValue(fields.tags!, ['A'], [])).toBe(false);
  });

  it('duplicates what a person typed, not files, and makes table rows new', () => {
    const v = duplicateValues(fields, ctx, record);
    expect(v.title).toBe('Report');
    expect(v.files).toEqual([]);
    const rows = v.items as RowValue[];
    expect(rows.map((r) => [r.id, r.value.qty, r.value.pic])).toEqual([[null, '3', []]]);
  });

  it('knows when a file is still on its way up', () => {
    const v = initialValues(fields, ctx);
    expect(pendingUploads(fields, v)).toBe(false);
    const uploading = { ...v, files: [{ key: 'x', fileKey: null, name: 'b', size: '1', contentType: '', state: 'uploading' as const, progress: 0.5 }] };
    expect(pendingUploads(fields, uploading)).toBe(true);
  });
});
