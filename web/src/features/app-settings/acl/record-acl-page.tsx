// レコードのアクセス権: conditions in order, each with who may view, edit and delete the records
// that meet it (preview/record/acl.json).
import { useQuery } from '@tanstack/react-query';
import type { RecordAclRight } from '../../../../../common/api/acl.js';
import { getFields, getRecordAcl, putRecordAcl } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { ConditionEditor } from '../condition-editor';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { SettingsForm } from './acl-page';
import { aclStrings } from './acl-strings';
import { entityChoices } from './field-acl-page';
import { RightsTable, type RightsRow } from './rights-table';

type Entry = RecordAclRight['entities'][number];

export function RecordAclPage() {
  const s = useStrings(strings);
  const a = useStrings(aclStrings);
  const { place, appId, key } = useSettingsTarget();
  const query = useQuery({ queryKey: key('record-acl'), queryFn: async () => (await getRecordAcl(place, appId)).rights });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  const fields = fieldsQ.data?.properties ?? {};
  return (
    <SettingsForm title={s.sections.recordPermissions} hint={a.record.hint} query={query} part="record-acl" save={(rights) => putRecordAcl(place, appId, rights)}>
      {(rights, set) => (
        <>
          {rights.length === 0 && <p className="empty">{a.record.empty}</p>}
          {rights.map((right, i) => (
            <section key={i} className="as-card" aria-label={a.record.condition(i + 1)}>
              <div className="as-card__head">
                <h3>{a.record.condition(i + 1)}</h3>
                <div className="as-list-tools">
                  <button type="button" className="as-icon-button" aria-label={s.moveUpNamed(a.record.condition(i + 1))} disabled={i === 0} onClick={() => set(swap(rights, i, i - 1))}>
                    ↑
                  </button>
                  <button type="button" className="as-icon-button" aria-label={s.moveDownNamed(a.record.condition(i + 1))} disabled={i === rights.length - 1} onClick={() => set(swap(rights, i, i + 1))}>
                    ↓
                  </button>
                  <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(a.record.condition(i + 1))} onClick={() => set(rights.filter((_, j) => j !== i))}>
                    ×
                  </button>
                </div>
              </div>
              {fieldsQ.data && <ConditionEditor legend={a.record.filter} fields={fields} value={right.filterCond} onChange={(filterCond) => set(rights.map((r, j) => (j === i ? { ...r, filterCond } : r)))} />}
              <RightsTable<Entry & RightsRow>
                caption={a.record.condition(i + 1)}
                rows={right.entities as Array<Entry & RightsRow>}
                onChange={(rows) => set(rights.map((r, j) => (j === i ? { ...r, entities: rows } : r)))}
                columns={[
                  { key: 'viewable', label: a.record.viewable },
                  { key: 'editable', label: a.record.editable },
                  { key: 'deletable', label: a.record.deletable },
                ]}
                adderTypes={['USER', 'GROUP', 'ORGANIZATION', 'FIELD_ENTITY', 'EVERYONE']}
                newRow={(entity) => ({ entity: entity as Entry['entity'], viewable: true, editable: false, deletable: false, includeSubs: false })}
                fieldChoices={entityChoices(fields)}
              />
            </section>
          ))}
          <div>
            <button type="button" className="button" onClick={() => set([...rights, { filterCond: '', entities: [] }])}>
              {a.record.add}
            </button>
          </div>
        </>
      )}
    </SettingsForm>
  );
}

function swap<T>(list: T[], i: number, j: number): T[] {
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
