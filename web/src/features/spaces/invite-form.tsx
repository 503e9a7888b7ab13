// ゲストを招待 (in a guest space's ゲスト settings): several addresses at once with a message; the
// result of each address is listed, and the server's message about an address is shown under the
// box with that address.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INVITATION_MESSAGE } from '../../../../common/api/invitations.js';
import type { InviteResultJson } from '../../../../common/api/invitations.js';
import { ApiError } from '../../api/client';
import type { Place } from '../../api/place';
import { type SpaceJson, inviteGuests } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { formErrors } from '../../ui/errors';
import { FormError, Notice, SubmitButton } from '../../ui/form';
import { parseEmails } from './format';
import { spaceKeys } from './space-ui';
import { strings } from './strings';

export function InviteForm({ space, place }: { space: SpaceJson; place: Place }) {
  const s = useStrings(strings).settings;
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [recipients, setRecipients] = useState('');
  const [message, setMessage] = useState('');
  const [results, setResults] = useState<InviteResultJson[] | null>(null);
  const invite = useMutation({
    mutationFn: () => inviteGuests(place, space.id, parseEmails(recipients), message, i18n.language === 'ja' ? 'ja' : 'en'),
    onSuccess: async (res) => {
      setResults(res);
      setRecipients('');
      setMessage('');
      await queryClient.invalidateQueries({ queryKey: spaceKeys.invitations(space.id) });
    },
  });
  const errors = formErrors(invite.error, ['emails', 'message'], t);
  // The server names a bad address by its index (emails[1]): shown under the box, with the address.
  const list = parseEmails(recipients);
  const addressErrors = Object.entries(invite.error instanceof ApiError ? invite.error.fields : {})
    .filter(([key]) => key.startsWith('emails['))
    .map(([key, messages]) => {
      const i = Number(/\[(\d+)\]/.exec(key)?.[1]);
      return `${list[i] ?? key}: ${messages.join(' ')}`;
    });
  const recipientError = [errors.field('emails'), ...addressErrors].filter(Boolean).join(' / ') || undefined;

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{s.invite}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setResults(null);
          invite.mutate();
        }}
      >
        {results && (
          <Notice>
            {s.sent}{' '}
            {results.map((r) => (
              <span key={r.email} className="invite-result">
                {r.email}: {s.outcome[r.status]}.{' '}
              </span>
            ))}
          </Notice>
        )}
        <FormError errors={{ ...errors, others: errors.others.filter((m) => !addressErrors.some((a) => a.endsWith(m))) }} />
        <div className={recipientError ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-to`}>{s.recipients}</label>
          <textarea
            id={`${id}-to`}
            className="textarea"
            value={recipients}
            required
            inputMode="email"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby={`${id}-to-hint${recipientError ? ` ${id}-to-err` : ''}`}
            aria-invalid={recipientError ? true : undefined}
            onChange={(e) => setRecipients(e.target.value)}
          />
          <p id={`${id}-to-hint`} className="field-hint">
            {s.recipientsHint}
          </p>
          {recipientError && (
            <p id={`${id}-to-err`} className="field-error">
              {recipientError}
            </p>
          )}
        </div>
        <div className={errors.field('message') ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-msg`}>{s.message}</label>
          <textarea id={`${id}-msg`} className="textarea" value={message} maxLength={MAX_INVITATION_MESSAGE} onChange={(e) => setMessage(e.target.value)} />
          {errors.field('message') && <p className="field-error">{errors.field('message')}</p>}
        </div>
        <div className="actions">
          <SubmitButton pending={invite.isPending}>{s.send}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
