// レコードの追加 / New Record (`/app/:appId/new`, with `?copyFrom=<id>` for 再利用する / Duplicate)
// and レコードの編集 / Edit Record (`/app/:appId/edit/:recordId`), also under a guest space's
// `/guest/:guestSpaceId/…`. They load the app's live form (and the record with what the reader
// may do with it), then hand over to RecordForm.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { evaluateRights, getFormDefinition, getRecord } from '../../api/record-forms';
import { placeOf, usePlace } from '../../api/place';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { useSession } from '../auth/session';
import type { FormEnv } from './inputs/types';
import { type ValueContext, duplicateValues, holdsValue, initialValues, lookupTargets } from './model/values';
import { RecordForm } from './record-form';
import { strings } from './strings';
import './record-forms.css';

function useFormBasics() {
  const { appId = '', guestSpaceId } = useParams();
  const place = useMemo(() => placeOf(guestSpaceId), [guestSpaceId]);
  const s = useStrings(strings);
  const user = useSession().data?.user;
  const timeZone = user?.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const env: FormEnv = useMemo(() => ({ place, appId, timeZone, s }), [place, appId, timeZone, s]);
  const valueContext: ValueContext = useMemo(
    () => ({ timeZone, now: new Date(), user: { code: user?.code ?? '', name: user?.name ?? '' } }),
    [timeZone, user?.code, user?.name],
  );
  const definition = useQuery({
    queryKey: ['record-forms', 'definition', place.guestSpaceId ?? '', appId],
    queryFn: () => getFormDefinition(place, appId),
    staleTime: 30_000,
  });
  return { appId, place, s, env, valueContext, definition };
}

function Problem({ error, children }: { error?: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  const place = usePlace();
  return (
    <div className="page-message">
      <p className="form-error" role="alert">
        {children ?? errorText(error, t)}
      </p>
      <Link to={place.page('/')}>{t('shell.portal')}</Link>
    </div>
  );
}

export function NewRecordPage() {
  const { appId, place, s, env, valueContext, definition } = useFormBasics();
  const [params] = useSearchParams();
  const copyFrom = params.get('copyFrom');
  const source = useQuery({
    queryKey: ['record-forms', 'record', place.guestSpaceId ?? '', appId, copyFrom],
    queryFn: () => getRecord(place, appId, copyFrom!),
    enabled: Boolean(copyFrom),
  });
  const heading = copyFrom ? s.duplicateRecord : s.newRecord;
  usePageTitle(definition.data ? `${heading} - ${definition.data.app.name}` : heading);
  const ready = definition.data && (!copyFrom || source.data);
  const start = useMemo(() => {
    if (!ready) return null;
    const props = definition.data.properties;
    const defaults = initialValues(props, valueContext);
    return { initial: source.data ? duplicateValues(props, valueContext, source.data) : defaults, baseline: defaults, readOnly: lookupTargets(props) };
  }, [ready, definition.data, source.data, valueContext]);
  if (definition.isError) return <Problem error={definition.error} />;
  if (source.isError) return <Problem error={source.error} />;
  if (!definition.data || !start) return <Loading />;
  return (
    <RecordForm
      key={`${appId}:${copyFrom ?? ''}`}
      mode="new"
      heading={heading}
      definition={definition.data}
      env={env}
      valueContext={valueContext}
      initial={start.initial}
      baseline={start.baseline}
      readOnly={start.readOnly}
      hidden={new Set()}
    />
  );
}

export function EditRecordPage() {
  const { appId, place, s, env, valueContext, definition } = useFormBasics();
  const { recordId = '' } = useParams();
  const queryClient = useQueryClient();
  const recordKey = ['record-forms', 'edit', place.guestSpaceId ?? '', appId, recordId];
  const loaded = useQuery({
    queryKey: recordKey,
    queryFn: async () => {
      const [record, rights] = await Promise.all([getRecord(place, appId, recordId), evaluateRights(place, appId, recordId)]);
      return { record, rights, at: Date.now() };
    },
    staleTime: 0,
    gcTime: 0,
  });
  usePageTitle(definition.data ? `${s.editRecord} - ${definition.data.app.name}` : s.editRecord);
  const start = useMemo(() => {
    if (!definition.data || !loaded.data) return null;
    const props = definition.data.properties;
    const { record, rights } = loaded.data;
    const initial = initialValues(props, valueContext, record);
    const hidden = new Set(Object.values(props).filter((p) => holdsValue(p) && !rights.fields[p.code]).map((p) => p.code));
    const readOnly = lookupTargets(props);
    for (const [code, r] of Object.entries(rights.fields)) if (!r.editable) readOnly.add(code);
    return { initial, hidden, readOnly, revision: String(record.$revision?.value ?? ''), editable: rights.record.editable, at: loaded.data.at };
  }, [definition.data, loaded.data, valueContext]);
  if (definition.isError) return <Problem error={definition.error} />;
  if (loaded.isError) return <Problem error={loaded.error} />;
  if (!definition.data || !start) return <Loading />;
  if (!start.editable) return <Problem>{s.notEditable}</Problem>;
  return (
    <RecordForm
      key={`${appId}:${recordId}:${start.at}`}
      mode="edit"
      heading={s.editRecord}
      definition={definition.data}
      env={env}
      valueContext={valueContext}
      initial={start.initial}
      baseline={start.initial}
      readOnly={start.readOnly}
      hidden={start.hidden}
      recordId={recordId}
      revision={start.revision}
      onReload={() => void queryClient.invalidateQueries({ queryKey: recordKey })}
    />
  );
}
