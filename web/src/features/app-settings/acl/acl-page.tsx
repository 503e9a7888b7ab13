// The frame the three permission screens share: load the preview rights, edit a copy, 保存 sends
// the whole list (PUT), キャンセル goes back to what is saved. Errors: the general line on top
// and each message the server gave (`rights[2].entity.code` …) listed beneath it.
import { type UseQueryResult, useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStrings } from '../../../i18n/area-strings';
import { errorText, formErrors } from '../../../ui/errors';
import { FormError, SubmitButton } from '../../../ui/form';
import { Loading } from '../../../ui/loading';
import { useSettingsSaved } from '../settings-data';
import { strings } from '../strings';

interface Props<T> {
  title: string;
  hint: string;
  query: UseQueryResult<T>;
  part: string;
  save(draft: T): Promise<unknown>;
  children(draft: T, setDraft: (d: T) => void): ReactNode;
}

export function SettingsForm<T>({ title, hint, query, part, save, children }: Props<T>) {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const saved = useSettingsSaved();
  const [draft, setDraft] = useState<{ value: T; from: T } | null>(null);
  const [done, setDone] = useState(false);
  const mutation = useMutation({
    mutationFn: (value: T) => save(value),
    onSuccess: async () => {
      setDone(true);
      await saved(part);
      setDraft(null);
    },
  });
  if (query.isError) return <p className="form-error" role="alert">{errorText(query.error, t)}</p>;
  if (!query.data) return <Loading />;
  const current = draft && draft.from === query.data ? draft.value : query.data;
  const dirty = draft !== null && draft.from === query.data;
  const errors = formErrors(mutation.error, [], t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    mutation.mutate(current);
  };
  return (
    <form className="as-page" onSubmit={submit} noValidate>
      <h2>{title}</h2>
      <p className="muted">{hint}</p>
      <FormError errors={errors} />
      {done && !dirty && (
        <p className="notice as-toast" role="status">
          {s.saved}
        </p>
      )}
      {children(current, (value) => {
        setDone(false);
        setDraft({ value, from: query.data as T });
      })}
      <div className="as-actions">
        <button
          type="button"
          className="button"
          disabled={!dirty}
          onClick={() => {
            setDraft(null);
            mutation.reset();
          }}
        >
          {s.cancel}
        </button>
        <SubmitButton pending={mutation.isPending}>{s.save}</SubmitButton>
      </div>
    </form>
  );
}
