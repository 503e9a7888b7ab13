// ログインのセキュリティ設定: password policy, password reset by e-mail, 2-step verification for
// guests, required TOTP, and the access restrictions for users from outside the allowed networks
// (IP list, Basic gate, secure access). One form, one save; the server checks each part and
// names what is wrong — a bad line of the IP list is shown with its line number.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SecuritySettings } from '../../../../common/api/security.js';
import { ApiError } from '../../api/client';
import { getSecuritySettings, saveSecuritySettings } from '../../api/admin-security';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, Notice, SelectField, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { CheckField, TextAreaField } from './admin-fields';
import { PageHeading, QueryError } from './admin-ui';
import { keyedErrors, sameField } from './field-errors';
import { type AllowLines, allowLines, isEntryKey, lineErrors } from './ip-lines';
import { securityStrings } from './security-strings';
import { strings } from './strings';

const KEY = ['admin', 'security'] as const;

const FIELDS = [
  'passwordPolicy.minLength',
  'passwordPolicy.requiredKinds',
  'passwordPolicy.reuseCount',
  'passwordPolicy.expiryDays',
  'allowPasswordReset',
  'guestTwoStep',
  'requireTotp',
  'ipRestriction',
  'ipRestriction.enabled',
  'ipRestriction.allow',
  'basicGate',
  'basicGate.enabled',
  'basicGate.user',
  'basicGate.password',
  'secureAccess',
  'secureAccess.enabled',
] as const;

export function SecurityPage() {
  const t = useStrings(securityStrings).settings;
  const settings = useQuery({ queryKey: KEY, queryFn: getSecuritySettings });
  return (
    <div className="admin-page">
      <PageHeading title={t.title} />
      {settings.isError ? <QueryError error={settings.error} /> : !settings.data ? <Loading /> : <SecurityForm settings={settings.data} />}
    </div>
  );
}

function SecurityForm({ settings }: { settings: SecuritySettings }) {
  const { t: tr } = useTranslation();
  const s = useStrings(strings);
  const t = useStrings(securityStrings).settings;
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<AllowLines>({ entries: [], lineOf: [] });
  const [saved, setSaved] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const save = useMutation({
    mutationFn: saveSecuritySettings,
    onSuccess: (answer) => {
      queryClient.setQueryData(KEY, answer);
      setSaved(true);
      setFormKey((k) => k + 1);
    },
    onMutate: () => setSaved(false),
  });
  const current = (save.data as SecuritySettings | undefined) ?? settings;
  const toField = sameField(FIELDS);
  const errors = keyedErrors(save.error, tr, (key) => (isEntryKey(key) ? false : toField(key)));
  const lines = save.error instanceof ApiError ? lineErrors(save.error.fields, sent) : [];

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const on = (name: string) => data.get(name) === 'on';
    const allow = allowLines(String(data.get('allow') ?? ''));
    setSent(allow);
    const basicUser = value('basicUser');
    const basicPassword = String(data.get('basicPassword') ?? '');
    save.mutate({
      passwordPolicy: {
        minLength: value('minLength'),
        requiredKinds: value('requiredKinds'),
        reuseCount: value('reuseCount'),
        expiryDays: value('expiryDays'),
      },
      allowPasswordReset: on('allowPasswordReset'),
      guestTwoStep: on('guestTwoStep'),
      requireTotp: on('requireTotp'),
      ipRestriction: { enabled: on('ipEnabled'), allow: allow.entries },
      basicGate: { enabled: on('basicEnabled'), ...(basicUser ? { user: basicUser } : {}), ...(basicPassword ? { password: basicPassword } : {}) },
      secureAccess: { enabled: on('secureEnabled') },
    });
  }

  const p = current.passwordPolicy;
  return (
    <form key={formKey} className="form admin-form--wide" onSubmit={onSubmit} noValidate>
      {saved && <Notice>{s.saved}</Notice>}
      <FormError errors={errors} />
      <fieldset className="panel">
        <legend>{t.passwordPolicy}</legend>
        <div className="form admin-form">
          <Field label={t.minLength} name="minLength" inputMode="numeric" defaultValue={p.minLength} hint={t.minLengthHint} error={errors.field('passwordPolicy.minLength')} />
          <SelectField
            label={t.requiredKinds}
            name="requiredKinds"
            defaultValue={String(p.requiredKinds)}
            options={[0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: t.kinds(n) }))}
            error={errors.field('passwordPolicy.requiredKinds')}
          />
          <Field label={t.reuseCount} name="reuseCount" inputMode="numeric" defaultValue={p.reuseCount} hint={t.reuseHint} error={errors.field('passwordPolicy.reuseCount')} />
          <Field label={t.expiryDays} name="expiryDays" inputMode="numeric" defaultValue={p.expiryDays} hint={t.expiryHint} error={errors.field('passwordPolicy.expiryDays')} />
          <CheckField label={t.allowPasswordReset} name="allowPasswordReset" defaultChecked={current.allowPasswordReset} error={errors.field('allowPasswordReset')} />
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t.verification}</legend>
        <div className="form admin-form">
          <CheckField label={t.guestTwoStep} name="guestTwoStep" defaultChecked={current.guestTwoStep} hint={t.guestTwoStepHint} error={errors.field('guestTwoStep')} />
          <CheckField label={t.requireTotp} name="requireTotp" defaultChecked={current.requireTotp} hint={t.requireTotpHint} error={errors.field('requireTotp')} />
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t.ip}</legend>
        <div className="form admin-form">
          <p className="muted">{t.ipHint}</p>
          <CheckField label={t.ipEnabled} name="ipEnabled" defaultChecked={current.ipRestriction.enabled} error={errors.field('ipRestriction') ?? errors.field('ipRestriction.enabled')} />
          <TextAreaField
            label={t.allow}
            name="allow"
            rows={6}
            spellCheck={false}
            autoCapitalize="none"
            className="mono"
            defaultValue={current.ipRestriction.allow.join('\n')}
            error={errors.field('ipRestriction.allow')}
            lineErrors={
              lines.length > 0 && (
                <ul className="line-errors">
                  {lines.map((l) => (
                    <li key={l.line}>{t.lineError(l.line, l.entry, l.message)}</li>
                  ))}
                </ul>
              )
            }
          />
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t.basic}</legend>
        <div className="form admin-form">
          <p className="muted">{t.basicHint}</p>
          <CheckField label={t.basicEnabled} name="basicEnabled" defaultChecked={current.basicGate.enabled} error={errors.field('basicGate') ?? errors.field('basicGate.enabled')} />
          <Field label={t.basicUser} name="basicUser" autoComplete="off" autoCapitalize="none" defaultValue={current.basicGate.user} error={errors.field('basicGate.user')} />
          <Field
            label={t.basicPassword}
            name="basicPassword"
            type="password"
            autoComplete="new-password"
            hint={current.basicGate.passwordSet ? t.basicPasswordSet : undefined}
            error={errors.field('basicGate.password')}
          />
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t.secure}</legend>
        <div className="form admin-form">
          <p className="muted">{t.secureHint}</p>
          <CheckField label={t.secureEnabled} name="secureEnabled" defaultChecked={current.secureAccess.enabled} error={errors.field('secureAccess') ?? errors.field('secureAccess.enabled')} />
          <Link to="/admin/certificates">{t.certificates}</Link>
        </div>
      </fieldset>
      <div className="form-actions form-actions--sticky">
        <SubmitButton pending={save.isPending}>{s.save}</SubmitButton>
      </div>
    </form>
  );
}
