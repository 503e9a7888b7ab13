// What the API stores and returns for a formula's result (spec/calc-formulas.md §5).

import type { CalcFormat } from './ast.js';
import { ONE, ZERO, plain, type Num } from './decimal.js';
import { cannotConvert, wrongType } from './failure.js';
import { PROVISIONAL } from './provisional.js';
import { asText, type Value } from './runtime.js';
import {
  MAX_RENDERABLE,
  MIN_RENDERABLE,
  formatDateTimeUtc,
  formatDateUtc,
  formatDuration,
  formatTimeOfDay,
} from './time.js';

/** A CALC field's value: numbers in its format, booleans as 1/0, strings never (§0, §5). */
export function renderCalc(v: Value, format: CalcFormat): string {
  switch (v.kind) {
    case 'number':
      return v.empty ? '' : renderNumber(v.value, format);
    case 'boolean':
      return renderNumber(v.value ? ONE : ZERO, format);
    case 'string':
      return cannotConvert();
    default:
      return wrongType();
  }
}

/** An auto-calculated SINGLE_LINE_TEXT value: everything as text, numbers in plain notation. */
export function renderText(v: Value): string {
  return asText(v);
}

const DAY = 86_400;

function renderNumber(x: Num, format: CalcFormat): string {
  switch (format) {
    case 'NUMBER':
    case 'NUMBER_DIGIT':
      // Separators, displayScale and units are the UI's business (§5.1).
      return plain(x);
    case 'DATETIME':
    case 'DATE': {
      const s = x.floor().toNumber();
      if (s < MIN_RENDERABLE || s > MAX_RENDERABLE) cannotConvert();
      if (format === 'DATE') return formatDateUtc(s);
      return formatDateTimeUtc(PROVISIONAL.datetimeDropsSeconds ? s - (((s % 60) + 60) % 60) : s);
    }
    case 'TIME':
      // Reduced exactly first: a waived digit budget lets seconds exceed a double's integers.
      return formatTimeOfDay(x.floor().mod(DAY).plus(DAY).mod(DAY).toNumber());
    case 'HOUR_MINUTE':
    case 'DAY_HOUR_MINUTE':
      return formatDuration(x.trunc(), PROVISIONAL.padDurationHours);
  }
}
