// Saving a change to one user. An administrator changing their own password or e-mail address
// gives the current password first (probe A18), in the dialog the API-token screen uses; other
// accounts, and one's other fields, go straight through. A wrong password stays in the dialog;
// anything else the server refuses closes it and is shown by the form.
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { z } from 'zod';
import type { UserJson, userChange } from '../../../../common/api/users.js';
import { updateUser } from '../../api/admin';
import { ApiError } from '../../api/client';
import { useStrings } from '../../i18n/area-strings';
import { PasswordDialog } from '../app-settings/api-tokens/password-dialog';
import { useSession } from '../auth/session';
import { directoryStrings } from './directory-strings';
import { strings } from './strings';

export type UserChange = z.input<typeof userChange>;

interface Sending {
  change: UserChange;
  currentPassword?: string;
}

export function useUserChange(user: UserJson, onSaved: (change: UserChange) => void) {
  const s = useStrings(strings);
  const d = useStrings(directoryStrings).user;
  const mine = useSession().data?.user.id === user.id;
  const [asking, setAsking] = useState<UserChange | null>(null);
  const save = useMutation({
    mutationFn: ({ change, currentPassword }: Sending) => updateUser(change, currentPassword),
    onSuccess: (_answer, { change }) => {
      setAsking(null);
      onSaved(change);
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.field('currentPassword'))) setAsking(null);
    },
  });

  function submit(change: UserChange): void {
    const signIn = change.password !== undefined || (change.email !== undefined && change.email !== user.email);
    if (!mine || !signIn) return save.mutate({ change });
    save.reset();
    setAsking(change);
  }
  function cancel(): void {
    setAsking(null);
    save.reset();
  }

  const dialog: ReactNode = (
    <PasswordDialog
      key={asking ? 'asking' : 'closed'}
      open={asking !== null}
      title={d.confirmTitle}
      hint={d.confirmHint}
      confirm={d.confirm}
      cancel={s.cancel}
      pending={save.isPending}
      error={save.error}
      onConfirm={(currentPassword) => asking && save.mutate({ change: asking, currentPassword })}
      onCancel={cancel}
    />
  );
  /** While the dialog is open, it shows what went wrong; the form shows the rest. */
  return { submit, pending: save.isPending, error: asking ? null : save.error, dialog };
}
