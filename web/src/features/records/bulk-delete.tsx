// 一括削除: deletes every record that matches the current filter, after a confirmation naming the
// count. Records are deleted 100 at a time (the API's limit); a batch the server refuses — a
// record the person may not delete — stops the run and its message is shown.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Place } from '../../api/place';
import { deleteRecords, getRecords } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { composeQuery } from './query/filter';
import type { Expr } from '../../../../common/query/index.js';
import { appKey } from './use-app';
import { strings } from './strings';
import { Dialog, ErrorLine } from './ui';

const BATCH = 100;

type Phase = { kind: 'confirm' } | { kind: 'running'; done: number } | { kind: 'done'; done: number } | { kind: 'failed'; done: number; error: unknown };

export function BulkDeleteDialog({ open, onClose, place, app, where, total }: { open: boolean; onClose(): void; place: Place; app: string; where: Expr | null; total: number }) {
  const s = useStrings(strings).bulk;
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'confirm' });

  const run = async () => {
    let done = 0;
    setPhase({ kind: 'running', done });
    try {
      // Always the first ids that still match: deleted ones drop out of the next read.
      for (;;) {
        const { records } = await getRecords(place, app, composeQuery({ where, orderBy: [], limit: BATCH }), { fields: ['$id'] });
        if (records.length === 0) break;
        await deleteRecords(place, app, records.map((r) => String(r.$id!.value)));
        done += records.length;
        setPhase({ kind: 'running', done });
      }
      setPhase({ kind: 'done', done });
    } catch (error) {
      setPhase({ kind: 'failed', done, error });
    }
    await queryClient.invalidateQueries({ queryKey: appKey(place, app) });
  };

  const close = () => {
    if (phase.kind === 'running') return;
    setPhase({ kind: 'confirm' });
    onClose();
  };

  return (
    <Dialog title={s.title} open={open} onClose={close}>
      {phase.kind === 'confirm' && (
        <>
          <p>{s.confirm(total)}</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              {s.cancel}
            </button>
            <button type="button" className="button button--danger" onClick={run}>
              {s.delete}
            </button>
          </div>
        </>
      )}
      {phase.kind === 'running' && <p role="status">{s.progress(phase.done, total)}</p>}
      {phase.kind === 'done' && <p role="status">{s.done}</p>}
      {phase.kind === 'failed' && (
        <>
          {phase.done > 0 && <p>{s.stopped(phase.done)}</p>}
          <ErrorLine error={phase.error} />
        </>
      )}
      {(phase.kind === 'done' || phase.kind === 'failed') && (
        <div className="dialog__actions">
          <button type="button" className="button" onClick={close}>
            OK
          </button>
        </div>
      )}
    </Dialog>
  );
}
