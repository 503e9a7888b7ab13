// The form of パスワードの変更: the current password (A18), the new one twice. Used by the forced
// change of an expired password and by the change a user makes before it expires.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/auth';
import { formErrors } from '../../ui/errors';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { SESSION_KEY } from './session';

export function PasswordChangeForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      onDone?.();
    },
  });
  const errors = formErrors(change.error, ['currentPassword', 'newPassword'], t);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const newPassword = String(data.get('newPassword') ?? '');
    const same = newPassword === String(data.get('again') ?? '');
    setMismatch(!same);
    if (same) change.mutate({ currentPassword: String(data.get('currentPassword') ?? ''), newPassword });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError errors={errors} />
      <Field label={t('passwordChange.current')} name="currentPassword" type="password" autoComplete="current-password" required error={errors.field('currentPassword')} />
      <Field label={t('passwordChange.new')} name="newPassword" type="password" autoComplete="new-password" required error={errors.field('newPassword')} />
      <Field label={t('passwordChange.again')} name="again" type="password" autoComplete="new-password" required error={mismatch ? t('passwordChange.mismatch') : undefined} />
      <SubmitButton pending={change.isPending}>{t('passwordChange.submit')}</SubmitButton>
    </form>
  );
}
