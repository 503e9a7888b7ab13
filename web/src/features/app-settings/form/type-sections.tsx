// The settings of each field type (ui-glossary §1.7): limits, defaults, options in order, number
// display, formulas (checked as the server checks them at deploy, common/calc), link kinds,
// thumbnails and the choices of user, department and group selections.
import { useTranslation } from 'react-i18next';
import { checkAppFormulas, describeProblem, type FormulaField } from '../../../../../common/calc/index.js';
import type { Property } from '../../../../../common/fields/index.js';
import { useStrings } from '../../../i18n/area-strings';
import { Field, SelectField } from '../../../ui/form';
import { EntityList, type EntityRow } from '../entity-list';
import type { FieldErrors } from './field-errors';
import { formStrings } from './form-strings';
import { Check, TextArea } from './inputs';
import { OptionsEditor, optionNames } from './options-editor';

export interface SectionProps {
  draft: Property;
  set(attr: string, value: unknown): void;
  errs: FieldErrors;
  /** The app's fields (preview), for formulas. */
  fields: Record<string, Property>;
  /** The table this field is a column of. */
  table?: string | undefined;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const UNIQUE = new Set(['SINGLE_LINE_TEXT', 'NUMBER', 'LINK', 'DATE', 'DATETIME']);
const NO_REQUIRED = new Set(['SUBTABLE', 'GROUP', 'REFERENCE_TABLE']);

export function TypeSections(props: SectionProps) {
  const f = useStrings(formStrings);
  const { draft, set, errs, table } = props;
  const type = draft.type;
  const lookup = Boolean(draft.lookup);
  return (
    <>
      {!NO_REQUIRED.has(type) && <Check label={f.required} checked={draft.required === true} onChange={(v) => set('required', v)} />}
      {UNIQUE.has(type) && !table && !lookup && <Check label={f.unique} checked={draft.unique === true} onChange={(v) => set('unique', v)} />}
      {!lookup && (type === 'SINGLE_LINE_TEXT' || type === 'LINK') && <LengthSection {...props} />}
      {!lookup && type === 'NUMBER' && <NumberSection {...props} />}
      {type === 'CALC' && <CalcSection {...props} />}
      {(type === 'MULTI_LINE_TEXT' || type === 'RICH_TEXT') && (
        <TextArea label={f.defaultValue} value={str(draft.defaultValue)} onChange={(v) => set('defaultValue', v)} error={errs.at('defaultValue')} />
      )}
      {type === 'LINK' && (
        <SelectField
          label={f.protocol}
          name="protocol"
          value={str(draft.protocol) || 'WEB'}
          onChange={(e) => set('protocol', e.target.value)}
          options={(['WEB', 'CALL', 'MAIL'] as const).map((v) => ({ value: v, label: f.protocols[v] }))}
          error={errs.at('protocol')}
        />
      )}
      {(type === 'RADIO_BUTTON' || type === 'CHECK_BOX' || type === 'MULTI_SELECT' || type === 'DROP_DOWN') && <ChoiceSection {...props} />}
      {(type === 'DATE' || type === 'TIME' || type === 'DATETIME') && <DateSection {...props} />}
      {type === 'FILE' && (
        <SelectField
          label={f.thumbnailSize}
          name="thumbnailSize"
          value={str(draft.thumbnailSize) || '50'}
          onChange={(e) => set('thumbnailSize', e.target.value)}
          options={['50', '150', '250', '500'].map((v) => ({ value: v, label: v }))}
        />
      )}
      {(type === 'USER_SELECT' || type === 'ORGANIZATION_SELECT' || type === 'GROUP_SELECT') && <EntitySection {...props} />}
      {type === 'GROUP' && <Check label={f.openGroup} checked={draft.openGroup === true} onChange={(v) => set('openGroup', v)} />}
    </>
  );
}

function LengthSection({ draft, set, errs }: SectionProps) {
  const f = useStrings(formStrings);
  return (
    <>
      <div className="as-pair">
        <Field label={f.minLength} name="minLength" inputMode="numeric" value={str(draft.minLength)} onChange={(e) => set('minLength', e.target.value)} error={errs.at('minLength')} />
        <Field label={f.maxLength} name="maxLength" inputMode="numeric" value={str(draft.maxLength)} onChange={(e) => set('maxLength', e.target.value)} error={errs.at('maxLength')} />
      </div>
      <Field label={f.defaultValue} name="defaultValue" value={str(draft.defaultValue)} onChange={(e) => set('defaultValue', e.target.value)} error={errs.at('defaultValue')} />
    </>
  );
}

function UnitFields({ draft, set, errs }: SectionProps) {
  const f = useStrings(formStrings);
  return (
    <div className="as-pair">
      <Field label={f.unit} name="unit" value={str(draft.unit)} onChange={(e) => set('unit', e.target.value)} error={errs.at('unit')} />
      <SelectField
        label={f.unitPosition}
        name="unitPosition"
        value={str(draft.unitPosition) || 'BEFORE'}
        onChange={(e) => set('unitPosition', e.target.value)}
        options={[
          { value: 'BEFORE', label: f.before },
          { value: 'AFTER', label: f.after },
        ]}
      />
    </div>
  );
}

function NumberSection(props: SectionProps) {
  const f = useStrings(formStrings);
  const { draft, set, errs } = props;
  return (
    <>
      <div className="as-pair">
        <Field label={f.minValue} name="minValue" inputMode="decimal" value={str(draft.minValue)} onChange={(e) => set('minValue', e.target.value)} error={errs.at('minValue')} />
        <Field label={f.maxValue} name="maxValue" inputMode="decimal" value={str(draft.maxValue)} onChange={(e) => set('maxValue', e.target.value)} error={errs.at('maxValue')} />
      </div>
      <Field label={f.defaultValue} name="defaultValue" inputMode="decimal" value={str(draft.defaultValue)} onChange={(e) => set('defaultValue', e.target.value)} error={errs.at('defaultValue')} />
      <Check label={f.digit} checked={draft.digit === true} onChange={(v) => set('digit', v)} />
      <Field label={f.displayScale} name="displayScale" inputMode="numeric" value={str(draft.displayScale)} onChange={(e) => set('displayScale', e.target.value)} error={errs.at('displayScale')} />
      <UnitFields {...props} />
    </>
  );
}

/** The first problem the deploy would report for this formula, in the page's language. */
export function formulaProblem(draft: Property, fields: Record<string, Property>, table: string | undefined, locale: 'ja' | 'en'): string | null {
  const map: Record<string, FormulaField> = Object.create(null);
  const add = (p: Property, sub?: string) => {
    const expression = p.type === 'CALC' || (p.type === 'SINGLE_LINE_TEXT' && p.expression) ? str(p.expression) : undefined;
    map[p.code] = { type: p.type, ...(sub ? { subtable: sub } : {}), ...(expression !== undefined ? { expression } : {}), ...(typeof p.format === 'string' ? { format: p.format } : {}) };
  };
  for (const p of Object.values(fields)) {
    add(p);
    if (p.type === 'SUBTABLE') for (const q of Object.values((p.fields as Record<string, Property> | undefined) ?? {})) add(q, p.code);
  }
  add(draft, table);
  const found = checkAppFormulas(map).find((x) => x.code === draft.code);
  return found ? describeProblem(found.problem, locale) : null;
}

function CalcSection(props: SectionProps) {
  const f = useStrings(formStrings);
  const { i18n } = useTranslation();
  const { draft, set, errs, fields, table } = props;
  const expression = str(draft.expression);
  const problem = expression.trim() ? formulaProblem(draft, fields, table, i18n.language === 'ja' ? 'ja' : 'en') : null;
  return (
    <>
      <TextArea label={f.formula} value={expression} onChange={(v) => set('expression', v)} hint={f.formulaHint} error={problem ?? errs.at('expression')} />
      {expression.trim() && !problem && (
        <p className="as-ok" role="status">
          {f.formulaOk}
        </p>
      )}
      <Check label={f.hideExpression} checked={draft.hideExpression === true} onChange={(v) => set('hideExpression', v)} />
      <SelectField
        label={f.format}
        name="format"
        value={str(draft.format) || 'NUMBER'}
        onChange={(e) => set('format', e.target.value)}
        options={(Object.keys(f.formats) as Array<keyof typeof f.formats>).map((k) => ({ value: k, label: f.formats[k] }))}
      />
      {(!draft.format || draft.format === 'NUMBER' || draft.format === 'NUMBER_DIGIT') && (
        <>
          <Field label={f.displayScale} name="displayScale" inputMode="numeric" value={str(draft.displayScale)} onChange={(e) => set('displayScale', e.target.value)} error={errs.at('displayScale')} />
          <UnitFields {...props} />
        </>
      )}
    </>
  );
}

function ChoiceSection({ draft, set, errs }: SectionProps) {
  const f = useStrings(formStrings);
  const names = optionNames(draft.options);
  const multi = draft.type === 'CHECK_BOX' || draft.type === 'MULTI_SELECT';
  const chosen = Array.isArray(draft.defaultValue) ? (draft.defaultValue as string[]) : [];
  return (
    <>
      <OptionsEditor
        names={names}
        error={errs.at('options')}
        onChange={(list) => {
          const options: Record<string, { label: string; index: string }> = {};
          list.forEach((n, i) => (options[n] = { label: n, index: String(i) }));
          set('options', options);
          // A default must stay one of the options.
          if (multi) set('defaultValue', chosen.filter((c) => list.includes(c)));
          else if (!list.includes(str(draft.defaultValue))) set('defaultValue', draft.type === 'RADIO_BUTTON' ? (list[0] ?? '') : '');
        }}
      />
      {(draft.type === 'RADIO_BUTTON' || draft.type === 'CHECK_BOX') && (
        <SelectField
          label={f.align}
          name="align"
          value={str(draft.align) || 'HORIZONTAL'}
          onChange={(e) => set('align', e.target.value)}
          options={[
            { value: 'HORIZONTAL', label: f.horizontal },
            { value: 'VERTICAL', label: f.vertical },
          ]}
        />
      )}
      {multi ? (
        <fieldset className="as-fieldset">
          <legend>{f.defaultValue}</legend>
          <div className="as-checklist">
            {names.map((n) => (
              <Check key={n} label={n} checked={chosen.includes(n)} onChange={(on) => set('defaultValue', on ? [...chosen, n] : chosen.filter((c) => c !== n))} />
            ))}
          </div>
          {errs.at('defaultValue') && <p className="field-error">{errs.at('defaultValue')}</p>}
        </fieldset>
      ) : (
        <SelectField
          label={f.defaultValue}
          name="defaultValue"
          value={str(draft.defaultValue)}
          onChange={(e) => set('defaultValue', e.target.value)}
          options={[...(draft.type === 'RADIO_BUTTON' ? [] : [{ value: '', label: f.noDefault }]), ...names.map((n) => ({ value: n, label: n }))]}
          error={errs.at('defaultValue')}
        />
      )}
    </>
  );
}

function DateSection({ draft, set, errs }: SectionProps) {
  const f = useStrings(formStrings);
  const now = draft.defaultNowValue === true;
  return (
    <>
      <Check label={f.defaultNow} checked={now} onChange={(v) => set('defaultNowValue', v)} />
      {!now && draft.type !== 'DATETIME' && (
        <Field
          label={f.defaultValue}
          name="defaultValue"
          type={draft.type === 'DATE' ? 'date' : 'time'}
          value={str(draft.defaultValue)}
          onChange={(e) => set('defaultValue', e.target.value)}
          error={errs.at('defaultValue')}
        />
      )}
    </>
  );
}

const ENTITY_TYPES: Record<string, ReadonlyArray<EntityRow['type']>> = {
  USER_SELECT: ['USER', 'GROUP', 'ORGANIZATION'],
  ORGANIZATION_SELECT: ['ORGANIZATION'],
  GROUP_SELECT: ['GROUP'],
};

function EntitySection({ draft, set, errs }: SectionProps) {
  const f = useStrings(formStrings);
  const entities = (Array.isArray(draft.entities) ? draft.entities : []) as EntityRow[];
  const defaults = (Array.isArray(draft.defaultValue) ? draft.defaultValue : []) as EntityRow[];
  const fn = draft.type === 'USER_SELECT' ? 'LOGINUSER()' : draft.type === 'ORGANIZATION_SELECT' ? 'PRIMARY_ORGANIZATION()' : null;
  const usesFn = fn !== null && defaults.some((d) => d.type === 'FUNCTION');
  const types = ENTITY_TYPES[draft.type] ?? [];
  return (
    <>
      <EntityList legend={f.entities} types={types} value={entities} onChange={(v) => set('entities', v)} error={errs.at('entities')} />
      {fn && (
        <Check
          label={f.defaultLoginUser}
          checked={usesFn}
          onChange={(on) => set('defaultValue', on ? [...defaults.filter((d) => d.type !== 'FUNCTION'), { type: 'FUNCTION', code: fn }] : defaults.filter((d) => d.type !== 'FUNCTION'))}
        />
      )}
      <EntityList
        legend={f.defaultValue}
        types={types}
        value={defaults.filter((d) => d.type !== 'FUNCTION')}
        onChange={(v) => set('defaultValue', [...v, ...defaults.filter((d) => d.type === 'FUNCTION')])}
        error={errs.at('defaultValue')}
      />
    </>
  );
}
