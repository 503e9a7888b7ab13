// Adding one visitor by hand: address, name and attributes (key=value a line). The server's
// objections (CB_VA01 keyed `visitors[0].email`…) appear beside the input they are about.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Field } from '../../ui/form';
import { visitorStrings } from './visitor-strings';
import { addVisitors } from './visitors-api';

/** `key=value` lines → attributes, or the first line that is not one. */
export function parseAttributes(text: string): { attributes: Record<string, string> } | { bad: string } {
  const attributes: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    if (at < 1) return { bad: line };
    attributes[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { attributes };
}

export function AddVisitorForm({ viewId, onDone }: { viewId: string; onDone(): Promise<unknown> }) {
  const s = useStrings(visitorStrings);
  const { t } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [attrs, setAttrs] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (attributes: Record<string, string>) => addVisitors(viewId, [{ email, name, attributes }]),
    onSuccess: async () => {
      setEmail('');
      setName('');
      setAttrs('');
      await onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseAttributes(attrs);
    if ('bad' in parsed) {
      setLocalError(s.badAttribute(parsed.bad));
      return;
    }
    setLocalError(null);
    add.mutate(parsed.attributes);
  };
  const err = add.error instanceof ApiError ? add.error : null;
  const fieldError = (key: string) => {
    const found = err && Object.entries(err.fields).find(([k]) => k === `visitors[0].${key}` || k.startsWith(`visitors[0].${key}.`));
    return found ? found[1].join(' ') : undefined;
  };
  const emailError = fieldError('email');
  const nameError = fieldError('name');
  const attrError = localError ?? fieldError('attributes');
  const general = add.isError && !emailError && !nameError && !attrError;
  return (
    <form className="panel pvm-section" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{s.add}</h3>
      {general && (
        <p className="form-error" role="alert">
          {errorText(add.error, t)}
        </p>
      )}
      <div className="pvm-grid">
        <Field label={s.email} name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} required error={emailError} />
        <Field label={s.name} name="name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} error={nameError} />
      </div>
      <div className={attrError ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-attrs`}>{s.attributes}</label>
        <textarea id={`${id}-attrs`} rows={2} value={attrs} onChange={(e) => setAttrs(e.target.value)} aria-describedby={`${id}-attrs-hint`} aria-invalid={attrError ? true : undefined} />
        <p id={`${id}-attrs-hint`} className="field-hint">
          {s.attributesHint}
        </p>
        {attrError && <p className="field-error">{attrError}</p>}
      </div>
      {add.isSuccess && (
        <p className="notice" role="status">
          {s.added(add.data.added, add.data.updated)}
        </p>
      )}
      <div className="as-actions">
        <button type="submit" className="button button--primary" disabled={add.isPending} aria-busy={add.isPending || undefined}>
          {s.addButton}
        </button>
      </div>
    </form>
  );
}
