// 現在のパスワード, asked before what a stolen session must not do alone (probe A18): the server
// checks it and names a wrong one next to the field; the dialog stays open until it is right.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrors } from '../../../ui/errors';
import { Field, FormError } from '../../../ui/form';
import { Dialog } from '../confirm-dialog';

interface Props {
  open: boolean;
  title: string;
  hint: string;
  confirm: string;
  cancel: string;
  pending: boolean;
  error: unknown;
  onConfirm(password: string): void;
  onCancel(): void;
}

export function PasswordDialog({ open, title, hint, confirm, cancel, pending, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const errors = formErrors(error, ['currentPassword'], t);
  function submit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    onConfirm(password);
  }
  function cancelled(): void {
    setPassword('');
    onCancel();
  }
  return (
    <Dialog open={open} title={title} onClose={cancelled}>
      <form className="form" onSubmit={submit} noValidate>
        <p>{hint}</p>
        {/* A wrong password is named at its field; anything else (429, a lost session) above it. */}
        {errors.field('currentPassword') ? null : <FormError errors={errors} />}
        <Field
          label={t('passwordChange.current')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.field('currentPassword')}
        />
        <div className="as-actions">
          <button type="button" className="button" onClick={cancelled} disabled={pending}>
            {cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending || undefined}>
            {confirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
