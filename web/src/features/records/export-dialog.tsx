// ファイルに書き出す: a dialog that reads every record of the current view and filter through a
// cursor, shows `n of total`, can be cancelled, and hands the browser the CSV file.
import { useEffect, useRef, useState } from 'react';
import type { Property } from '../../../../common/fields/index.js';
import type { Place } from '../../api/place';
import { useStrings } from '../../i18n/area-strings';
import { csvFile, csvHeader, csvRow, cursorFields, readAllRecords } from './csv-export';
import { strings } from './strings';
import { Dialog, ErrorLine } from './ui';

type Phase = { kind: 'ready' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; count: number; url: string } | { kind: 'cancelled' } | { kind: 'failed'; error: unknown };

export interface ExportDialogProps {
  open: boolean;
  onClose(): void;
  place: Place;
  app: string;
  fileName: string;
  columns: string[];
  properties: Record<string, Property>;
  query: string;
  timeZone: string;
}

export function ExportDialog(props: ExportDialogProps) {
  const s = useStrings(strings).exportCsv;
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const abort = useRef<AbortController | null>(null);
  const link = useRef<HTMLAnchorElement>(null);

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'running', done: 0, total: 0 });
    try {
      const records = await readAllRecords({
        place: props.place,
        app: props.app,
        fields: cursorFields(props.columns, props.properties),
        query: props.query,
        signal: controller.signal,
        onProgress: (done, total) => setPhase({ kind: 'running', done, total }),
      });
      const blob = csvFile(
        csvHeader(props.columns, props.properties),
        records.map((r) => csvRow(r, props.columns, props.properties, props.timeZone)),
      );
      const url = URL.createObjectURL(blob);
      setPhase({ kind: 'done', count: records.length, url });
    } catch (e) {
      setPhase(e instanceof DOMException && e.name === 'AbortError' ? { kind: 'cancelled' } : { kind: 'failed', error: e });
    }
  };

  // The file goes to the browser's downloads at once; the link stays to fetch it again.
  const doneUrl = phase.kind === 'done' ? phase.url : null;
  useEffect(() => {
    if (doneUrl) link.current?.click();
  }, [doneUrl]);

  const close = () => {
    abort.current?.abort();
    if (phase.kind === 'done') URL.revokeObjectURL(phase.url);
    setPhase({ kind: 'ready' });
    props.onClose();
  };

  return (
    <Dialog title={s.title} open={props.open} onClose={close}>
      <p>{s.intro}</p>
      {phase.kind === 'running' && (
        <div className="progress" role="status">
          <progress max={phase.total || 1} value={phase.done} aria-label={s.title} />
          <span>{s.progress(phase.done, phase.total)}</span>
        </div>
      )}
      {phase.kind === 'done' && (
        <p role="status">
          {s.done(phase.count)}{' '}
          <a ref={link} href={phase.url} download={props.fileName}>
            {s.download}
          </a>
        </p>
      )}
      {phase.kind === 'cancelled' && <p role="status">{s.cancelled}</p>}
      {phase.kind === 'failed' && <ErrorLine error={phase.error} />}
      <div className="dialog__actions">
        {phase.kind === 'running' ? (
          <button type="button" className="button" onClick={() => abort.current?.abort()}>
            {s.cancel}
          </button>
        ) : (
          <>
            {phase.kind !== 'done' && (
              <button type="button" className="button button--primary" onClick={start}>
                {s.start}
              </button>
            )}
            <button type="button" className="button" onClick={close}>
              {s.close}
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
