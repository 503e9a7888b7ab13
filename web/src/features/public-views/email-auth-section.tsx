// A view's e-mail authentication: off, registered addresses only, or anyone who proves an address.
// Saved on its own (PUT email-auth.json), since any change signs every visitor out; the plan's
// lack (emailAuth, Premium) is said beside it, and the server's refusal under it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailAuthMode } from '../../../../common/api/public-visitors.js';
import type { PublicViewJson } from '../../../../common/api/public-views.js';
import { planFor } from '../../../../common/licences/view-plans.js';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { publicViewsKey } from './api';
import { MissingFeatures } from './plans';
import { strings } from './strings';
import { visitorStrings } from './visitor-strings';
import { setEmailAuth } from './visitors-api';

type Mode = EmailAuthMode | 'off';

export function EmailAuthSection({ view }: { view: PublicViewJson }) {
  const s = useStrings(visitorStrings);
  const pv = useStrings(strings);
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>(view.emailAuth ?? 'off');
  const save = useMutation({
    mutationFn: () => setEmailAuth(view.id, mode === 'off' ? null : mode, view.configVersion),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicViewsKey(view.app) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const options: Array<[Mode, string]> = [
    ['off', s.modeOff],
    ['registered', s.modeRegistered],
    ['anyone', s.modeAnyone],
  ];
  return (
    <form className="panel pvm-section" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{s.emailAuth}</h3>
      <MissingFeatures features={view.missingFeatures.filter((f) => f === 'emailAuth')} />
      <fieldset className={save.isError ? 'as-fieldset field--invalid' : 'as-fieldset'} aria-describedby={`${id}-hint`}>
        <legend>{s.emailAuth}</legend>
        <p id={`${id}-hint`} className="field-hint">
          {s.emailAuthHint} {pv.form.requires(pv.plans[planFor('emailAuth')])}
        </p>
        {options.map(([value, label]) => (
          <label key={value} className="as-check">
            <input type="radio" name={`${id}-mode`} value={value} checked={mode === value} onChange={() => setMode(value)} /> {label}
          </label>
        ))}
        {save.isError && (
          <p className="field-error" role="alert">
            {errorText(save.error, t)}
          </p>
        )}
      </fieldset>
      {save.isSuccess && (
        <p className="notice" role="status">
          {s.emailAuthSaved}
        </p>
      )}
      <div className="as-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending} aria-busy={save.isPending || undefined}>
          {s.saveEmailAuth}
        </button>
      </div>
    </form>
  );
}
