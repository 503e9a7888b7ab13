// What creating a space and replacing its members share: the member list as sent, checked and
// turned into rows. All or none: every entity must name an active regular user, a group (or
// "everyone") or a department of the domain; guests are never members (they are a guest space's
// guests, space/guests.json), and the list needs at least one space administrator.
import { EVERYONE } from '../../../common/api/acl.js';
import type { SpaceMemberInput } from '../../../common/api/spaces.js';
import { loadGroupsByCodes } from '../../storage/groups.repo.js';
import { loadOrganizationsByCodes } from '../../storage/organizations.repo.js';
import { EVERYONE_GROUP_ID, type MemberRow } from '../../storage/spaces.repo.js';
import { codeKey, loadUsersByCodes } from '../../storage/users.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';

/** Account codes of guests start so; a regular login never does (server/domain/auth/sign-in.ts). */
const GUEST_PREFIX = 'guest/';

export async function resolveMembers(ctx: Ctx, members: SpaceMemberInput[], key = 'members'): Promise<MemberRow[]> {
  const domainId = ctx.actor.domainId;
  const codesOf = (type: SpaceMemberInput['entity']['type']) => members.filter((m) => m.entity.type === type).map((m) => m.entity.code);
  const [users, groups, orgs] = await Promise.all([
    loadUsersByCodes(ctx.db, domainId, codesOf('USER').filter((c) => !codeKey(c).startsWith(GUEST_PREFIX))),
    loadGroupsByCodes(ctx.db, domainId, codesOf('GROUP')),
    loadOrganizationsByCodes(ctx.db, domainId, codesOf('ORGANIZATION')),
  ]);

  const problems: Record<string, FieldProblem[]> = {};
  const rows: MemberRow[] = [];
  const seen = new Set<string>();
  members.forEach((m, i) => {
    const k = codeKey(m.entity.code);
    let entityId: number | undefined;
    if (m.entity.type === 'USER') {
      const user = users.get(k);
      // Unknown, deleted, suspended and guest accounts answer alike.
      if (user && user.valid && user.kind === 'user') entityId = user.id;
    } else if (m.entity.type === 'GROUP') {
      entityId = k === EVERYONE ? EVERYONE_GROUP_ID : groups.get(k)?.id;
    } else {
      entityId = orgs.get(k)?.id;
    }
    const at = `${key}[${i}].entity`;
    if (entityId === undefined) {
      problems[at] = [{ key: 'spaceMemberNotFound' }];
      return;
    }
    const id = `${m.entity.type}:${entityId}`;
    if (seen.has(id)) {
      problems[at] = [{ key: 'duplicateInRequest' }];
      return;
    }
    seen.add(id);
    rows.push({
      entityType: m.entity.type,
      entityId,
      isAdmin: m.isAdmin ?? false,
      includeSubs: m.entity.type === 'ORGANIZATION' && (m.includeSubs ?? false),
    });
  });
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
  if (!rows.some((r) => r.isAdmin)) throw AppError.invalid({ [key]: 'spaceAdminRequired' });
  return rows;
}
