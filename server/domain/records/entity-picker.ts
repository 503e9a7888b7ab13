// The people picker of an app's record form: which users, departments and groups its reader may
// choose in a selection field. The same rule as the record write (prepare.ts peopleOfPlace):
// outside guest spaces, the domain's users, departments and groups; in a guest space's app, the
// space's own people (members — named or through a group or department — and its guests), and
// the groups and departments that are its members; a guest chooses no group or department.
import type { EntityPickerInput, PickableEntityJson } from '../../../common/api/entity-picker.js';
import { pickGroupsOrOrganizations, pickUsers } from '../../storage/entity-picker.repo.js';
import { spaceMemberRefs } from '../../storage/threads.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Ctx } from '../context.js';
import { guestSpaceOf, spacePeople } from '../spaces/space-access.js';
import { recordSchema } from './schema.js';

/** Accounts read per round while filtering a guest space's people, and rounds at most. */
const BATCH = 200;
const MAX_ROUNDS = 10;

export async function pickableEntities(ctx: Ctx, input: EntityPickerInput): Promise<PickableEntityJson[]> {
  const schema = await recordSchema(ctx, input.app, 'view');
  const guestSpace = await guestSpaceOf(ctx, schema.directoryVersion, schema.app.spaceId);
  const domainId = ctx.actor.domainId;
  const keyword = input.keyword || undefined;
  if (input.kind === 'USER') {
    if (guestSpace === null) {
      const rows = await pickUsers(ctx.db, domainId, { keyword, kinds: ['user'], afterId: 0, limit: input.limit });
      return rows.map((r) => ({ type: 'USER', code: r.code, name: r.name }));
    }
    const out: PickableEntityJson[] = [];
    let afterId = 0;
    for (let round = 0; round < MAX_ROUNDS && out.length < input.limit; round++) {
      const rows = await pickUsers(ctx.db, domainId, { keyword, kinds: ['user', 'guest'], afterId, limit: BATCH });
      if (rows.length === 0) break;
      const inSpace = await spacePeople(ctx, schema.directoryVersion, guestSpace, rows.map((r) => r.codeKey));
      for (const r of rows) if (inSpace.has(r.codeKey) && out.length < input.limit) out.push({ type: 'USER', code: r.code, name: r.name });
      afterId = rows[rows.length - 1]!.id;
      if (rows.length < BATCH) break;
    }
    return out;
  }
  const table = input.kind === 'GROUP' ? 'groups' : 'organizations';
  let codeKeys: string[] | undefined;
  if (guestSpace !== null || ctx.actor.kind === 'guest') {
    if (ctx.actor.kind === 'guest' || guestSpace === null) return [];
    const members = await spaceMemberRefs(ctx.db, domainId, guestSpace);
    codeKeys = members.flatMap((m) => (m.type === input.kind && m.code ? [codeKey(m.code)] : []));
  }
  const rows = await pickGroupsOrOrganizations(ctx.db, domainId, table, { keyword, ...(codeKeys ? { codeKeys } : {}), limit: input.limit });
  return rows.map((r) => ({ type: input.kind, code: r.code, name: r.name }));
}
