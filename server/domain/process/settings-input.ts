// A PUT of app/status.json laid over the settings the app has, as kintone does: `states` names
// every state that is to remain by its current name (a different `name` renames it, a state not
// named goes, a name not known is added), `actions` replaces the list, and anything left out is
// kept. The result is checked as a whole; every problem is reported at once.
import { type ActionInput, MAX_STATE_NAME, type ProcessEntity, type PutProcessInput, type StateInput } from '../../../common/api/process.js';
import type { Locale } from '../../../common/access.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { directoryVersion, spacePeople } from '../spaces/space-access.js';
import { codeKey } from '../../storage/users.repo.js';
import type { AppDefinition } from '../apps/definition.js';
import { conditionProblem, unknownEntities } from '../apps/setting-checks.js';
import { type ProcessAction, type ProcessSettings, type ProcessState, processFields } from './model.js';
import { PEOPLE_FIELD_TYPES } from './people.js';

type Problems = Record<string, FieldProblem[]>;

/** What a new app's settings screen starts with, in the language of whoever turns it on. */
function defaults(locale: Locale): Pick<ProcessSettings, 'states' | 'actions' | 'nextStateId'> {
  const [first, second, last, start, finish] =
    locale === 'ja' ? ['未処理', '処理中', '完了', '処理開始', '完了する'] : ['Not started', 'In progress', 'Completed', 'Start', 'Complete'];
  const none = () => ({ type: 'ONE' as const, entities: [] });
  return {
    states: [
      { id: 's1', name: first!, index: 0, assignee: none() },
      { id: 's2', name: second!, index: 1, assignee: none() },
      { id: 's3', name: last!, index: 2, assignee: none() },
    ],
    actions: [
      { name: start!, from: first!, to: second!, filterCond: '', type: 'PRIMARY' },
      { name: finish!, from: second!, to: last!, filterCond: '', type: 'PRIMARY' },
    ],
    nextStateId: 4,
  };
}

function entitiesOf(list: Array<{ entity: { type: ProcessEntity['entity']['type']; code?: string | null }; includeSubs?: boolean }>): ProcessEntity[] {
  return list.map((e) => ({
    entity: { type: e.entity.type, code: e.entity.type === 'CREATOR' ? null : (e.entity.code ?? null) },
    includeSubs: e.includeSubs ?? false,
  }));
}

function mergeStates(current: ProcessSettings | undefined, sent: Record<string, StateInput>, creatorCode: string | undefined, problems: Problems) {
  let nextStateId = current?.nextStateId ?? 1;
  const renamed = new Map<string, string>();
  const states: Array<ProcessState & { key: string }> = [];
  for (const [key, s] of Object.entries(sent)) {
    const existing = current?.states.find((st) => st.name === key);
    const at = `states.${key}`;
    if (!existing && (s.name === undefined || s.name === '')) problems[`${at}.name`] = [{ key: 'required' }];
    else if (!existing && s.name !== key) problems[`${at}.name`] = [{ key: 'processStateName' }];
    const name = s.name === undefined || s.name === '' ? key : s.name;
    if ([...name].length > MAX_STATE_NAME) problems[`${at}.name`] = [{ key: 'tooLong', params: { n: MAX_STATE_NAME + 1 } }];
    if (existing && name !== key) renamed.set(key, name);
    // kintone gives a new state without assignees "choose one: the creator" (observed).
    const assignee = s.assignee
      ? { type: s.assignee.type, entities: entitiesOf(s.assignee.entities) }
      : (existing?.assignee ?? { type: 'ONE' as const, entities: creatorCode ? [{ entity: { type: 'FIELD_ENTITY' as const, code: creatorCode }, includeSubs: false }] : [] });
    states.push({ key, id: existing?.id ?? `s${nextStateId++}`, name, index: s.index, assignee });
  }
  states.sort((a, b) => a.index - b.index);
  const names = new Map<string, string>();
  const indexes = new Map<number, string>();
  for (const s of states) {
    if (names.has(s.name)) problems[`states.${s.key}.name`] = [{ key: 'duplicateInRequest' }];
    if (indexes.has(s.index)) problems[`states.${s.key}.index`] = [{ key: 'duplicateInRequest' }];
    names.set(s.name, s.key);
    indexes.set(s.index, s.key);
  }
  // The first state can only be renamed, never replaced by a new one.
  const first = states[0];
  if (first && current?.states.length && !current.states.some((st) => st.id === first.id)) {
    problems[`states.${first.key}`] = [{ key: 'processFirstStateNew' }];
  }
  return { states, renamed, nextStateId };
}

function actionsOf(sent: ActionInput[], problems: Problems): ProcessAction[] {
  return sent.map((a, i) => {
    const type = a.type ?? 'PRIMARY';
    if (type === 'SECONDARY' && !a.executableUser) problems[`actions[${i}].executableUser`] = [{ key: 'required' }];
    return {
      name: a.name,
      from: a.from,
      to: a.to,
      filterCond: a.filterCond ?? '',
      type,
      ...(type === 'SECONDARY' ? { executableUser: { entities: entitiesOf(a.executableUser?.entities ?? []) } } : {}),
    };
  });
}

/** Problems of entities other than existence (checked in one go by the caller). */
function entityProblems(def: AppDefinition, entities: ProcessEntity[], at: string, problems: Problems): void {
  entities.forEach((e, j) => {
    const here = `${at}[${j}].entity`;
    const { type, code } = e.entity;
    if (type === 'CUSTOM_FIELD') problems[`${here}.type`] = [{ key: 'processCustomField' }];
    else if (type !== 'CREATOR' && !code) problems[`${here}.code`] = [{ key: 'required' }];
    else if (type === 'FIELD_ENTITY') {
      const p = def.fields[code!];
      if (!p) problems[`${here}.code`] = [{ key: 'aclFieldNotFound' }];
      else if (!PEOPLE_FIELD_TYPES.has(p.type)) problems[`${here}.code`] = [{ key: 'processAssigneeField' }];
    }
  });
}

