// app/status.json: reading process management settings (live: whoever reads the app; preview:
// its managers) and saving them to preview, like every setting, to go live at deploy.
import type { ProcessSettingsOut, PutProcessInput } from '../../../common/api/process.js';
import type { Property } from '../../../common/fields/index.js';
import type { App, Stage } from '../../storage/apps.repo.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';
import { definitionOf, editPreview, readStage } from '../apps/load-app.js';
import { type ProcessSettings, type ProcessState, processFields, statusSlots } from './model.js';
import { mergeProcess } from './settings-input.js';
import { directoryVersion, guestSpaceOf } from '../spaces/space-access.js';
import { statusesInUse } from './status-rows.js';

export function presentProcess(p: ProcessSettings | undefined, revision: number): ProcessSettingsOut {
  if (!p) return { enable: false, states: null, actions: null, revision: String(revision) };
  return {
    enable: p.enable,
    states: Object.fromEntries(p.states.map((s) => [s.name, { name: s.name, index: String(s.index), assignee: s.assignee }])),
    actions: p.actions.map((a) => ({
      name: a.name,
      from: a.from,
      to: a.to,
      filterCond: a.filterCond,
      type: a.type,
      ...(a.type === 'SECONDARY' ? { executableUser: a.executableUser ?? { entities: [] } } : {}),
    })),
    revision: String(revision),
  };
}

export async function readProcess(ctx: Ctx, appId: number, stage: Stage): Promise<ProcessSettingsOut> {
  const { definition, revision } = await readStage(ctx, appId, stage);
  return presentProcess(definition.process, revision);
}

/**
 * Which of the `deleted` states (by id) the live app's records are in, under their live
 * names. A state that never went live holds no records.
 */
export async function statesHoldingRecords(ctx: Ctx, app: App, live: AppDefinition | null, deleted: ProcessState[]): Promise<ProcessState[]> {
  const slots = live && statusSlots(live);
  if (!slots || !live?.process || deleted.length === 0) return [];
  const liveName = new Map(live.process.states.map((s) => [s.id, s.name]));
  const named = deleted.filter((s) => liveName.has(s.id));
  const used = await statusesInUse(ctx, app, slots.statusId, named.map((s) => liveName.get(s.id)!));
  return named.filter((s) => used.has(liveName.get(s.id)!));
}

/** kintone shows the status and assignee fields only while process management is on. */
export function switchStatusFields(def: AppDefinition, on: boolean): void {
  const { status, assignee } = processFields(def.fields);
  for (const p of [status, assignee] as Array<Property | undefined>) if (p) p.enabled = on;
}

export async function saveProcess(ctx: Ctx, input: PutProcessInput): Promise<number> {
  return editPreview(ctx, input.app, input.revision, { action: 'app.status' }, async (def, app) => {
    const live = app.deployed ? (await definitionOf(ctx, app, 'live')).definition : null;
    const guestSpace = await guestSpaceOf(ctx, await directoryVersion(ctx), app.spaceId);
    def.process = await mergeProcess(ctx, def, input, (deleted) => statesHoldingRecords(ctx, app, live, deleted), guestSpace);
    switchStatusFields(def, def.process.enable);
  });
}
