// フィールドのアクセス権: per field, who may view and edit it, view it only, or not see it at all
// (preview/field/acl.json). The first row naming a person decides; anyone not named sees nothing
// of a listed field.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FieldAclRight } from '../../../../../common/api/acl.js';
import type { Property } from '../../../../../common/fields/index.js';
import { getFieldAcl, getFields, putFieldAcl } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { strings } from '../strings';
import { useSettingsTarget } from '../settings-data';
import { SettingsForm } from './acl-page';
import { aclStrings } from './acl-strings';
import { RightsTable, type RightsRow } from './rights-table';

type Entry = FieldAclRight['entities'][number];

const NOT_ACL = new Set(['GROUP', 'REFERENCE_TABLE', 'CATEGORY', 'STATUS', 'STATUS_ASSIGNEE', 'RECORD_NUMBER']);

export function entityChoices(fields: Record<string, Property>): Array<{ code: string; label: string }> {
  return Object.values(fields)
    .filter((p) => ['USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'CREATOR', 'MODIFIER'].includes(p.type) || (p.type === 'STATUS_ASSIGNEE' && p.enabled === true))
    .map((p) => ({ code: p.code, label: p.label }));
}

export function FieldAclPage() {
  const s = useStrings(strings);
  const a = useStrings(aclStrings);
  const id = useId();
  const { place, appId, key } = useSettingsTarget();
  const query = useQuery({ queryKey: key('field-acl'), queryFn: async () => (await getFieldAcl(place, appId)).rights });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  const [adding, setAdding] = useState('');
  const fields = fieldsQ.data?.properties ?? {};
  const choices = Object.values(fields).filter((p) => !NOT_ACL.has(p.type));
  const fieldChoices = entityChoices(fields);
  return (
    <SettingsForm title={s.sections.fieldPermissions} hint={a.field.hint} query={query} part="field-acl" save={(rights) => putFieldAcl(place, appId, rights)}>
      {(rights, set) => (
        <>
          {rights.length === 0 && <p className="empty">{a.field.empty}</p>}
          {rights.map((right, i) => {
            const label = fields[right.code]?.label ?? right.code;
            return (
              <section key={right.code} className="as-card" aria-label={label}>
                <div className="as-card__head">
                  <h3>
                    {label} <code className="muted">{right.code}</code>
                  </h3>
                  <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(label)} onClick={() => set(rights.filter((_, j) => j !== i))}>
                    ×
                  </button>
                </div>
                {right.entities.length === 0 && <p className="field-hint">{a.field.noEntities}</p>}
                <RightsTable<Entry & RightsRow>
                  caption={label}
                  rows={right.entities as Array<Entry & RightsRow>}
                  onChange={(rows) => set(rights.map((r, j) => (j === i ? { ...r, entities: rows } : r)))}
                  columns={[
                    {
                      key: 'accessibility',
                      label: a.field.access,
                      cell: (row, setValue) => (
                        <select aria-label={`${row.entity.code ?? ''}: ${a.field.access}`} value={row.accessibility} onChange={(e) => setValue(e.target.value)}>
                          {(['WRITE', 'READ', 'NONE'] as const).map((v) => (
                            <option key={v} value={v}>
                              {a.field[v]}
                            </option>
                          ))}
                        </select>
                      ),
                    },
                  ]}
                  adderTypes={['USER', 'GROUP', 'ORGANIZATION', 'FIELD_ENTITY', 'EVERYONE']}
                  newRow={(entity) => ({ entity: entity as Entry['entity'], accessibility: 'WRITE', includeSubs: false })}
                  fieldChoices={fieldChoices}
                />
              </section>
            );
          })}
          <div className="as-adder">
            <div className="field">
              <label htmlFor={`${id}-field`}>{a.field.addField}</label>
              <select id={`${id}-field`} value={adding} onChange={(e) => setAdding(e.target.value)}>
                <option value="" />
                {choices
                  .filter((p) => !rights.some((r) => r.code === p.code))
                  .map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.label}
                    </option>
                  ))}
              </select>
            </div>
            <button
              type="button"
              className="button"
              onClick={() => {
                if (!adding) return;
                set([...rights, { code: adding, entities: [{ entity: { type: 'GROUP', code: 'everyone' }, accessibility: 'WRITE', includeSubs: false }] }]);
                setAdding('');
              }}
            >
              {a.field.add}
            </button>
          </div>
        </>
      )}
    </SettingsForm>
  );
}
