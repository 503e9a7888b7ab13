// What an administrator does to an account beyond its profile: suspend or reactivate it (the
// server refuses a reactivation beyond the user licences: CB_LI01), lift a lockout, set a new
// password, see its sessions and certificates, delete it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { UserJson } from '../../../../common/api/users.js';
import { deleteUser, updateUser } from '../../api/admin';
import { ApiError } from '../../api/client';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { AccountStatus, ActionError, ConfirmButton } from './admin-ui';
import { directoryStrings } from './directory-strings';
import { itemField, keyedErrors } from './field-errors';
import { strings } from './strings';
import { useUserChange } from './user-change';

export function UserActions({ user, onDone }: { user: UserJson; onDone(message: string): void }) {
  const s = useStrings(strings);
  const d = useStrings(directoryStrings).user;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const status = useMutation({
    mutationFn: (change: { valid?: boolean; locked?: false }) => updateUser({ code: user.code, ...change }),
    onSuccess: (_answer, change) => {
      onDone(change.locked === false ? d.unlocked : change.valid ? d.reactivated : d.suspended);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteUser(user.code),
    onSuccess: () => {
      void refresh();
      void navigate('/admin/users');
    },
  });
  const licenceRefused = status.error instanceof ApiError && status.error.code === 'CB_LI01';

  return (
    <>
      <section className="panel" aria-labelledby="user-state">
        <h2 id="user-state">{d.state}</h2>
        <p>
          <AccountStatus valid={user.valid} locked={user.locked} />
        </p>
        {user.locked && <p className="muted">{d.lockedHint}</p>}
        <ActionError error={status.error} />
        {licenceRefused && (
          <p>
            <Link to="/admin/licences">{d.licences}</Link>
          </p>
        )}
        <div className="button-row">
          {user.valid ? (
            <ConfirmButton label={d.suspend} message={d.suspendConfirm(user.name)} confirmLabel={d.suspend} pending={status.isPending} onConfirm={() => status.mutate({ valid: false })} />
          ) : (
            <button type="button" className="button" disabled={status.isPending} onClick={() => status.mutate({ valid: true })}>
              {d.reactivate}
            </button>
          )}
          {user.locked && (
            <button type="button" className="button" disabled={status.isPending} onClick={() => status.mutate({ locked: false })}>
              {d.unlock}
            </button>
          )}
          <Link className="button" to={`/admin/sessions?code=${encodeURIComponent(user.code)}`}>
            {d.sessions}
          </Link>
          <Link className="button" to={`/admin/certificates?code=${encodeURIComponent(user.code)}`}>
            {d.certificates}
          </Link>
        </div>
      </section>
      <PasswordReset user={user} onDone={onDone} />
      <section className="panel" aria-labelledby="user-delete">
        <h2 id="user-delete">{d.deleteTitle}</h2>
        <ActionError error={remove.error} />
        <ConfirmButton label={s.delete} message={d.deleteConfirm(user.name)} confirmLabel={s.delete} pending={remove.isPending} onConfirm={() => remove.mutate()} />
      </section>
    </>
  );
}

function PasswordReset({ user, onDone }: { user: UserJson; onDone(message: string): void }) {
  const { t } = useTranslation();
  const d = useStrings(directoryStrings).user;
  const [formKey, setFormKey] = useState(0);
  const change = useUserChange(user, () => {
    setFormKey((k) => k + 1);
    onDone(d.passwordChanged);
  });
  const errors = keyedErrors(change.error, t, itemField('users[0].', ['password']));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    change.submit({ code: user.code, password: String(new FormData(e.currentTarget).get('password') ?? '') });
  }

  return (
    <section className="panel" aria-labelledby="user-password">
      <h2 id="user-password">{d.resetPassword}</h2>
      <form key={formKey} className="form admin-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field label={d.newPassword} name="password" type="password" autoComplete="new-password" required error={errors.field('password')} />
        <div className="form-actions">
          <SubmitButton pending={change.pending}>{d.change}</SubmitButton>
        </div>
      </form>
      {change.dialog}
    </section>
  );
}
