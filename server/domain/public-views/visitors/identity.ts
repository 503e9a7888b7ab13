// MyPage: a signed-in visitor sees only the records whose mapped fields equal their verified
// address or their registered attributes. The match is a condition of the query's tree with the
// visitor's values as literals, ANDed with the fixed filter (reader.ts) — the address comes from
// the e-mail session alone, never from the request (P10), and a missing attribute matches nothing.
import type { Property } from '../../../../common/fields/index.js';
import type { MyPageSettings } from '../../../../common/api/public-views.js';
import type { IdentityMatch } from '../../../../common/api/public-visitors.js';
import type { Expr } from '../../../../common/query/index.js';
import type { PublicViewerActor } from '../../../policy/actor.js';
import { AppError } from '../../app-error.js';
import type { RecordSchema } from '../../records/schema.js';
import { reads } from '../check-settings.js';

const FOR_EMAIL = new Set(['SINGLE_LINE_TEXT', 'LINK']);
const FOR_ATTRIBUTE = new Set(['SINGLE_LINE_TEXT', 'LINK', 'NUMBER', 'DROP_DOWN', 'RADIO_BUTTON']);
const NUMBER = /^-?\d{1,15}(\.\d{1,10})?$/;
/** Matches no record: ids start at 1. */
const NOTHING: Expr = { kind: 'compare', field: { code: '$id', pos: 0 }, op: '<', value: { kind: 'number', value: '1' } };

/** The MyPage settings as saved: each matched field readable by every schema and of a type that fits. */
export function checkIdentity<S extends MyPageSettings>(s: S, schemas: RecordSchema[]): S {
  const seen = new Set<string>();
  for (const m of s.match) {
    const types = m.attribute === 'email' ? FOR_EMAIL : FOR_ATTRIBUTE;
    const ok = schemas.every((schema) => reads(schema, m.field) && types.has((schema.fields[m.field] as Property | undefined)?.type ?? ''));
    if (!ok || seen.has(`${m.field}\0${m.attribute}`)) throw new AppError('CB_PV38', { params: { field: m.field } });
    seen.add(`${m.field}\0${m.attribute}`);
  }
  return s;
}

export interface VisitorIdentity {
  email: string;
  attributes: Record<string, string>;
}

/** The visitor's identity, if the gate put one on the actor (an e-mail session of this view). */
export function identityOf(actor: PublicViewerActor): VisitorIdentity | null {
  return actor.email ? { email: actor.email, attributes: actor.attributes ?? {} } : null;
}

/** `field = value` for every match, ANDed; NOTHING where a value is missing or does not fit. */
export function identityExpr(match: readonly IdentityMatch[], who: VisitorIdentity, schema: RecordSchema): Expr {
  const conds: Expr[] = [];
  for (const m of match) {
    const p = schema.fields[m.field] as Property | undefined;
    const value = m.attribute === 'email' ? who.email : Object.hasOwn(who.attributes, m.attribute) ? who.attributes[m.attribute]! : '';
    if (!p || !reads(schema, m.field) || value === '') return NOTHING;
    const field = { code: m.field, pos: 0 };
    if (p.type === 'NUMBER') {
      if (!NUMBER.test(value)) return NOTHING;
      conds.push({ kind: 'compare', field, op: '=', value: { kind: 'number', value } });
    } else if (p.type === 'DROP_DOWN' || p.type === 'RADIO_BUTTON') {
      conds.push({ kind: 'in', field, negated: false, values: [{ kind: 'string', value }] });
    } else {
      conds.push({ kind: 'compare', field, op: '=', value: { kind: 'string', value } });
    }
  }
  return conds.length === 1 ? conds[0]! : { kind: 'and', items: conds };
}

/** What the cache key must hold of the visitor for a MyPage answer (P9). */
export function identityKey(who: VisitorIdentity | null): string {
  return who ? JSON.stringify([who.email, Object.entries(who.attributes).sort(([a], [b]) => (a < b ? -1 : 1))]) : '';
}
