import type { GroupJson } from '../../../common/api/groups.js';
import type { MemberJson } from '../../../common/api/memberships.js';
import type { Group } from '../../storage/groups.repo.js';
import type { User } from '../../storage/users.repo.js';

export function presentGroup(g: Group): GroupJson {
  return {
    id: String(g.id),
    code: g.code,
    name: g.name,
    description: g.description,
    ctime: g.createdAt.toISOString(),
    mtime: g.updatedAt.toISOString(),
  };
}

/** A user as membership lists show them, in groups and organisations alike. */
export function presentMember(u: User): MemberJson {
  return { id: String(u.id), code: u.code, name: u.name, email: u.email, valid: u.valid };
}
