// The create/edit form's part for a card, calendar, segment or graph view: the fields that make
// its title, image, dates, tabs or groups. A list needs none of it.
import { type ReactNode, useId } from 'react';
import type { Property } from '../../../../common/fields/index.js';
import { useStrings } from '../../i18n/area-strings';
import { FieldSelect } from './field-select';
import { strings } from './strings';
import type { KindForm, ViewForm } from './view-form';

const CHOICE_TYPES = new Set(['DROP_DOWN', 'RADIO_BUTTON', 'CHECK_BOX', 'MULTI_SELECT', 'STATUS']);
const GROUP_TYPES = new Set(['DROP_DOWN', 'RADIO_BUTTON', 'CHECK_BOX', 'MULTI_SELECT', 'STATUS', 'SINGLE_LINE_TEXT', 'DATE', 'DATETIME', 'CREATED_TIME', 'UPDATED_TIME', 'USER_SELECT', 'CREATOR', 'MODIFIER', 'NUMBER', 'CALC']);
const NUMBER_TYPES = new Set(['NUMBER', 'CALC']);
const DATE_TYPES = new Set(['DATE', 'DATETIME']);

interface Props {
  form: ViewForm;
  setK<K extends keyof KindForm>(key: K, value: KindForm[K]): void;
  fields: Property[];
  error?: string | undefined;
}

/** A field the kind needs; an optional one offers `—` for none. */
function Pick({ optional, ...props }: { label: string; value: string; onChange(v: string): void; fields: Property[]; optional?: boolean }) {
  return <FieldSelect {...props} {...(optional ? { empty: '—' } : {})} />;
}

export function KindSection({ form, setK, fields, error }: Props) {
  const s = useStrings(strings);
  const w = s.kindForm;
  const id = useId();
  const k = form.k;
  const of = (types: Set<string>) => fields.filter((p) => types.has(p.type));
  let body: ReactNode = null;
  if (form.kind === 'card') {
    body = (
      <>
        <Pick label={w.cardTitle} value={k.titleField} onChange={(v) => setK('titleField', v)} fields={fields.filter((p) => p.type !== 'FILE' && p.type !== 'SUBTABLE')} />
        <Pick label={w.cardImage} value={k.imageField} onChange={(v) => setK('imageField', v)} fields={of(new Set(['FILE']))} optional />
      </>
    );
  } else if (form.kind === 'calendar') {
    body = (
      <>
        <Pick label={w.eventTitle} value={k.titleField} onChange={(v) => setK('titleField', v)} fields={fields.filter((p) => p.type !== 'FILE' && p.type !== 'SUBTABLE')} />
        <Pick label={w.start} value={k.startField} onChange={(v) => setK('startField', v)} fields={of(DATE_TYPES)} />
        <Pick label={w.end} value={k.endField} onChange={(v) => setK('endField', v)} fields={of(DATE_TYPES)} optional />
        <div className="field">
          <label htmlFor={`${id}-mode`}>{w.mode}</label>
          <select id={`${id}-mode`} value={k.mode} onChange={(e) => setK('mode', e.target.value as KindForm['mode'])}>
            <option value="month">{w.month}</option>
            <option value="week">{w.week}</option>
          </select>
        </div>
      </>
    );
  } else if (form.kind === 'segment') {
    body = <Pick label={w.segmentField} value={k.segmentField} onChange={(v) => setK('segmentField', v)} fields={of(CHOICE_TYPES)} />;
  } else if (form.kind === 'graph') {
    body = (
      <>
        <div className="field">
          <label htmlFor={`${id}-chart`}>{w.chartType}</label>
          <select id={`${id}-chart`} value={k.chartType} onChange={(e) => setK('chartType', e.target.value as KindForm['chartType'])}>
            {(['COLUMN', 'BAR', 'LINE', 'PIE'] as const).map((c) => (
              <option key={c} value={c}>
                {w.charts[c]}
              </option>
            ))}
          </select>
        </div>
        <Pick label={w.groupBy} value={k.groupField} onChange={(v) => setK('groupField', v)} fields={of(GROUP_TYPES)} />
        <div className="field">
          <label htmlFor={`${id}-agg`}>{w.aggregation}</label>
          <select id={`${id}-agg`} value={k.aggregationType} onChange={(e) => setK('aggregationType', e.target.value as KindForm['aggregationType'])}>
            {(['COUNT', 'SUM', 'AVERAGE', 'MAX', 'MIN'] as const).map((a) => (
              <option key={a} value={a}>
                {w.aggregations[a]}
              </option>
            ))}
          </select>
        </div>
        {k.aggregationType !== 'COUNT' && <Pick label={w.aggregationField} value={k.aggregationField} onChange={(v) => setK('aggregationField', v)} fields={of(NUMBER_TYPES)} />}
      </>
    );
  }
  if (!body) return null;
  return (
    <fieldset className="as-fieldset pvm-kind">
      <legend>{s.kinds[form.kind]}</legend>
      {body}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
