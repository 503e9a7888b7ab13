// App permissions (kintone's app/acl.json): rows in order, the first row naming the principal
// decides everything (rights are not added up), "everyone" rows always come after the others,
// and a principal no row names has no rights. Pure: the principal, the app and its live
// permission rows arrive as arguments.
import { type AppAclRight, type AppRights, EVERYONE, NO_RIGHTS } from '../../common/api/acl.js';
import { type Principal, namesPrincipal } from './principal.js';

export const ALL_RIGHTS: AppRights = Object.freeze({ view: true, add: true, edit: true, delete: true, manage: true, import: true, export: true });

/** A new app: its creator may do everything, everyone may view, add, edit and delete. */
export function defaultAppAcl(): AppAclRight[] {
  const row = (entity: AppAclRight['entity'], all: boolean): AppAclRight => ({
    entity,
    includeSubs: false,
    appEditable: all,
    recordViewable: true,
    recordAddable: true,
    recordEditable: true,
    recordDeletable: true,
    recordImportable: all,
    recordExportable: all,
  });
  return [row({ type: 'CREATOR', code: null }, true), row({ type: 'GROUP', code: EVERYONE }, false)];
}

const isEveryone = (r: AppAclRight) => r.entity.type === 'GROUP' && r.entity.code.toLowerCase() === EVERYONE;

/** Rows in the order they are matched: as written, with "everyone" moved last. */
export function orderedAppAcl(rows: readonly AppAclRight[]): AppAclRight[] {
  return [...rows.filter((r) => !isEveryone(r)), ...rows.filter(isEveryone)];
}

export function rightsOfRow(r: AppAclRight): AppRights {
  return {
    view: r.recordViewable,
    add: r.recordAddable,
    edit: r.recordEditable,
    delete: r.recordDeletable,
    manage: r.appEditable,
    import: r.recordImportable,
    export: r.recordExportable,
  };
}

export function appRightsFor(p: Principal, app: { creatorId: number }, rows: readonly AppAclRight[]): AppRights {
  for (const r of orderedAppAcl(rows)) {
    const e = r.entity;
    const named = e.type === 'CREATOR' ? p.userId > 0 && p.userId === app.creatorId : namesPrincipal(p, e, r.includeSubs, EVERYONE);
    if (named) return rightsOfRow(r);
  }
  return NO_RIGHTS;
}

/** Whether the app is visible at all: any right lets one see it (an add-only user adds records). */
export function seesApp(r: AppRights): boolean {
  return r.view || r.add || r.edit || r.delete || r.manage || r.import || r.export;
}

/** kintone's dependencies: edit, delete and export need view; import needs add. Problems by flag. */
export function dependencyProblems(r: AppAclRight): string[] {
  const out: string[] = [];
  if (!r.recordViewable) for (const k of ['recordEditable', 'recordDeletable', 'recordExportable'] as const) if (r[k]) out.push(k);
  if (r.recordImportable && !r.recordAddable) out.push('recordImportable');
  return out;
}
