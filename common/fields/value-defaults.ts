// Default values for a new record (or a new table row): the field's `defaultValue`, or "now"
// and "today" in the adding person's time zone where the field asks for it.
import { canonicalDate, canonicalDateTime, canonicalTime, formatDateTime, localParts } from './scalars.js';
import type { EntityRef } from './property-values.js';
import type { Property } from './types.js';
import { type StoredValue, emptyValue } from './value-types.js';

export type DefaultContext = {
  now: Date;
  timeZone: string;
  /** Resolves LOGINUSER() and PRIMARY_ORGANIZATION() in entity defaults. */
  actor?: { user: string; primaryOrganization?: string | null };
};

const ENTITY_TYPE: Record<string, string> = {
  USER_SELECT: 'USER',
  ORGANIZATION_SELECT: 'ORGANIZATION',
  GROUP_SELECT: 'GROUP',
};

export function defaultValue(p: Property, ctx: DefaultContext): StoredValue {
  const d = p.defaultValue;
  const text = typeof d === 'string' ? d : '';
  switch (p.type) {
    case 'SINGLE_LINE_TEXT':
    case 'LINK':
    case 'MULTI_LINE_TEXT':
    case 'RICH_TEXT':
    case 'NUMBER':
      return text;
    case 'DATE':
      return p.defaultNowValue === true ? localParts(ctx.now, ctx.timeZone).date : (canonicalDate(text) ?? null);
    case 'TIME':
      return p.defaultNowValue === true ? localParts(ctx.now, ctx.timeZone).time : (canonicalTime(text) ?? null);
    case 'DATETIME':
      return p.defaultNowValue === true ? (formatDateTime(ctx.now) ?? null) : (canonicalDateTime(text) ?? null);
    case 'RADIO_BUTTON':
    case 'DROP_DOWN':
      return text === '' ? null : text;
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
      return Array.isArray(d) ? d.filter((x): x is string => typeof x === 'string') : [];
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
      return entityDefaults(p, ctx);
    default:
      return emptyValue(p.type);
  }
}

// A user selection may list departments or groups as defaults on screen (meaning "pick from
// these"); a stored value holds only entities of the field's own kind, so those are skipped.
function entityDefaults(p: Property, ctx: DefaultContext): StoredValue {
  const out: { code: string }[] = [];
  for (const e of Array.isArray(p.defaultValue) ? (p.defaultValue as EntityRef[]) : []) {
    let code: string | null | undefined;
    if (e.type === 'FUNCTION' && e.code === 'LOGINUSER()') code = ctx.actor?.user;
    else if (e.type === 'FUNCTION' && e.code === 'PRIMARY_ORGANIZATION()') code = ctx.actor?.primaryOrganization;
    else if (e.type === ENTITY_TYPE[p.type]) code = e.code;
    if (code && !out.some((x) => x.code === code)) out.push({ code });
  }
  return out;
}
