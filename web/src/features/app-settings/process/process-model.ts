// Process management as the settings screen edits it: statuses with a stable id of the session
// (so actions follow a renamed status), and back to the body of PUT preview/app/status.json —
// each status under the name it is saved under (a different `name` renames it), actions by the
// statuses' new names. Pure.
import type { ProcessEntity, ProcessSettingsOut } from '../../../../../common/api/process.js';

export interface StateDraft {
  sid: string;
  /** The name it is saved under; null for a status added here. */
  key: string | null;
  name: string;
  type: 'ONE' | 'ALL' | 'ANY';
  entities: ProcessEntity[];
}

export interface ActionDraft {
  name: string;
  from: string;
  to: string;
  filterCond: string;
  type: 'PRIMARY' | 'SECONDARY';
  executableUser?: { entities: ProcessEntity[] };
}

export interface ProcessDraft {
  enable: boolean;
  /** null until the app's process is first configured. */
  states: StateDraft[] | null;
  /** from/to are status sids. */
  actions: ActionDraft[];
}

export function draftOf(p: ProcessSettingsOut): ProcessDraft {
  if (!p.states) return { enable: p.enable, states: null, actions: [] };
  const states = Object.values(p.states)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((s, i) => ({ sid: `s${i}`, key: s.name, name: s.name, type: s.assignee.type, entities: s.assignee.entities }));
  const sidOf = (name: string) => states.find((s) => s.key === name)?.sid ?? '';
  const actions = (p.actions ?? []).map((a) => ({ ...a, from: sidOf(a.from), to: sidOf(a.to) }));
  return { enable: p.enable, states, actions };
}

export function bodyOf(d: ProcessDraft): Record<string, unknown> {
  if (!d.states) return { enable: d.enable };
  const nameOf = new Map(d.states.map((s) => [s.sid, s.name]));
  const states: Record<string, unknown> = {};
  d.states.forEach((s, i) => {
    states[s.key ?? s.name] = { name: s.name, index: String(i), assignee: { type: s.type, entities: s.entities } };
  });
  const actions = d.actions.map((a) => ({ ...a, from: nameOf.get(a.from) ?? a.from, to: nameOf.get(a.to) ?? a.to }));
  return { enable: d.enable, states, actions };
}

/** A deleted status takes the actions from or to it along. */
export function withoutState(d: ProcessDraft, sid: string): ProcessDraft {
  return { ...d, states: (d.states ?? []).filter((s) => s.sid !== sid), actions: d.actions.filter((a) => a.from !== sid && a.to !== sid) };
}
