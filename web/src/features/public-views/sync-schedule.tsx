// A view's scheduled visitor sync (GET/PUT/DELETE visitors/sync/schedule.json), inside the sync
// form: turned on, hourly or daily, with the app and fields chosen in that form; turned off; and
// the last run's time with its counts or its refusal (in the reader's language, from the server).
// The server runs it as the manager who turned it on and checks it now as a run would be, so its
// objection (a field it refuses, the plan) shows here at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SYNC_EVERY, type SyncScheduleJson } from '../../../../common/api/public-visitors.js';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { useSession } from '../auth/session';
import { visitorStrings } from './visitor-strings';
import { type SyncRequest, deleteSyncSchedule, putSyncSchedule, syncScheduleKey } from './visitors-api';

type Every = SyncScheduleJson['every'];

interface Props {
  viewId: string;
  schedule: SyncScheduleJson | null;
  /** The sync as chosen in the form; null until it can run (no e-mail field yet). */
  request: SyncRequest | null;
}

/** Field messages of a refusal (CB_VA01, CB_PV39…) after its sentence. */
export function refusalText(error: unknown, t: Parameters<typeof errorText>[1]): string {
  const fields = (error as { fields?: Record<string, readonly string[]> }).fields ?? {};
  return [errorText(error, t), ...Object.values(fields).flat()].join(' ');
}

export function SyncSchedule({ viewId, schedule, request }: Props) {
  const s = useStrings(visitorStrings);
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const timeZone = useSession().data?.user.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [every, setEvery] = useState<Every>(schedule?.every ?? 'daily');
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);
  const change = useMutation({
    mutationFn: async (on: boolean): Promise<SyncScheduleJson | null> => {
      if (!on) {
        await deleteSyncSchedule(viewId);
        return null;
      }
      if (!request) throw new Error('no sync chosen');
      return putSyncSchedule(viewId, request, every);
    },
    onMutate: () => setDone(null),
    onSuccess: (next) => {
      queryClient.setQueryData(syncScheduleKey(viewId), next);
      setDone(next ? 'saved' : 'removed');
    },
  });
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language === 'ja' ? 'ja-JP' : 'en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
  const result = schedule?.lastResult;
  return (
    <fieldset className="as-fieldset pvm-schedule" aria-describedby={`${id}-hint`}>
      <legend>{s.schedule}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {s.scheduleHint}
      </p>
      <p className="pvm-wrap">
        {schedule ? s.scheduled(s.everyOptions[schedule.every], when(schedule.nextRunAt), schedule.manager.code ?? schedule.manager.id) : s.scheduleNone}
      </p>
      {schedule && (
        <div className="pvm-schedule__last" role="group" aria-label={s.lastRun}>
          <span className="pvm-errors-title">{s.lastRun}</span>{' '}
          {!schedule.lastRunAt ? (
            s.lastNever
          ) : schedule.lastError ? (
            <span className="field-error pvm-wrap">
              {s.lastAt(when(schedule.lastRunAt))} {s.lastFailed} {schedule.lastError.message}
            </span>
          ) : (
            <span>
              {s.lastAt(when(schedule.lastRunAt))} {result ? s.result(result.added, result.updated, result.removed) : ''}{' '}
              {result && result.skipped > 0 ? s.skipped(result.skipped) : ''}
            </span>
          )}
        </div>
      )}
      <div className="pvm-schedule__row">
        <div className="field">
          <label htmlFor={`${id}-every`}>{s.every}</label>
          <select id={`${id}-every`} value={every} onChange={(e) => setEvery(e.target.value as Every)}>
            {SYNC_EVERY.map((e) => (
              <option key={e} value={e}>
                {s.everyOptions[e]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button" disabled={change.isPending || !request} aria-busy={(change.isPending && change.variables) || undefined} onClick={() => change.mutate(true)}>
          {schedule ? s.scheduleUpdate : s.scheduleOn}
        </button>
        {schedule && (
          <button type="button" className="button" disabled={change.isPending} aria-busy={(change.isPending && !change.variables) || undefined} onClick={() => change.mutate(false)}>
            {s.scheduleOff}
          </button>
        )}
      </div>
      {change.isError && (
        <p className="field-error pvm-wrap" role="alert">
          {refusalText(change.error, t)}
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          {done === 'saved' ? s.scheduleSaved : s.scheduleRemoved}
        </p>
      )}
    </fieldset>
  );
}
