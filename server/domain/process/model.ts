// Process management as an app's definition keeps it (`AppDefinition.process`), and where a
// record keeps its status: the name of its state under the STATUS field's internal id, and its
// current assignees as `[{code}]` (login names, the USER_SELECT shape) under STATUS_ASSIGNEE's,
// so queries, record permissions and presentation treat them like any user selection.
import type { AssigneeType, ProcessEntity } from '../../../common/api/process.js';
import type { Property } from '../../../common/fields/index.js';
import type { AppDefinition } from '../apps/definition.js';

export interface ProcessState {
  /** Stable across renames (`s1`, `s2`…): deploy renames the records of a renamed state by it. */
  id: string;
  name: string;
  index: number;
  assignee: { type: AssigneeType; entities: ProcessEntity[] };
}

export interface ProcessAction {
  name: string;
  from: string;
  to: string;
  filterCond: string;
  type: 'PRIMARY' | 'SECONDARY';
  /** SECONDARY only: who may run the action whether or not they are assignees. */
  executableUser?: { entities: ProcessEntity[] };
}

export interface ProcessSettings {
  enable: boolean;
  /** In index order: the first is where every record starts. */
  states: ProcessState[];
  actions: ProcessAction[];
  nextStateId: number;
}

/** The app's STATUS and STATUS_ASSIGNEE fields (every app has both, as system fields). */
export function processFields(fields: Record<string, Property>): { status?: Property; assignee?: Property; creator?: Property } {
  const out: { status?: Property; assignee?: Property; creator?: Property } = {};
  for (const p of Object.values(fields)) {
    if (p.type === 'STATUS') out.status = p;
    else if (p.type === 'STATUS_ASSIGNEE') out.assignee = p;
    else if (p.type === 'CREATOR') out.creator = p;
  }
  return out;
}

/** Where a definition's records keep their status and assignees. */
export function statusSlots(def: AppDefinition): { statusId: string; assigneeId: string } | null {
  const { status, assignee } = processFields(def.fields);
  const statusId = status && def.fieldIds[status.code];
  const assigneeId = assignee && def.fieldIds[assignee.code];
  return statusId && assigneeId ? { statusId, assigneeId } : null;
}

/** The settings of a definition whose process management is on, else null. */
export function enabledProcess(def: AppDefinition): ProcessSettings | null {
  return def.process?.enable && def.process.states.length > 0 ? def.process : null;
}

/** After fields are renamed, the fields that name assignees and executors follow. */
export function renameProcessFields(process: ProcessSettings | undefined, rename: (code: string) => string): void {
  if (!process) return;
  const lists = [...process.states.map((s) => s.assignee.entities), ...process.actions.map((a) => a.executableUser?.entities ?? [])];
  for (const list of lists) for (const e of list) if (e.entity.type === 'FIELD_ENTITY' && e.entity.code) e.entity.code = rename(e.entity.code);
}
