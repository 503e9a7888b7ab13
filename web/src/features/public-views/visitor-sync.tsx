// Syncing visitors from an app, now or on a schedule (sync-schedule.tsx): the app, its e-mail
// field, an optional name field and attribute fields, each attribute under a key (the field's
// code when it is a valid key); a view with a schedule opens with the schedule's choices. The
// answer says how many were added, updated and removed; a field the server refuses (CB_PV39)
// is named in its message.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncScheduleJson } from '../../../../common/api/public-visitors.js';
import type { Property } from '../../../../common/fields/index.js';
import { getLiveFields, listApps } from '../../api/app-settings';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { useSettingsTarget } from '../app-settings/settings-data';
import { FieldSelect } from './field-select';
import { syncRefetchMs } from './sync-polling';
import { SyncSchedule, refusalText } from './sync-schedule';
import { visitorStrings } from './visitor-strings';
import { type SyncRequest, getSyncSchedule, syncScheduleKey, syncVisitors } from './visitors-api';

// The server's rule (server/domain/public-views/visitors/sync-visitors.ts), so the pickers offer only what it takes.
const EMAIL_TYPES = new Set(['SINGLE_LINE_TEXT', 'LINK']);
const NAME_TYPES = new Set(['SINGLE_LINE_TEXT']);
const ATTRIBUTE_TYPES = new Set(['SINGLE_LINE_TEXT', 'LINK', 'NUMBER', 'CALC', 'DROP_DOWN', 'RADIO_BUTTON', 'DATE', 'RECORD_NUMBER']);
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function VisitorSync({ viewId, onDone }: { viewId: string; onDone(): Promise<unknown> }) {
  const { t } = useTranslation();
  // Asked again while a scheduled run is due or running, so its result shows without a reload…
  const schedule = useQuery({ queryKey: syncScheduleKey(viewId), queryFn: () => getSyncSchedule(viewId), refetchInterval: (q) => syncRefetchMs(q.state.data, Date.now()) });
  // …and the visitors it brought with it.
  const lastRun = schedule.data?.lastRunAt;
  const seenRun = useRef(lastRun);
  useEffect(() => {
    if (lastRun === seenRun.current) return;
    seenRun.current = lastRun;
    if (lastRun) void onDone();
  }, [lastRun, onDone]);
  // Without the schedule (a plan without registered visitors, say) the sync form still works.
  if (schedule.isPending) return <Loading />;
  return (
    <SyncForm viewId={viewId} onDone={onDone} schedule={schedule.data ?? null}>
      {schedule.isError && <p className="form-error">{errorText(schedule.error, t)}</p>}
    </SyncForm>
  );
}

interface FormProps {
  viewId: string;
  onDone(): Promise<unknown>;
  schedule: SyncScheduleJson | null;
  children?: ReactNode;
}

function SyncForm({ viewId, onDone, schedule, children }: FormProps) {
  const s = useStrings(visitorStrings);
  const { t } = useTranslation();
  const id = useId();
  const { appId, place } = useSettingsTarget();
  const [app, setApp] = useState(schedule?.app ?? appId);
  const [emailField, setEmailField] = useState(schedule?.emailField ?? '');
  const [nameField, setNameField] = useState(schedule?.nameField ?? '');
  /** field code → attribute key, for the ticked fields (the schedule keeps key → code). */
  const [attrs, setAttrs] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(schedule?.attributes ?? {}).map(([key, code]) => [code, key])));
  const apps = useQuery({ queryKey: ['public-view-sync-apps', place.guestSpaceId ?? ''], queryFn: () => listApps(place) });
  const fields = useQuery({ queryKey: ['app-live-fields', app], queryFn: () => getLiveFields(place, app), enabled: app !== '' });
  const request = useMemo((): SyncRequest | null => {
    if (!emailField) return null;
    const attributes = Object.fromEntries(Object.entries(attrs).map(([code, key]) => [key, code]));
    return { app, emailField, ...(nameField ? { nameField } : {}), attributes };
  }, [app, emailField, nameField, attrs]);
  const run = useMutation({
    mutationFn: (sync: SyncRequest) => syncVisitors(viewId, sync),
    onSuccess: () => onDone(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (request) run.mutate(request);
  };
  const props: Property[] = fields.data ? Object.values(fields.data.properties) : [];
  const of = (types: Set<string>) => props.filter((p) => types.has(p.type));
  const appOptions = apps.data ?? [];
  return (
    <form className="panel pvm-section" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{s.sync}</h3>
      <p className="field-hint">{s.syncHint}</p>
      <div className="pvm-grid">
        <div className="field">
          <label htmlFor={`${id}-app`}>{s.syncApp}</label>
          <select
            id={`${id}-app`}
            value={app}
            onChange={(e) => {
              setApp(e.target.value);
              setEmailField('');
              setNameField('');
              setAttrs({});
              run.reset();
            }}
          >
            {!appOptions.some((a) => a.appId === app) && <option value={app}>{app}</option>}
            {appOptions.map((a) => (
              <option key={a.appId} value={a.appId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <FieldSelect label={s.syncEmail} value={emailField} onChange={setEmailField} fields={of(EMAIL_TYPES)} empty={s.choose} />
        <FieldSelect label={s.syncName} value={nameField} onChange={setNameField} fields={of(NAME_TYPES)} empty={s.choose} />
      </div>
      {fields.isError && <p className="form-error">{errorText(fields.error, t)}</p>}
      <fieldset className="as-fieldset">
        <legend>{s.syncAttributes}</legend>
        <ul className="pvm-attr-list">
          {of(ATTRIBUTE_TYPES).map((p) => {
            const on = p.code in attrs;
            return (
              <li key={p.code} className="pvm-attr">
                <label className="as-check">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) => {
                      const next = { ...attrs };
                      if (e.target.checked) next[p.code] = KEY.test(p.code) ? p.code : '';
                      else delete next[p.code];
                      setAttrs(next);
                    }}
                  />{' '}
                  {p.label}
                </label>
                {on && (
                  <input
                    className="pvm-attr__key"
                    aria-label={s.attributeKey(p.label)}
                    value={attrs[p.code]}
                    onChange={(e) => setAttrs({ ...attrs, [p.code]: e.target.value })}
                    pattern={KEY.source}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {run.isError && (
        <p className="form-error" role="alert">
          {refusalText(run.error, t)}
        </p>
      )}
      {run.isSuccess && (
        <p className="notice" role="status">
          {s.result(run.data.added, run.data.updated, run.data.removed)} {run.data.skipped > 0 ? s.skipped(run.data.skipped) : ''}
        </p>
      )}
      <div className="as-actions">
        <button type="submit" className="button button--primary" disabled={run.isPending || !emailField} aria-busy={run.isPending || undefined}>
          {s.syncButton}
        </button>
      </div>
      {children}
      <SyncSchedule viewId={viewId} schedule={schedule} request={request} />
    </form>
  );
}
