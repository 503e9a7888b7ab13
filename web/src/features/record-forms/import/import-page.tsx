// ファイルから読み込む / Import from File (`/app/:appId/import`): choose a CSV file (UTF-8 or
// Shift_JIS), match its columns to fields (by name or code at first), add records or update them
// by a key field, see the first rows as they will be imported with each cell's problem, then
// import them all at once — or, if the server refuses any, none, with the lines named.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Property } from '../../../../../common/fields/index.js';
import { getFormDefinition } from '../../../api/record-forms';
import { placeOf } from '../../../api/place';
import { useStrings } from '../../../i18n/area-strings';
import { errorText } from '../../../ui/errors';
import { Loading } from '../../../ui/loading';
import { usePageTitle } from '../../../ui/page-title';
import { useSession } from '../../auth/session';
import { lookupTargets } from '../model/values';
import { type FormStrings, strings } from '../strings';
import { type CsvTable, readCsv } from './csv-read';
import { type CellProblem, type ImportRow, MAX_BULK_ROWS, MAX_ROWS, autoMap, cellValue, importableFields, keyFields } from './csv-records';
import { ImportRefused, type RowFailure, runImport } from './import-run';
import '../record-forms.css';

const PREVIEW_ROWS = 10;

function problemText(p: CellProblem, s: FormStrings): string {
  if (p.kind === 'notNumber') return s.cellProblems.notNumber;
  if (p.kind === 'notOption') return s.cellProblems.notOption(p.value);
  return s.cellProblems.badDate;
}

interface Loaded {
  name: string;
  table: CsvTable;
}

