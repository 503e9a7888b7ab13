// ルックアップ / Lookup: the key field's box with 取得 (search the source app through the server
// and copy the mapped fields) and クリア (empty the key and the copies). One exact match is copied
// at once; otherwise a list of the source's records (its picker columns) to choose from.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiField, Lookup } from '../../../../../common/fields/index.js';
import { type ApiRecord, findRecords, getFields } from '../../../api/record-forms';
import { errorText } from '../../../ui/errors';
import { lookupFieldsToRead, lookupQuery } from '../model/lookup-query';
import { NumberInput, SingleLineTextInput } from './text-inputs';
import type { InputProps } from './types';

export interface LookupInputProps extends InputProps<string> {
  /** Copies a source record: its key into this field and the mapped values into their fields. */
  onPick(record: ApiRecord | null): void;
}

function text(field: ApiField | undefined): string {
  const v = field?.value;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? String((x as { name?: string }).name ?? '') : String(x))).join(', ');
  if (typeof v === 'object') return String((v as { name?: string }).name ?? '');
  return String(v);
}

export function LookupInput(props: LookupInputProps) {
  const { s, place } = props.env;
  const { t } = useTranslation();
  const lookup = props.property.lookup as Lookup;
  const sourceApp = lookup.relatedApp.app;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [choices, setChoices] = useState<ApiRecord[] | null>(null);
  const [done, setDone] = useState(false);
  const source = useQuery({ queryKey: ['record-forms', 'fields', place.guestSpaceId ?? '', sourceApp], queryFn: () => getFields(place, sourceApp), enabled: false, staleTime: 60_000 });

  const search = async () => {
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      const fields = source.data ?? (await source.refetch({ throwOnError: true })).data ?? {};
      const keyType = fields[lookup.relatedKeyField]?.type ?? 'SINGLE_LINE_TEXT';
      const read = lookupFieldsToRead(lookup);
      let found = props.value.trim() ? await findRecords(place, sourceApp, lookupQuery(lookup, keyType, props.value, 'exact'), read) : [];
      if (found.length !== 1) found = await findRecords(place, sourceApp, lookupQuery(lookup, keyType, props.value, 'partial'), read);
      if (found.length === 1) {
        props.onPick(found[0]!);
        setDone(true);
      } else setChoices(found);
    } catch (err) {
      setProblem(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const Box = props.property.type === 'NUMBER' ? NumberInput : SingleLineTextInput;
  return (
    <div className="rf-lookup">
      <div className="rf-lookup__row">
        <Box {...props} />
        {!props.readOnly && (
          <>
            <button type="button" className="button rf-lookup__button" disabled={busy} aria-busy={busy || undefined} onClick={() => void search()}>
              {s.lookup}
            </button>
            <button
              type="button"
              className="button rf-lookup__button"
              onClick={() => {
                props.onPick(null);
                setDone(false);
              }}
            >
              {s.clear}
            </button>
          </>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {done && (
        <p className="field-hint" role="status">
          {s.lookupDone}
        </p>
      )}
      {choices && (
        <LookupPicker
          title={s.lookupTitle(String(props.property.label ?? props.property.code))}
          columns={lookup.lookupPickerFields.length ? lookup.lookupPickerFields : [lookup.relatedKeyField]}
          labels={source.data ?? {}}
          records={choices}
          env={props.env}
          onClose={() => setChoices(null)}
          onPick={(r) => {
            setChoices(null);
            props.onPick(r);
            setDone(true);
          }}
        />
      )}
    </div>
  );
}

interface PickerProps {
  title: string;
  columns: string[];
  labels: Record<string, { label?: unknown }>;
  records: ApiRecord[];
  env: InputProps['env'];
  onClose(): void;
  onPick(record: ApiRecord): void;
}

/** The list of source records, in a modal dialog (focus stays inside until it closes). */
function LookupPicker({ title, columns, labels, records, env, onClose, onPick }: PickerProps) {
  const { s } = env;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="rf-dialog rf-dialog--wide" aria-labelledby={titleId} onCancel={onClose}>
      <h2 id={titleId}>{title}</h2>
      {records.length === 0 ? (
        <p className="empty">{s.lookupNone}</p>
      ) : (
        <div className="rf-table-scroll">
          <table className="rf-picker-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="rf-visually-hidden">{s.actions}</span>
                </th>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {String(labels[c]?.label ?? c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {records.map((r, i) => (
                <tr key={String(r.$id?.value ?? i)}>
                  <td>
                    <button type="button" className="button" aria-label={`${s.lookupPick}: ${columns.map((c) => text(r[c])).join(' ')}`} onClick={() => onPick(r)}>
                      {s.lookupPick}
                    </button>
                  </td>
                  {columns.map((c) => (
                    <td key={c}>{text(r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="rf-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {s.close}
        </button>
      </div>
    </dialog>
  );
}
