// Field permissions (kintone's field/acl.json): for each listed field, entities in order; the
// first naming the principal decides READ, WRITE or NONE; a listed field naming nobody is NONE;
// a field not listed follows the record's rights (WRITE). Entities that are fields of the record
// (a user, department or group selection, the creator, the modifier, the assignees) make the
// answer depend on the record: such fields keep the chain to be decided per record. Pure.
import { EVERYONE, type FieldAclRight } from '../../common/api/acl.js';
import { type Principal, namesPrincipal } from './principal.js';

export type FieldAccess = 'READ' | 'WRITE' | 'NONE';

/** One FIELD_ENTITY step of a chain: if the record's `field` names the principal, `access`. */
export interface FieldStep {
  field: string;
  includeSubs: boolean;
  access: FieldAccess;
}

export interface FieldRights {
  /** Listed fields whose access is the same for every record. */
  fixed: ReadonlyMap<string, FieldAccess>;
  /** Listed fields decided per record: the steps in order, then `otherwise`. */
  perRecord: ReadonlyMap<string, { steps: FieldStep[]; otherwise: FieldAccess }>;
}

export const NO_FIELD_LIMITS: FieldRights = { fixed: new Map(), perRecord: new Map() };

export function fieldRightsFor(p: Principal, rights: readonly FieldAclRight[]): FieldRights {
  const fixed = new Map<string, FieldAccess>();
  const perRecord = new Map<string, { steps: FieldStep[]; otherwise: FieldAccess }>();
  for (const right of rights) {
    const steps: FieldStep[] = [];
    let decided: FieldAccess = 'NONE';
    for (const e of right.entities) {
      if (e.entity.type === 'FIELD_ENTITY') {
        steps.push({ field: e.entity.code, includeSubs: e.includeSubs, access: e.accessibility });
        continue;
      }
      if (namesPrincipal(p, e.entity as { type: 'USER' | 'GROUP' | 'ORGANIZATION'; code: string }, e.includeSubs, EVERYONE)) {
        decided = e.accessibility;
        break;
      }
    }
    // Steps that cannot change the answer need no record.
    if (steps.every((s) => s.access === decided)) fixed.set(right.code, decided);
    else perRecord.set(right.code, { steps, otherwise: decided });
  }
  return { fixed, perRecord };
}

/** What a record says about the principal, for FIELD_ENTITY steps. */
export interface RecordFacts {
  creatorId: number;
  modifierId: number;
  /** The codes (any case) in the record's user, department or group field `code`. */
  codesIn(code: string): string[];
  /** The type of field `code`, to know how its codes name the principal. */
  typeOf(code: string): string | undefined;
}

export function recordNamesPrincipal(p: Principal, facts: RecordFacts, step: FieldStep): boolean {
  const type = facts.typeOf(step.field);
  switch (type) {
    case 'CREATOR':
      return facts.creatorId === p.userId;
    case 'MODIFIER':
      return facts.modifierId === p.userId;
    case 'USER_SELECT':
    case 'STATUS_ASSIGNEE':
      return facts.codesIn(step.field).some((c) => c.toLowerCase() === p.code);
    case 'ORGANIZATION_SELECT': {
      const mine = step.includeSubs ? p.orgsAndAbove : p.orgs;
      return facts.codesIn(step.field).some((c) => mine.has(c.toLowerCase()));
    }
    case 'GROUP_SELECT':
      return facts.codesIn(step.field).some((c) => p.groups.has(c.toLowerCase()));
    default:
      return false;
  }
}

/** The access to field `code` in one record. */
export function accessIn(rights: FieldRights, p: Principal, code: string, facts: RecordFacts | null): FieldAccess {
  const fixed = rights.fixed.get(code);
  if (fixed) return fixed;
  const chain = rights.perRecord.get(code);
  if (!chain) return 'WRITE';
  if (facts) for (const step of chain.steps) if (recordNamesPrincipal(p, facts, step)) return step.access;
  return chain.otherwise;
}

export const canRead = (a: FieldAccess) => a !== 'NONE';
export const canWrite = (a: FieldAccess) => a === 'WRITE';
