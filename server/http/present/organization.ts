import type { OrganizationTitleJson } from '../../../common/api/memberships.js';
import type { OrganizationJson } from '../../../common/api/organizations.js';
import type { Organization } from '../../storage/organizations.repo.js';

export function presentOrganization(o: Organization): OrganizationJson {
  return {
    id: String(o.id),
    code: o.code,
    name: o.name,
    description: o.description,
    parentCode: o.parentCode,
    sortOrder: o.sortOrder,
    ctime: o.createdAt.toISOString(),
    mtime: o.updatedAt.toISOString(),
  };
}

/** One of a user's organisations; titles are not modelled yet, so `title` is always null. */
export function presentOrganizationTitle(o: Organization, primaryId: number | null): OrganizationTitleJson {
  return {
    organization: { id: String(o.id), code: o.code, name: o.name, parentCode: o.parentCode },
    title: null,
    primary: o.id === primaryId,
  };
}
