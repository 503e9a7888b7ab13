// Importing visitors from a CSV file, all or nothing: on CB_PV37 the server names every bad row
// (`rows[n].column`, n counting data rows from 1) and the header's problems; they are listed
// here, and nothing was imported.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { visitorStrings } from './visitor-strings';
import { importVisitors } from './visitors-api';

type Words = typeof visitorStrings.en;

/** `rows[2].email` → "Row 2, email: …"; `header[3]` → "Header, column 4: …". */
export function describeCsvProblems(fields: Readonly<Record<string, readonly string[]>>, s: Pick<Words, 'rowError' | 'headerError'>): string[] {
  const out: Array<[number, string]> = [];
  for (const [key, messages] of Object.entries(fields)) {
    const message = messages.join(' ');
    const row = /^rows\[(\d+)\](?:\.(.+))?$/.exec(key);
    const header = /^header(?:\[(\d+)\]|\.(\w+))?$/.exec(key);
    if (row) out.push([Number(row[1]), s.rowError(row[1]!, row[2] ?? '', message)]);
    else if (header) out.push([0, s.headerError(header[1] !== undefined ? String(Number(header[1]) + 1) : (header[2] ?? ''), message)]);
    else out.push([-1, message]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

export function VisitorImport({ viewId, onDone }: { viewId: string; onDone(): Promise<unknown> }) {
  const s = useStrings(visitorStrings);
  const { t } = useTranslation();
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [replace, setReplace] = useState(false);
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: async (f: File) => importVisitors(viewId, await f.text(), replace),
    onSuccess: async () => {
      if (file.current) file.current.value = '';
      await onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = file.current?.files?.[0];
    setMissing(!f);
    if (f) run.mutate(f);
  };
  const problems = run.error instanceof ApiError ? describeCsvProblems(run.error.fields, s) : [];
  return (
    <form className="panel pvm-section" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{s.csv}</h3>
      <p id={`${id}-hint`} className="field-hint">
        {s.csvHint}
      </p>
      <div className={missing || run.isError ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-file`}>{s.csvFile}</label>
        <input
          id={`${id}-file`}
          ref={file}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-hint`}
          onChange={() => {
            setMissing(false);
            run.reset();
          }}
        />
        {missing && <p className="field-error">{s.csvChoose}</p>}
      </div>
      <label className="as-check">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> {s.csvReplace}
      </label>
      {run.isError && (
        <div className="form-error" role="alert">
          <p>{errorText(run.error, t)}</p>
          {problems.length > 0 && (
            <>
              <p className="pvm-errors-title">{s.csvErrors}</p>
              <ul className="pvm-row-errors">
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {run.isSuccess && (
        <p className="notice" role="status">
          {s.result(run.data.added, run.data.updated, run.data.removed)}
        </p>
      )}
      <div className="as-actions">
        <button type="submit" className="button button--primary" disabled={run.isPending} aria-busy={run.isPending || undefined}>
          {s.csvImport}
        </button>
      </div>
    </form>
  );
}