/**
 * The settings after `input`, checked (CB_VA01 naming every problem). `inUse` answers which of
 * the states the input removes still hold records: kintone deletes only empty states.
 */
export async function mergeProcess(
  ctx: Ctx,
  def: AppDefinition,
  input: PutProcessInput,
  inUse: (deleted: ProcessState[]) => Promise<ProcessState[]>,
  guestSpace: number | null = null,
): Promise<ProcessSettings> {
  const problems: Problems = {};
  const current = def.process;
  const enable = input.enable ?? current?.enable ?? false;
  const creatorCode = processFields(def.fields).creator?.code;
  let states: ProcessState[] = current?.states ?? [];
  let actions: ProcessAction[] = current?.actions ?? [];
  let nextStateId = current?.nextStateId ?? 1;
  let renamed = new Map<string, string>();
  // Problems name a state by the key it was sent under (its name before a rename).
  const keys = new Map<string, string>();
  const at = (s: ProcessState) => `states.${keys.get(s.id) ?? s.name}`;
  if (input.states) {
    const merged = mergeStates(current, input.states, creatorCode, problems);
    ({ renamed, nextStateId } = merged);
    for (const s of merged.states) keys.set(s.id, s.key);
    states = merged.states.map(({ key: _key, ...s }) => s);
    if (states.length === 0 && enable) problems.states = [{ key: 'processNoStates' }];
    validateStates(def, states, at, problems);
  } else if (enable && states.length === 0) {
    ({ states, actions, nextStateId } = defaults(ctx.locale));
  }
  if (input.actions) actions = actionsOf(input.actions, problems);
  else {
    // Kept actions follow renamed states; those whose state is gone go with it.
    const follow = (name: string) => renamed.get(name) ?? name;
    const names = new Set(states.map((s) => s.name));
    actions = actions.map((a) => ({ ...a, from: follow(a.from), to: follow(a.to) })).filter((a) => names.has(a.from) && names.has(a.to));
  }
  validateActions(def, states, actions, Boolean(input.actions), problems);

  const people = [
    ...states.flatMap((s) => s.assignee.entities.map((e, j) => ({ at: `${at(s)}.assignee.entities[${j}]`, entity: e.entity }))),
    ...actions.flatMap((a, i) => (a.executableUser?.entities ?? []).map((e, j) => ({ at: `actions[${i}].executableUser.entities[${j}]`, entity: e.entity }))),
  ];
  Object.assign(problems, await unknownEntities(ctx, people));
  if (guestSpace !== null) Object.assign(problems, await guestSpaceProblems(ctx, guestSpace, states, at, people));
  const deleted = (current?.states ?? []).filter((s) => !states.some((n) => n.id === s.id));
  for (const s of await inUse(deleted)) problems[at(s)] = [{ key: 'processStateInUse', params: { name: s.name } }];
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
  return { enable, states, actions, nextStateId };
}

function validateStates(def: AppDefinition, states: ProcessState[], at: (s: ProcessState) => string, problems: Problems): void {
  states.forEach((s, i) => {
    entityProblems(def, s.assignee.entities, `${at(s)}.assignee.entities`, problems);
    if (i > 0) return;
    // The first state: nobody, or "the creator" (kintone refuses anything else).
    const creatorOnly = s.assignee.entities.every((e) => e.entity.type === 'FIELD_ENTITY' && def.fields[e.entity.code ?? '']?.type === 'CREATOR');
    if (s.assignee.type !== 'ONE' || !creatorOnly) problems[`${at(s)}.assignee`] = [{ key: 'processFirstAssignee' }];
  });
}

function validateActions(def: AppDefinition, states: ProcessState[], actions: ProcessAction[], sent: boolean, problems: Problems): void {
  const names = new Set(states.map((s) => s.name));
  actions.forEach((a, i) => {
    if (!sent) return;
    if (!names.has(a.from)) problems[`actions[${i}].from`] = [{ key: 'processStateNotFound' }];
    if (!names.has(a.to)) problems[`actions[${i}].to`] = [{ key: 'processStateNotFound' }];
    const cond = conditionProblem(def.fields, a.filterCond);
    if (cond) problems[`actions[${i}].filterCond`] = [cond];
    if (a.executableUser) entityProblems(def, a.executableUser.entities, `actions[${i}].executableUser.entities`, problems);
  });
}

/**
 * In a guest space's apps a department cannot be an assignee (kintone; probe R13), and the users
 * named must be the space's own people — anyone else answered like a login that does not exist.
 */
async function guestSpaceProblems(
  ctx: Ctx,
  guestSpace: number,
  states: ProcessState[],
  at: (s: ProcessState) => string,
  people: Array<{ at: string; entity: ProcessEntity['entity'] }>,
): Promise<Problems> {
  const problems: Problems = {};
  states.forEach((s) =>
    s.assignee.entities.forEach((e, j) => {
      if (e.entity.type === 'ORGANIZATION') problems[`${at(s)}.assignee.entities[${j}].entity.type`] = [{ key: 'processGuestOrganization' }];
    }),
  );
  const users = people.filter((p) => p.entity.type === 'USER' && p.entity.code);
  const version = await directoryVersion(ctx);
  const ours = await spacePeople(ctx, version, guestSpace, users.map((p) => codeKey(p.entity.code!)));
  for (const p of users) if (!ours.has(codeKey(p.entity.code!)) && !problems[`${p.at}.entity.code`]) problems[`${p.at}.entity.code`] = [{ key: 'aclEntityNotFound' }];
  return problems;
}
