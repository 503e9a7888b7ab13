// The record form of レコードの追加 / New Record and レコードの編集 / Edit Record: 保存 and
// キャンセル at the top, the app's layout with an input per field, the server's messages next to
// each field with 入力内容が正しくありません。 on top (the first one focused), a conflict notice
// when someone else saved first, and a question before leaving unsaved changes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Property } from '../../../../common/fields/index.js';
import { ApiError } from '../../api/client';
import { type ApiRecord, type FormDefinition, addRecord, updateRecord } from '../../api/record-forms';
import { errorText } from '../../ui/errors';
import { SESSION_KEY } from '../auth/session';
import { FormContext, type RecordFormContext, type RowRef } from './form-context';
import { domId } from './form-fields';
import { FormLayout } from './form-layout';
import type { FormEnv } from './inputs/types';
import { LeaveGuard } from './leave-guard';
import { inputKey, mapFieldErrors } from './model/field-errors';
import { type FormValue, type RowValue, type ValueContext, type Values, buildPayload, copyFromApi, emptyFormValue, innerFields, newRow, pendingUploads, sameValue } from './model/values';

export interface RecordFormProps {
  mode: 'new' | 'edit';
  heading: string;
  definition: FormDefinition;
  env: FormEnv;
  valueContext: ValueContext;
  initial: Values;
  /** Only fields whose value differs from this are sent (defaults on create, the record on edit). */
  baseline: Values;
  readOnly: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
  recordId?: string;
  revision?: string;
  /** Edit: loads the record again (after a conflict). */
  onReload?: () => void;
}

interface Failure {
  general: string;
  others: string[];
  conflict: boolean;
}

function focusFirstError(form: HTMLFormElement | null): void {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!first) return;
  let details = first.closest('details');
  while (details) {
    details.open = true;
    details = details.parentElement?.closest('details') ?? null;
  }
  first.scrollIntoView({ block: 'center' });
  first.focus({ preventScroll: true });
}

