// プロセス管理: the switch, the statuses in order (renamed in place, each with its assignee rule
// — 次のユーザーから作業者を選択 / 次のユーザー全員 / 次のユーザーのうち1人 — and candidates),
// and the actions between them with their conditions (preview/app/status.json).
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { ProcessEntity } from '../../../../../common/api/process.js';
import { getFields, getProcess, putProcess } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { Field, SelectField } from '../../../ui/form';
import { SettingsForm } from '../acl/acl-page';
import { entityChoices } from '../acl/field-acl-page';
import { ConditionEditor } from '../condition-editor';
import { EntityList, type EntityRow } from '../entity-list';
import { Check } from '../form/inputs';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { type ProcessDraft, bodyOf, draftOf, withoutState } from './process-model';
import { processStrings } from './process-strings';

const toRows = (list: ProcessEntity[]): EntityRow[] => list.map((e) => ({ type: e.entity.type as EntityRow['type'], code: e.entity.code }));
const fromRows = (rows: EntityRow[]): ProcessEntity[] => rows.map((r) => ({ entity: { type: r.type as ProcessEntity['entity']['type'], code: r.code }, includeSubs: false }));

export function ProcessPage() {
  const s = useStrings(strings);
  const p = useStrings(processStrings);
  const id = useId();
  const { place, appId, key } = useSettingsTarget();
  const query = useQuery({ queryKey: key('process'), queryFn: async () => draftOf(await getProcess(place, appId)) });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  const fields = fieldsQ.data?.properties ?? {};
  return (
    <SettingsForm<ProcessDraft> title={s.sections.process} hint={p.hint} query={query} part="process" save={(d) => putProcess(place, appId, bodyOf(d))}>
      {(d, set) => {
        const states = d.states ?? [];
        const setState = (i: number, patch: Partial<(typeof states)[number]>) => set({ ...d, states: states.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        const swap = (i: number, j: number) => {
          const next = [...states];
          [next[i], next[j]] = [next[j]!, next[i]!];
          set({ ...d, states: next });
        };
        const stateOptions = states.map((x) => ({ value: x.sid, label: x.name }));
        return (
          <>
            <Check label={p.enable} checked={d.enable} onChange={(v) => set({ ...d, enable: v })} />
            {d.states === null ? (
              <p className="field-hint">{p.firstTime}</p>
            ) : (
              <>
                <section className="as-page" aria-labelledby={`${id}-states`}>
                  <h3 id={`${id}-states`}>{p.states}</h3>
                  <ol className="as-conditions">
                    {states.map((st, i) => (
                      <li key={st.sid} className="as-card">
                        <div className="as-card__head">
                          <Field label={p.statusName(i + 1)} name={`state-${i}`} value={st.name} onChange={(e) => setState(i, { name: e.target.value })} />
                          <div className="as-list-tools">
                            <button type="button" className="as-icon-button" aria-label={s.moveUpNamed(st.name)} disabled={i === 0} onClick={() => swap(i, i - 1)}>
                              ↑
                            </button>
                            <button type="button" className="as-icon-button" aria-label={s.moveDownNamed(st.name)} disabled={i === states.length - 1} onClick={() => swap(i, i + 1)}>
                              ↓
                            </button>
                            <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(st.name)} onClick={() => set(withoutState(d, st.sid))}>
                              ×
                            </button>
                          </div>
                        </div>
                        <SelectField
                          label={p.assigneeType}
                          name={`state-${i}-type`}
                          value={st.type}
                          onChange={(e) => setState(i, { type: e.target.value as 'ONE' | 'ALL' | 'ANY' })}
                          options={(['ONE', 'ALL', 'ANY'] as const).map((v) => ({ value: v, label: p.assigneeTypes[v] }))}
                        />
                        <EntityList
                          legend={p.assignees}
                          types={['USER', 'GROUP', 'ORGANIZATION', 'CREATOR', 'FIELD_ENTITY']}
                          value={toRows(st.entities)}
                          onChange={(rows) => setState(i, { entities: fromRows(rows) })}
                          fieldChoices={entityChoices(fields)}
                        />
                      </li>
                    ))}
                  </ol>
                  <div>
                    <button
                      type="button"
                      className="button"
                      onClick={() => set({ ...d, states: [...states, { sid: `n${Date.now()}`, key: null, name: p.newStatus(states.length + 1), type: 'ONE', entities: [] }] })}
                    >
                      {p.addStatus}
                    </button>
                  </div>
                </section>
                <section className="as-page" aria-labelledby={`${id}-actions`}>
                  <h3 id={`${id}-actions`}>{p.actions}</h3>
                  {d.actions.length === 0 && <p className="empty">{p.noActions}</p>}
                  <ol className="as-conditions">
                    {d.actions.map((a, i) => {
                      const setAction = (patch: Partial<typeof a>) => set({ ...d, actions: d.actions.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
                      return (
                        <li key={i} className="as-card">
                          <div className="as-card__head">
                            <Field label={p.actionName(i + 1)} name={`action-${i}`} value={a.name} onChange={(e) => setAction({ name: e.target.value })} />
                            <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(a.name || p.actionName(i + 1))} onClick={() => set({ ...d, actions: d.actions.filter((_, j) => j !== i) })}>
                              ×
                            </button>
                          </div>
                          <div className="as-pair">
                            <SelectField label={p.from} name={`action-${i}-from`} value={a.from} onChange={(e) => setAction({ from: e.target.value })} options={[{ value: '', label: '' }, ...stateOptions]} />
                            <SelectField label={p.to} name={`action-${i}-to`} value={a.to} onChange={(e) => setAction({ to: e.target.value })} options={[{ value: '', label: '' }, ...stateOptions]} />
                          </div>
                          {fieldsQ.data && <ConditionEditor legend={p.condition} fields={fields} value={a.filterCond} onChange={(filterCond) => setAction({ filterCond })} />}
                        </li>
                      );
                    })}
                  </ol>
                  <div>
                    <button type="button" className="button" onClick={() => set({ ...d, actions: [...d.actions, { name: '', from: states[0]?.sid ?? '', to: states[1]?.sid ?? '', filterCond: '', type: 'PRIMARY' }] })}>
                      {p.addAction}
                    </button>
                  </div>
                </section>
              </>
            )}
          </>
        );
      }}
    </SettingsForm>
  );
}
