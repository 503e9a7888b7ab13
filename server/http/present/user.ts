import type { UserJson } from '../../../common/api/users.js';
import type { User } from '../../storage/users.repo.js';

export function presentUser(u: User, now: Date): UserJson {
  return {
    id: String(u.id),
    code: u.code,
    ctime: u.createdAt.toISOString(),
    mtime: u.updatedAt.toISOString(),
    valid: u.valid,
    name: u.name,
    email: u.email,
    locale: u.locale,
    timezone: u.timezone,
    description: u.description,
    phone: u.phone,
    primaryOrganization: u.primaryOrganizationId == null ? null : String(u.primaryOrganizationId),
    sortOrder: u.sortOrder,
    isAdmin: u.isAdmin,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    locked: Boolean(u.lockedUntil && u.lockedUntil > now),
  };
}
