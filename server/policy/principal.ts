// Who an actor is in permission settings: a login name, the groups and departments it belongs
// to. Loaded per request from the directory (server/domain/directory/principals.ts) and matched
// here against the entities of app, record and field permissions. Codes are compared by their
// lower-cased key, as everywhere else.

export interface Principal {
  userId: number;
  /** codeKey of the login name. */
  code: string;
  /** codeKeys of the user's groups. */
  groups: ReadonlySet<string>;
  /** codeKeys of the user's departments. */
  orgs: ReadonlySet<string>;
  /** codeKeys of the user's departments and of every department above them. */
  orgsAndAbove: ReadonlySet<string>;
}

export type StaticEntity = { type: 'USER' | 'GROUP' | 'ORGANIZATION'; code: string };

/** Whether a user, group or department entity names this principal (`everyone` names every user). */
export function namesPrincipal(p: Principal, entity: StaticEntity, includeSubs: boolean, everyone: string): boolean {
  const key = entity.code.toLowerCase();
  switch (entity.type) {
    case 'USER':
      return key === p.code;
    case 'GROUP':
      return key === everyone || p.groups.has(key);
    case 'ORGANIZATION':
      // "Include sub-departments": a member of a department below the named one matches too.
      return includeSubs ? p.orgsAndAbove.has(key) : p.orgs.has(key);
  }
}
