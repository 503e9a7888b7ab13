// The value part of a filter condition, shaped by the field's type and the operator: choices of
// an option field, a person or department search, a date with kintone's date functions (Today,
// This month…), a date-time in the viewer's time zone, a number, or words.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Value } from '../../../../common/query/index.js';
import { functionsFor } from '../../../../common/query/index.js';
import type { EntityPickerKind } from '../../../../common/api/entity-picker.js';
import type { Property } from '../../../../common/fields/index.js';
import { pickEntities } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { utcToZoned, zonedToUtc } from './fields/format';
import { type FilterOp, call, takesManyValues, takesNoValue, text } from './query/filter';
import { strings } from './strings';

export interface ValueInputProps {
  app: string;
  property: Property;
  op: FilterOp;
  values: Value[];
  onChange(values: Value[]): void;
  statuses: string[];
  timeZone: string;
  label: string;
}

const OPTION_TYPES = new Set(['CHECK_BOX', 'RADIO_BUTTON', 'DROP_DOWN', 'MULTI_SELECT']);
const ENTITY_KIND: Record<string, EntityPickerKind> = {
  USER_SELECT: 'USER',
  CREATOR: 'USER',
  MODIFIER: 'USER',
  STATUS_ASSIGNEE: 'USER',
  ORGANIZATION_SELECT: 'ORGANIZATION',
  GROUP_SELECT: 'GROUP',
};
const NUMBER_TYPES = new Set(['NUMBER', 'CALC', 'RECORD_NUMBER', '__ID__']);
const DATETIME_TYPES = new Set(['DATETIME', 'CREATED_TIME', 'UPDATED_TIME']);

export function optionsOf(p: Property, statuses: string[]): string[] {
  if (p.type === 'STATUS') return statuses;
  const opts = (p.options ?? {}) as Record<string, { label: string; index: string }>;
  return Object.values(opts)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((o) => o.label);
}

const valueText = (v: Value | undefined) => (v && v.kind !== 'function' ? v.value : '');

export function ValueInput(props: ValueInputProps) {
  const { property: p, op, values, onChange, label } = props;
  const id = useId();
  if (takesNoValue(op)) return null;
  if (takesManyValues(op) && (OPTION_TYPES.has(p.type) || p.type === 'STATUS')) {
    return <Choices {...props} options={optionsOf(p, props.statuses)} />;
  }
  const kind = ENTITY_KIND[p.type];
  if (kind) return <Entities {...props} kind={kind} />;
  if (p.type === 'STATUS') {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={valueText(values[0])} onChange={(e) => onChange([text(e.target.value)])}>
          <option value="" />
          {props.statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (p.type === 'DATE' || DATETIME_TYPES.has(p.type)) return <DateValue {...props} />;
  const type = p.type === 'TIME' ? 'time' : 'text';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        inputMode={NUMBER_TYPES.has(p.type) ? 'decimal' : undefined}
        value={valueText(values[0])}
        onChange={(e) => onChange([text(e.target.value)])}
      />
    </div>
  );
}

function Choices({ options, values, onChange, label }: ValueInputProps & { options: string[] }) {
  const chosen = new Set(values.map(valueText));
  const toggle = (o: string, on: boolean) => onChange(on ? [...values, text(o)] : values.filter((v) => valueText(v) !== o));
  return (
    <fieldset className="choices">
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o} className="choice">
          <input type="checkbox" checked={chosen.has(o)} onChange={(e) => toggle(o, e.target.checked)} />
          {o}
        </label>
      ))}
    </fieldset>
  );
}

function DateValue({ property: p, values, onChange, label, timeZone }: ValueInputProps) {
  const s = useStrings(strings).filter;
  const id = useId();
  const v = values[0];
  const fns = functionsFor(p.type).filter((f) => f !== 'FROM_TODAY');
  const mode = v?.kind === 'function' ? v.name : '';
  const datetime = DATETIME_TYPES.has(p.type);
  return (
    <div className="date-value">
      <div className="field">
        <label htmlFor={`${id}-mode`}>{label}</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => onChange(e.target.value ? [call(e.target.value)] : [text('')])}>
          <option value="">{s.specificValue}</option>
          {fns.map((f) => (
            <option key={f} value={f}>
              {s.fns[f as keyof typeof s.fns]}
            </option>
          ))}
        </select>
      </div>
      {mode === '' && (
        <div className="field">
          <label htmlFor={id} className="visually-hidden">
            {label}
          </label>
          {datetime ? (
            <input id={id} type="datetime-local" value={utcToZoned(valueText(v), timeZone)} onChange={(e) => onChange([text(zonedToUtc(e.target.value, timeZone))])} />
          ) : (
            <input id={id} type="date" value={valueText(v)} onChange={(e) => onChange([text(e.target.value)])} />
          )}
        </div>
      )}
    </div>
  );
}

function Entities({ app, property: p, values, onChange, label, kind }: ValueInputProps & { kind: EntityPickerKind }) {
  const s = useStrings(strings).filter;
  const id = useId();
  const [keyword, setKeyword] = useState('');
  const found = useQuery({
    queryKey: ['records', 'picker', app, kind, keyword],
    queryFn: () => pickEntities(app, kind, keyword),
    enabled: keyword.trim().length > 0,
    staleTime: 30_000,
  });
  const fns = functionsFor(p.type);
  const chosen = values.filter((v) => v.kind !== 'function').map(valueText);
  const hasFn = (f: string) => values.some((v) => v.kind === 'function' && v.name === f);
  const add = (code: string) => {
    if (!chosen.includes(code)) onChange([...values, text(code)]);
    setKeyword('');
  };
  return (
    <fieldset className="entities">
      <legend>{label}</legend>
      {fns.map((f) => (
        <label key={f} className="choice">
          <input
            type="checkbox"
            checked={hasFn(f)}
            onChange={(e) => onChange(e.target.checked ? [...values, call(f)] : values.filter((v) => !(v.kind === 'function' && v.name === f)))}
          />
          {s.fns[f as keyof typeof s.fns]}
        </label>
      ))}
      {chosen.length > 0 && (
        <ul className="chips">
          {chosen.map((c) => (
            <li key={c} className="chip">
              {c}
              <button type="button" className="chip__remove" aria-label={s.removeValue(c)} onClick={() => onChange(values.filter((v) => valueText(v) !== c || v.kind === 'function'))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="visually-hidden">
        {s.typeToSearch}
      </label>
      <input
        id={id}
        type="search"
        placeholder={s.typeToSearch}
        value={keyword}
        onChange={(e) => setKeyword(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (keyword.trim()) add(found.data?.[0]?.code ?? keyword.trim());
          }
        }}
      />
      {found.data && found.data.length > 0 && keyword.trim() && (
        <ul className="suggestions">
          {found.data.map((e) => (
            <li key={e.code}>
              <button type="button" className="link-button" aria-label={s.pick(e.name)} onClick={() => add(e.code)}>
                {e.name} <span className="muted">{e.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
