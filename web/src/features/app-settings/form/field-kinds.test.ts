import { describe, expect, it } from 'vitest';
import type { Property } from '../../../../../common/fields/index.js';
import { allCodes, freeCode, kindOf, newProperty } from './field-kinds';

describe('field kinds', () => {
  it('finds a free code, table columns included', () => {
    const fields = {
      Text: { type: 'SINGLE_LINE_TEXT', code: 'Text', label: 'x' },
      t: { type: 'SUBTABLE', code: 't', label: 'T', fields: { Text_2: { type: 'SINGLE_LINE_TEXT', code: 'Text_2', label: 'y' } } },
    } as unknown as Record<string, Property>;
    expect(freeCode('SINGLE_LINE_TEXT', allCodes(fields))).toBe('Text_3');
    expect(freeCode('NUMBER', allCodes(fields))).toBe('Number');
  });

  it('starts choice fields with two options and a lookup as text with lookup settings', () => {
    expect(newProperty('RADIO_BUTTON', 'r', 'R')).toMatchObject({ type: 'RADIO_BUTTON', defaultValue: 'sample1', options: { sample1: { index: '0' }, sample2: { index: '1' } } });
    const lookup = newProperty('LOOKUP', 'l', 'L');
    expect(lookup.type).toBe('SINGLE_LINE_TEXT');
    expect(kindOf(lookup)).toBe('LOOKUP');
  });
});
