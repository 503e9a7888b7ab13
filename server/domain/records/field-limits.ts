// Field permissions for one request: which fields the actor may not see (left out of every
// answer, and unknown to its queries), and which it may not write. See policy/field-rights.ts.
import type { StoredValue } from '../../../common/fields/index.js';
import { type FieldRights, type RecordFacts, accessIn, canRead, canWrite, fieldRightsFor } from '../../policy/field-rights.js';
import type { Principal } from '../../policy/principal.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { loadPrincipal } from '../directory/cache.js';
import type { AppDefinition } from '../apps/definition.js';
import { entityCodes } from './entities.js';

export interface FieldLimits {
  /** True when nothing is limited: answers are the same for everyone who sees the record. */
  none: boolean;
  /** Fields no query of this actor may name: hidden in some record or all (probe R1). */
  unqueryable: ReadonlySet<string>;
  /** Codes to leave out of this record's answer. */
  hiddenIn(record: Pick<StoredRecord, 'creatorId' | 'modifierId' | 'data'>): ReadonlySet<string>;
  /** Codes among `codes` the actor may not write into `record` (a new one: its creator, these values). */
  unwritable(codes: string[], record: RecordFactsSource): string[];
}

/** Where per-record facts come from: a stored record (by field id) or a new one (by code). */
export type RecordFactsSource =
  | { stored: Pick<StoredRecord, 'creatorId' | 'modifierId' | 'data'> }
  | { fresh: { byCode: Record<string, unknown>; writerId: number } };

const EMPTY: ReadonlySet<string> = new Set();

export const NO_LIMITS: FieldLimits = { none: true, unqueryable: EMPTY, hiddenIn: () => EMPTY, unwritable: () => [] };

type Schema = { def: AppDefinition; fields: AppDefinition['fields']; fieldIds: Record<string, string>; directoryVersion: number };

export async function fieldLimits(ctx: Ctx, schema: Schema): Promise<FieldLimits> {
  const acl = schema.def.fieldAcl ?? [];
  const actor = ctx.actor;
  // API tokens act with their own flags over every field, as in kintone.
  if (acl.length === 0 || actor.kind === 'system' || actor.kind === 'apiToken') return NO_LIMITS;
  const principal = actor.kind === 'user' || actor.kind === 'guest' ? await loadPrincipal(ctx, schema.directoryVersion, actor.userId) : null;
  if (!principal) return everythingHidden(acl.map((r) => r.code));
  return limitsFor(schema, principal, fieldRightsFor(principal, acl));
}

function everythingHidden(codes: string[]): FieldLimits {
  const hidden = new Set(codes);
  return { none: false, unqueryable: hidden, hiddenIn: () => hidden, unwritable: (c) => c.filter((x) => hidden.has(x)) };
}

function limitsFor(schema: Schema, p: Principal, rights: FieldRights): FieldLimits {
  if (rights.perRecord.size === 0 && [...rights.fixed.values()].every((a) => a === 'WRITE')) return NO_LIMITS;
  const alwaysHidden = new Set([...rights.fixed].filter(([, a]) => !canRead(a)).map(([c]) => c));
  const unqueryable = new Set([...alwaysHidden, ...rights.perRecord.keys()]);
  const typeOf = (code: string) => schema.fields[code]?.type;
  const storedFacts = (r: Pick<StoredRecord, 'creatorId' | 'modifierId' | 'data'>): RecordFacts => ({
    creatorId: r.creatorId,
    modifierId: r.modifierId,
    typeOf,
    codesIn: (code) => entityCodes(r.data[schema.fieldIds[code] ?? '']),
  });
  const factsOf = (source: RecordFactsSource): RecordFacts =>
    'stored' in source
      ? storedFacts(source.stored)
      : {
          creatorId: source.fresh.writerId,
          modifierId: source.fresh.writerId,
          typeOf,
          codesIn: (code) => entityCodes((source.fresh.byCode[code] as { value?: StoredValue } | undefined)?.value),
        };
  return {
    none: false,
    unqueryable,
    hiddenIn(record) {
      if (rights.perRecord.size === 0) return alwaysHidden;
      const facts = storedFacts(record);
      const hidden = new Set(alwaysHidden);
      for (const code of rights.perRecord.keys()) if (!canRead(accessIn(rights, p, code, facts))) hidden.add(code);
      return hidden;
    },
    unwritable(codes, source) {
      const facts = factsOf(source);
      return codes.filter((code) => !canWrite(accessIn(rights, p, code, facts)));
    },
  };
}


/** Refuses a write naming a field the actor may not write (probe R7): nothing is written. */
export function assertWritable(limits: FieldLimits, input: Record<string, unknown>, source: RecordFactsSource): void {
  if (limits.none) return;
  if (limits.unwritable(Object.keys(input), source).length) throw new AppError('CB_NO02');
}
