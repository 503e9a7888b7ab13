// A list of users, groups, departments (and, where the setting allows, the app creator or a
// field of the record), each removable, with a row to add one: the entity picker of every
// settings screen.
import { useId, useState } from 'react';
import { useStrings } from '../../i18n/area-strings';
import { useSuggestions } from './directory';
import { formStrings } from './form/form-strings';

export interface EntityRow {
  type: 'USER' | 'GROUP' | 'ORGANIZATION' | 'FUNCTION' | 'CREATOR' | 'FIELD_ENTITY';
  code: string | null;
}

/** What the adder offers: the entity types, and Everyone (kintone's group `everyone`). */
export type AdderType = EntityRow['type'] | 'EVERYONE';

/** How an entity reads in a list: Everyone, the app creator, a field's name, or the code. */
export function entityLabel(e: { type: string; code: string | null }, typeNames: Record<string, string>, fieldChoices: ReadonlyArray<{ code: string; label: string }> = []): string {
  if (e.type === 'GROUP' && e.code === 'everyone') return typeNames.EVERYONE ?? 'Everyone';
  if (e.type === 'CREATOR') return typeNames.CREATOR ?? '';
  if (e.type === 'FIELD_ENTITY') return `${typeNames.FIELD_ENTITY}: ${fieldChoices.find((c) => c.code === e.code)?.label ?? e.code}`;
  return `${typeNames[e.type] ?? e.type}: ${e.code ?? ''}`;
}

interface Props {
  legend: string;
  types: ReadonlyArray<EntityRow['type']>;
  value: EntityRow[];
  onChange(v: EntityRow[]): void;
  error?: string | undefined;
  /** FIELD_ENTITY choices: the record's user, department and group fields. */
  fieldChoices?: ReadonlyArray<{ code: string; label: string }>;
}

export function EntityList({ legend, types, value, onChange, error, fieldChoices = [] }: Props) {
  const f = useStrings(formStrings);
  return (
    <fieldset className="as-fieldset">
      <legend>{legend}</legend>
      {value.length > 0 && (
        <ul className="as-chips">
          {value.map((e, i) => (
            <li key={`${e.type}:${e.code}:${i}`} className="as-chip">
              <span className="badge">{f.entityTypes[e.type]}</span> {entityName(e, fieldChoices)}
              <button type="button" className="as-icon-button" aria-label={f.removeEntity(entityName(e, fieldChoices))} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <EntityAdder types={types} fieldChoices={fieldChoices} onAdd={(e) => onChange([...value, e])} />
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

function entityName(e: EntityRow, fieldChoices: ReadonlyArray<{ code: string; label: string }>): string {
  if (e.type === 'FIELD_ENTITY') return fieldChoices.find((c) => c.code === e.code)?.label ?? e.code ?? '';
  return e.code ?? '';
}

/** Type, then a code (with the directory's suggestions when the server offers them), then 追加する. */
export function EntityAdder({ types, fieldChoices = [], onAdd }: { types: ReadonlyArray<AdderType>; fieldChoices?: ReadonlyArray<{ code: string; label: string }>; onAdd(e: EntityRow): void }) {
  const f = useStrings(formStrings);
  const id = useId();
  const [type, setType] = useState<AdderType>(types[0] ?? 'USER');
  const [code, setCode] = useState('');
  const suggestions = useSuggestions(type, code);
  const needsCode = type !== 'CREATOR' && type !== 'FUNCTION' && type !== 'EVERYONE';
  const add = () => {
    if (needsCode && !code.trim()) return;
    onAdd(type === 'EVERYONE' ? { type: 'GROUP', code: 'everyone' } : { type, code: needsCode ? code.trim() : null });
    setCode('');
  };
  return (
    <div className="as-adder">
      {types.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-type`}>{f.entityType}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as AdderType)}>
            {types.map((t) => (
              <option key={t} value={t}>
                {f.entityTypes[t]}
              </option>
            ))}
          </select>
        </div>
      )}
      {needsCode && type === 'FIELD_ENTITY' && (
        <div className="field">
          <label htmlFor={`${id}-field`}>{f.entityTypes.FIELD_ENTITY}</label>
          <select id={`${id}-field`} value={code} onChange={(e) => setCode(e.target.value)}>
            <option value="">{f.noDefault}</option>
            {fieldChoices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {needsCode && type !== 'FIELD_ENTITY' && (
        <div className="field">
          <label htmlFor={`${id}-code`}>{f.entityCode}</label>
          <input
            id={`${id}-code`}
            list={suggestions.length ? `${id}-list` : undefined}
            value={code}
            autoComplete="off"
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          {suggestions.length > 0 && (
            <datalist id={`${id}-list`}>
              {suggestions.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </datalist>
          )}
        </div>
      )}
      <button type="button" className="button" onClick={add}>
        {f.addEntity}
      </button>
    </div>
  );
}
