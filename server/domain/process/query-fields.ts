// The status and assignee fields in records queries: a status must be one of the app's states
// (GAIA_IQ10, like an option), and while process management is off kintone refuses queries that
// name either field (GAIA_ST02).
import type { Query } from '../../../common/query/index.js';
import { AppError } from '../app-error.js';
import type { AppDefinition } from '../apps/definition.js';
import { enabledProcess } from './model.js';

/** The values a STATUS condition may name. */
export function statusOptions(def: AppDefinition): string[] {
  return def.process?.states.map((s) => s.name) ?? [];
}

/** GAIA_ST02 for a query naming the status or the assignees while process management is off. */
export function refuseStatusWhileOff(query: Query, def: AppDefinition): void {
  if (enabledProcess(def)) return;
  const switched = (code: string) => {
    const type = def.fields[code]?.type;
    return type === 'STATUS' || type === 'STATUS_ASSIGNEE';
  };
  const names = (e: Query['where']): boolean => {
    if (!e) return false;
    if (e.kind === 'and' || e.kind === 'or') return e.items.some(names);
    return e.field.related === undefined && switched(e.field.code);
  };
  if (names(query.where) || query.orderBy.some((o) => o.field.related === undefined && switched(o.field.code))) throw new AppError('GAIA_ST02');
}