export function RecordForm(props: RecordFormProps) {
  const { definition, env, valueContext } = props;
  const { properties, layout, app } = definition;
  const { s, place, appId } = env;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(props.initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const leaving = useRef(false);
  const allowLeave = useCallback(() => leaving.current, []);
  const [focusErrors, setFocusErrors] = useState(0);

  useEffect(() => {
    if (focusErrors) focusFirstError(formRef.current);
  }, [focusErrors]);

  const dirty = useMemo(() => Object.values(properties).some((p) => !sameValue(p, values[p.code], props.initial[p.code])), [properties, values, props.initial]);

  // A field's message goes once the person changes that field; the rest stay until the next save.
  const forget = useCallback((key: string) => setErrors((e) => (e[key] ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e)), []);
  const setField = useCallback(
    (code: string, value: FormValue) => {
      setValues((v) => ({ ...v, [code]: value }));
      forget(code);
    },
    [forget],
  );
  const setRows = useCallback((table: string, rows: RowValue[]) => setValues((v) => ({ ...v, [table]: rows })), []);
  const setCell = useCallback(
    (row: RowRef, code: string, value: FormValue) => {
      setValues((v) => ({
        ...v,
        [row.table]: ((v[row.table] as RowValue[] | undefined) ?? []).map((r) => (r.key === row.rowKey ? { ...r, value: { ...r.value, [code]: value } } : r)),
      }));
      forget(inputKey(row.table, row.rowKey, code));
    },
    [forget],
  );

  const applyLookup = useCallback(
    (p: Property, record: ApiRecord | null, row?: RowRef) => {
      const lookup = p.lookup as { relatedKeyField: string; fieldMappings: Array<{ field: string; relatedField: string }> };
      const scope = row ? Object.fromEntries(innerFields(properties[row.table]!).map((q) => [q.code, q])) : properties;
      const changes: Values = {};
      changes[p.code] = record ? String(copyFromApi(p, record[lookup.relatedKeyField], valueContext)) : '';
      for (const m of lookup.fieldMappings) {
        const target = scope[m.field];
        if (target) changes[m.field] = record ? copyFromApi(target, record[m.relatedField], valueContext) : emptyFormValue(target);
      }
      if (row) setValues((v) => ({ ...v, [row.table]: ((v[row.table] as RowValue[]) ?? []).map((r) => (r.key === row.rowKey ? { ...r, value: { ...r.value, ...changes } } : r)) }));
      else setValues((v) => ({ ...v, ...changes }));
    },
    [properties, valueContext],
  );

  const save = useMutation({
    mutationFn: async (payload: Record<string, { value: unknown }>) => {
      if (props.mode === 'new') return (await addRecord(place, appId, payload)).id;
      await updateRecord(place, appId, props.recordId!, payload, props.revision!);
      return props.recordId!;
    },
  });

  const submit = () => {
    if (save.isPending) return;
    if (pendingUploads(properties, values)) {
      setFailure({ general: s.waitForUploads, others: [], conflict: false });
      return;
    }
    const payload = buildPayload(properties, values, valueContext, { skip: props.readOnly, baseline: props.baseline });
    const rowKeys: Record<string, string[]> = {};
    for (const p of Object.values(properties)) if (p.type === 'SUBTABLE') rowKeys[p.code] = ((values[p.code] as RowValue[]) ?? []).map((r) => r.key);
    setFailure(null);
    save.mutate(payload, {
      onSuccess: (id) => {
        leaving.current = true;
        setErrors({});
        // Lists and details read before this save are out of date (the session is not).
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
        navigate(place.page(`/app/${appId}/show/${id}`), { state: { saved: true } });
      },
      onError: (err) => {
        const conflict = err instanceof ApiError && err.code === 'GAIA_CO02';
        if (conflict) {
          setFailure({ general: s.conflict, others: [], conflict: true });
          return;
        }
        const mapped =
          err instanceof ApiError ? mapFieldErrors(err.fields, rowKeys, (key) => document.getElementById(domId(key)) !== null) : { byInput: {}, others: [] };
        // A lookup key without a match names its field in the message.
        if (err instanceof ApiError && err.code === 'GAIA_LO04') {
          for (const p of Object.values(properties)) if (err.message.includes(`「${p.code}」`) || err.message.includes(`"${p.code}"`)) mapped.byInput[p.code] = [err.message];
        }
        setErrors(mapped.byInput);
        setFailure({ general: err instanceof ApiError && err.status === 403 ? s.noPrivilege : errorText(err, t), others: mapped.others, conflict: false });
        setFocusErrors((n) => n + 1);
      },
    });
  };

  const ctx: RecordFormContext = {
    properties,
    values,
    errors,
    env,
    isNew: props.mode === 'new',
    readOnly: props.readOnly,
    hidden: props.hidden,
    setField,
    setCell,
    setRows,
    newRow: (table) => newRow(properties[table]!, valueContext),
    applyLookup,
  };

  const cancelTo = props.mode === 'edit' ? place.page(`/app/${appId}/show/${props.recordId}`) : place.page(`/app/${appId}`);
  return (
    <FormContext.Provider value={ctx}>
      <form
        ref={formRef}
        className="rf-form"
        noValidate
        aria-labelledby="rf-heading"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="rf-header">
          <div className="rf-header__titles">
            <p className="rf-app-name">
              <Link to={place.page(`/app/${appId}`)}>{app.name}</Link>
            </p>
            <h1 id="rf-heading">{props.heading}</h1>
          </div>
          <div className="rf-actions">
            <Link to={cancelTo} className="button">
              {s.cancel}
            </Link>
            <button type="submit" className="button button--primary" disabled={save.isPending} aria-busy={save.isPending || undefined}>
              {save.isPending ? s.saving : s.save}
            </button>
          </div>
        </div>
        {failure && (
          <div className="form-error" role="alert">
            <p>{failure.general}</p>
            {failure.others.length > 0 && (
              <ul>
                {failure.others.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
            {failure.conflict && props.onReload && (
              <button
                type="button"
                className="button rf-reload"
                onClick={() => {
                  leaving.current = true;
                  props.onReload!();
                }}
              >
                {s.reload}
              </button>
            )}
          </div>
        )}
        <FormLayout layout={layout} />
      </form>
      <LeaveGuard when={dirty} allow={allowLeave} s={s} />
    </FormContext.Provider>
  );
}
