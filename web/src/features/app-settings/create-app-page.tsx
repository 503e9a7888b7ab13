// アプリを作成: a name is all a new app needs. It is born in preview (POST preview/app.json), in
// the space of `?space=` when given, and the person lands in its settings to build the form.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { createApp } from '../../api/app-settings';
import { usePlace } from '../../api/place';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { formErrors } from '../../ui/errors';
import { usePageTitle } from '../../ui/page-title';
import { strings } from './strings';
import './app-settings.css';

export function CreateAppPage() {
  const s = useStrings(strings);
  const { t } = useTranslation();
  usePageTitle(s.create.title);
  const place = usePlace();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const space = params.get('space') ?? place.guestSpaceId ?? undefined;
  const thread = params.get('thread') ?? undefined;
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => createApp(place, { name, ...(space ? { space } : {}), ...(thread ? { thread } : {}) }),
    onSuccess: ({ app }) => navigate(place.page(`/app/${app}/settings`)),
  });
  const errors = formErrors(create.error, ['name', 'space', 'thread'], t);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  return (
    <div className="as-create panel">
      <h1>{s.create.title}</h1>
      <p className="muted">{s.create.hint}</p>
      {space && <p className="muted">{s.create.inSpace}</p>}
      <form className="form" onSubmit={submit} noValidate>
        <FormError errors={errors} />
        <Field label={s.create.name} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} required autoFocus error={errors.field('name')} />
        <div>
          <SubmitButton pending={create.isPending}>{s.create.submit}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