export function ImportPage() {
  const { appId = '', guestSpaceId } = useParams();
  const place = useMemo(() => placeOf(guestSpaceId), [guestSpaceId]);
  const s = useStrings(strings);
  const { t } = useTranslation();
  const timeZone = useSession().data?.user.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  usePageTitle(s.importTitle);
  const definition = useQuery({ queryKey: ['record-forms', 'definition', guestSpaceId ?? '', appId], queryFn: () => getFormDefinition(place, appId), staleTime: 30_000 });
  const [file, setFile] = useState<Loaded | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<string[]>([]);
  const [mode, setMode] = useState<'add' | 'update'>('add');
  const [keyCode, setKeyCode] = useState('');
  const fileId = useId();

  const fields = useMemo(() => (definition.data ? importableFields(definition.data.properties, lookupTargets(definition.data.properties)) : []), [definition.data]);
  const byCode = useMemo(() => Object.fromEntries(fields.map((p) => [p.code, p])), [fields]);
  const keys = useMemo(() => keyFields(fields), [fields]);

  const headers = file?.table.rows[0] ?? [];
  const dataRows = useMemo(() => file?.table.rows.slice(1) ?? [], [file]);
  const rows: ImportRow[] = useMemo(
    () =>
      dataRows.map((cells, i) => ({
        line: i + 2,
        cells: mapping.flatMap((code, col) => {
          const p = code ? byCode[code] : undefined;
          return p ? [{ code, type: p.type, cell: cellValue(p, cells[col] ?? '', timeZone) }] : [];
        }),
      })),
    [dataRows, mapping, byCode, timeZone],
  );
  const mapped = mapping.map((code, col) => ({ code, col })).filter((m) => m.code && byCode[m.code]);
  const problems = rows.flatMap((r) => r.cells.filter((c) => c.cell.problem).map((c) => ({ line: r.line, code: c.code, problem: c.cell.problem! })));
  const keyField = keys.find((k) => k.code === keyCode);
  const blocker =
    rows.length === 0
      ? s.emptyFile
      : rows.length > MAX_ROWS
        ? s.tooMany(MAX_ROWS)
        : mapped.length === 0
          ? s.noMappedColumns
          : mode === 'update' && (!keyField || !mapping.includes(keyField.code))
            ? s.noKeyField
            : null;

  const [sent, setSent] = useState(0);
  const run = useMutation({
    mutationFn: () => {
      setSent(0);
      return runImport(place, appId, rows, { mode, ...(keyField ? { keyField } : {}) }, (fraction) => setSent(Math.round(fraction * rows.length)));
    },
  });

  const choose = async (list: FileList | null) => {
    const f = list?.[0];
    run.reset();
    setReadError(null);
    if (!f) return;
    try {
      const table = readCsv(await f.arrayBuffer());
      setFile({ name: f.name, table });
      setMapping(autoMap(table.rows[0] ?? [], fields));
    } catch {
      setFile(null);
      setReadError(s.unreadable);
    }
  };

  if (definition.isError)
    return (
      <p className="form-error" role="alert">
        {errorText(definition.error, t)}
      </p>
    );
  if (!definition.data) return <Loading />;
  const failures: RowFailure[] | null = run.error instanceof ImportRefused ? run.error.failures : null;

  return (
    <div className="rf-import">
      <div>
        <p className="rf-app-name">
          <Link to={place.page(`/app/${appId}`)}>{definition.data.app.name}</Link>
        </p>
        <h1>{s.importTitle}</h1>
      </div>
      <section className="panel">
        <p className="muted">{s.importIntro}</p>
        <div className="field">
          <label htmlFor={fileId}>{s.chooseCsv}</label>
          <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files)} />
        </div>
        {readError && (
          <p className="form-error" role="alert">
            {readError}
          </p>
        )}
        {file && (
          <p className="muted" role="status">
            {s.encoding(file.table.encoding)} — {s.rowsFound(dataRows.length)}
          </p>
        )}
      </section>

      {file && headers.length > 0 && (
        <>
          <section className="panel" aria-labelledby={`${fileId}-map`}>
            <h2 id={`${fileId}-map`}>{s.mapping}</h2>
            <div className="rf-mapping">
              {headers.map((h, col) => (
                <MappingRow
                  key={col}
                  header={h || `#${col + 1}`}
                  value={mapping[col] ?? ''}
                  fields={fields}
                  taken={mapping}
                  s={s}
                  onChange={(code) => setMapping((m) => m.map((x, i) => (i === col ? code : x === code && code ? '' : x)))}
                />
              ))}
            </div>
            <fieldset>
              <legend>{s.mode}</legend>
              <label className="rf-choice">
                <input type="radio" name={`${fileId}-mode`} checked={mode === 'add'} onChange={() => setMode('add')} />
                <span>{s.modeAdd}</span>
              </label>
              <label className="rf-choice">
                <input type="radio" name={`${fileId}-mode`} checked={mode === 'update'} disabled={keys.length === 0} onChange={() => setMode('update')} />
                <span>{s.modeUpdate}</span>
              </label>
            </fieldset>
            {mode === 'update' && (
              <div className="field">
                <label htmlFor={`${fileId}-key`}>{s.keyField}</label>
                <select id={`${fileId}-key`} value={keyCode} onChange={(e) => setKeyCode(e.target.value)} aria-describedby={`${fileId}-key-hint`}>
                  <option value="">{s.none}</option>
                  {keys.map((k) => (
                    <option key={k.code} value={k.code}>
                      {String(k.label ?? k.code)}
                    </option>
                  ))}
                </select>
                <p id={`${fileId}-key-hint`} className="field-hint">
                  {s.keyFieldHint}
                </p>
              </div>
            )}
          </section>

          <Preview rows={rows} mapped={mapped.map((m) => byCode[m.code]!)} total={rows.length} problems={problems.length} s={s} />
          {problems.length > 0 && (
            <ul className="rf-problems form-error">
              {problems.slice(0, 20).map((p, i) => (
                <li key={i}>{s.rowProblem(p.line, `${String(byCode[p.code]?.label ?? p.code)}: ${problemText(p.problem, s)}`)}</li>
              ))}
            </ul>
          )}

          <section className="panel" aria-live="polite">
            {blocker && <p className="form-error">{blocker}</p>}
            {run.isPending && (
              <div className="rf-progress" role="status">
                {rows.length > MAX_BULK_ROWS ? (
                  <>
                    <span>{s.importing(sent, rows.length)}</span>
                    <progress max={rows.length} value={sent} aria-label={s.importing(sent, rows.length)} />
                  </>
                ) : (
                  <>
                    <span>{s.importingAll(rows.length)}</span>
                    <progress aria-label={s.importingAll(rows.length)} />
                  </>
                )}
              </div>
            )}
            {run.isSuccess && (
              <div className="notice" role="status">
                <p>{s.imported(rows.length)}</p>
                <Link to={place.page(`/app/${appId}`)}>{s.openRecords}</Link>
              </div>
            )}
            {run.isError && (
              <div className="form-error" role="alert">
                <p>{failures ? s.importFailed : errorText(run.error, t)}</p>
                {failures && (
                  <ul className="rf-problems">
                    {failures.map((f, i) => (
                      <li key={i}>{f.line === null ? f.message : s.rowProblem(f.line, f.message)}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {!run.isSuccess && (
              <button type="button" className="button button--primary" disabled={Boolean(blocker) || problems.length > 0 || run.isPending} onClick={() => run.mutate()}>
                {s.importButton(rows.length)}
              </button>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function MappingRow({ header, value, fields, taken, s, onChange }: { header: string; value: string; fields: Property[]; taken: string[]; s: FormStrings; onChange(code: string): void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{header}</label>
      <select id={id} className="rf-input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{s.skipColumn}</option>
        {fields.map((p) => (
          <option key={p.code} value={p.code}>
            {String(p.label ?? p.code)}
            {taken.includes(p.code) && p.code !== value ? ' ✓' : ''}
          </option>
        ))}
      </select>
    </>
  );
}

function Preview({ rows, mapped, total, problems, s }: { rows: ImportRow[]; mapped: Property[]; total: number; problems: number; s: FormStrings }) {
  const shown = rows.slice(0, PREVIEW_ROWS);
  const captionId = useId();
  return (
    <section className="panel" aria-labelledby={captionId}>
      <h2 id={captionId}>{s.preview}</h2>
      <p className={problems ? 'form-error' : 'muted'}>{problems ? s.problems(problems) : s.noProblems}</p>
      {mapped.length > 0 && (
        <div className="rf-table-scroll">
          <table className="rf-picker-table rf-preview">
            <caption className="muted">{s.previewCaption(shown.length, total)}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                {mapped.map((p) => (
                  <th key={p.code} scope="col">
                    {String(p.label ?? p.code)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.line}>
                  <th scope="row">{r.line}</th>
                  {mapped.map((p) => {
                    const c = r.cells.find((x) => x.code === p.code)?.cell;
                    return (
                      <td key={p.code} className={c?.problem ? 'rf-bad' : undefined}>
                        {c?.shown}
                        {c?.problem && <span className="rf-cell-problem">{problemText(c.problem, s)}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
