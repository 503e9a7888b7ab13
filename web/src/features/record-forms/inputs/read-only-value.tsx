// What the form shows but never sends: 計算 / Calculated (and text computed by a formula), the
// record number, creator, created time, updater and updated time. The server computes them on
// save; a new record says so instead of a value.
import type { Property } from '../../../../../common/fields/index.js';
import type { FormValue, EntityValue } from '../model/values';
import type { FormEnv } from './types';

const SYSTEM = new Set(['RECORD_NUMBER', 'CREATOR', 'CREATED_TIME', 'MODIFIER', 'UPDATED_TIME']);

function shown(p: Property, v: FormValue | undefined): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return (v as EntityValue[]).map((e) => (typeof e === 'string' ? e : e.name)).join(', ');
  if ((p.type === 'CREATED_TIME' || p.type === 'UPDATED_TIME' || (p.type === 'CALC' && p.format === 'DATETIME')) && v) return v.replace('T', ' ');
  if (p.type === 'CALC' && v && typeof p.unit === 'string' && p.unit) return p.unitPosition === 'AFTER' ? `${v}${p.unit}` : `${p.unit}${v}`;
  return v;
}

export function ReadOnlyValue({ property, value, id, isNew, env, ariaLabel }: { property: Property; value: FormValue | undefined; id: string; isNew: boolean; env: FormEnv; ariaLabel?: string | undefined }) {
  const text = shown(property, value);
  const note = isNew ? (SYSTEM.has(property.type) ? env.s.automatic : env.s.calculated) : '';
  return (
    <output id={id} className="rf-readonly" aria-label={ariaLabel}>
      {text || <span className="muted">{note || '—'}</span>}
    </output>
  );
}

export function isReadOnlyType(p: Property): boolean {
  return p.type === 'CALC' || SYSTEM.has(p.type) || (p.type === 'SINGLE_LINE_TEXT' && typeof p.expression === 'string' && p.expression !== '');
}
