// GET /v1/space/member-candidates.json (ours): users, groups or departments of the domain whose
// code or name contains a keyword — whom a person creating a space, or a space administrator,
// may add as members. Users only: a guest adds nobody and learns nothing of the directory. The
// same names any app's people picker already shows to users (records/entity-picker.ts).
import type { MemberCandidateJson, MemberCandidatesInput } from '../../../common/api/space-people.js';
import { pickGroupsOrOrganizations, pickUsers } from '../../storage/entity-picker.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';

export async function memberCandidates(ctx: Ctx, input: MemberCandidatesInput): Promise<MemberCandidateJson[]> {
  if (ctx.actor.kind !== 'user') throw new AppError('CB_NO02');
  const domainId = ctx.actor.domainId;
  const keyword = input.keyword || undefined;
  if (input.kind === 'USER') {
    const rows = await pickUsers(ctx.db, domainId, { keyword, kinds: ['user'], afterId: 0, limit: input.limit });
    return rows.map((r) => ({ type: 'USER', code: r.code, name: r.name }));
  }
  const table = input.kind === 'GROUP' ? 'groups' : 'organizations';
  const rows = await pickGroupsOrOrganizations(ctx.db, domainId, table, { keyword, limit: input.limit });
  return rows.map((r) => ({ type: input.kind, code: r.code, name: r.name }));
}
