// The editor's access section (アクセス制限): password protection, the IP allow-list and the sites
// that may embed the view, each with the plan it needs; the server's objections beside each.
import { useId } from 'react';
import { MIN_PASSWORD_LENGTH, type PublicViewJson } from '../../../../common/api/public-views.js';
import { planFor } from '../../../../common/licences/view-plans.js';
import { useStrings } from '../../i18n/area-strings';
import { Field } from '../../ui/form';
import { EmbeddingField } from './embedding-field';
import { strings } from './strings';
import type { ViewForm } from './view-form';
import type { FormPart } from './view-form-errors';

interface Props {
  form: ViewForm;
  set<K extends keyof ViewForm>(key: K, value: ViewForm[K]): void;
  existing: PublicViewJson | undefined;
  errors: Partial<Record<FormPart, string>>;
  /** The server's objections to the embedding sites, each naming its site. */
  embedProblems: readonly string[];
}

export function AccessSection({ form, set, existing, errors, embedProblems }: Props) {
  const s = useStrings(strings);
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-access`}>
      <h3 id={`${id}-access`}>{s.form.access}</h3>
      <fieldset className="as-fieldset">
        <legend>{s.form.password}</legend>
        <p className="field-hint">{s.form.requires(s.plans[planFor('accessRestriction')])}</p>
        <label className="as-check">
          <input type="checkbox" checked={form.passwordOn} onChange={(e) => set('passwordOn', e.target.checked)} /> {s.form.passwordOn}
        </label>
        {form.passwordOn && (
          <Field
            label={s.form.passwordNew}
            name="password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => set('password', e.target.value)}
            hint={existing?.hasPassword ? s.form.passwordKeep : s.form.passwordHint(MIN_PASSWORD_LENGTH)}
            error={errors.password}
          />
        )}
      </fieldset>
      <div className={errors.ipAllow ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-ip`}>{s.form.ip}</label>
        <textarea id={`${id}-ip`} rows={3} value={form.ipAllow} onChange={(e) => set('ipAllow', e.target.value)} aria-describedby={`${id}-ip-hint`} />
        <p id={`${id}-ip-hint`} className="field-hint">
          {s.form.ipHint} {s.form.requires(s.plans[planFor('ipRestriction')])}
        </p>
        {errors.ipAllow && <p className="field-error">{errors.ipAllow}</p>}
      </div>
      <EmbeddingField
        value={form.frameAncestors}
        onChange={(v) => set('frameAncestors', v)}
        problems={embedProblems.length ? embedProblems : errors.frameAncestors ? [errors.frameAncestors] : []}
        signIn={form.passwordOn || (existing?.emailAuth ?? null) !== null}
        lapsed={existing?.missingFeatures.includes('accessRestriction') ? existing.frameAncestors : []}
      />
    </section>
  );
}
