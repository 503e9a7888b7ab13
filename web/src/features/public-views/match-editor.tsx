// A MyPage view's matching: which record field is compared with which of the signed-in visitor's
// values — their verified e-mail address or one of their registered attributes (a CSV column,
// an app field synced) — and how: equal, at most or at least (numbers: levels), starts with
// (hierarchical codes), on, before or after (dates), or contains (text, multi-choice, users).
// Several rows are all required. Only fields that fit the comparison are offered (the server's
// table, common/api/public-visitors.ts MATCH_FIELD_TYPES; refused otherwise with CB_PV38).
import { EMAIL_MATCH_TYPES, MATCH_FIELD_TYPES, MATCH_OPS, type MatchOp } from '../../../../common/api/public-visitors.js';
import type { Property } from '../../../../common/fields/index.js';
import { useStrings } from '../../i18n/area-strings';
import { editorStrings } from './editor-strings';
import { FieldSelect, RowListEditor } from './row-list-editor';

export interface MatchRow {
  field: string;
  /** 'email', or an attribute name. */
  attribute: string;
  op: MatchOp;
}

const TYPES = MATCH_FIELD_TYPES;
const FOR_EMAIL = EMAIL_MATCH_TYPES;
export const MAX_MATCHES = 5;

/** The fields a row may compare. */
export function matchFields(fields: Property[], row: Pick<MatchRow, 'attribute' | 'op'>): Property[] {
  const types = row.attribute === 'email' ? FOR_EMAIL : TYPES[row.op];
  return fields.filter((p) => types.has(p.type));
}

interface Props {
  rows: MatchRow[];
  onChange(rows: MatchRow[]): void;
  fields: Property[];
  error?: string | undefined;
}

export function MatchEditor({ rows, onChange, fields, error }: Props) {
  const s = useStrings(editorStrings).match;
  const update = (i: number, patch: Partial<MatchRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className={error ? 'as-fieldset pvm-kind field--invalid' : 'as-fieldset pvm-kind'}>
      <legend>{s.legend}</legend>
      <p className="field-hint">{s.hint}</p>
      <RowListEditor rows={rows} onChange={onChange} max={MAX_MATCHES} legend={s.row} removeLabel={s.remove} removeLast={false} add={s.add} blank={(): MatchRow => ({ field: '', attribute: '', op: 'eq' })}>
        {(row, i, at) => {
          const byEmail = row.attribute === 'email';
          const fits = matchFields(fields, row);
          return (
            <>
              <div className="pvm-grid">
                <FieldSelect id={`${at}-field`} label={s.field} value={row.field} fields={fits} onChange={(field) => update(i, { field })} />
                <div className="field">
                  <label htmlFor={`${at}-op`}>{s.op}</label>
                  <select
                    id={`${at}-op`}
                    value={row.op}
                    onChange={(e) => {
                      const op = e.target.value as MatchOp;
                      const next = { ...row, op, attribute: op !== 'eq' && byEmail ? '' : row.attribute };
                      update(i, { ...next, field: matchFields(fields, next).some((p) => p.code === row.field) ? row.field : '' });
                    }}
                  >
                    {MATCH_OPS.map((op) => (
                      <option key={op} value={op} disabled={byEmail && op !== 'eq'}>
                        {s.ops[op]}
                      </option>
                    ))}
                  </select>
                  {s.opHints[row.op] && <p className="field-hint">{s.opHints[row.op]}</p>}
                </div>
                <fieldset className="as-fieldset">
                  <legend>{s.attribute}</legend>
                  <label className="as-check">
                    <input type="radio" name={`${at}-who`} checked={byEmail} disabled={row.op !== 'eq'} onChange={() => update(i, { attribute: 'email', field: FOR_EMAIL.has(fields.find((p) => p.code === row.field)?.type ?? '') ? row.field : '' })} /> {s.email}
                  </label>
                  <label className="as-check">
                    <input type="radio" name={`${at}-who`} checked={!byEmail} onChange={() => update(i, { attribute: '' })} /> {s.attr}
                  </label>
                </fieldset>
                {!byEmail && (
                  <div className="field">
                    <label htmlFor={`${at}-key`}>{s.attrKey}</label>
                    <input id={`${at}-key`} value={row.attribute} maxLength={64} autoCapitalize="off" spellCheck={false} onChange={(e) => update(i, { attribute: e.target.value })} aria-describedby={`${at}-key-hint`} />
                    <p id={`${at}-key-hint`} className="field-hint">
                      {s.attrKeyHint}
                    </p>
                  </div>
                )}
              </div>
              {fits.length === 0 && <p className="field-hint">{s.noFields}</p>}
            </>
          );
        }}
      </RowListEditor>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
