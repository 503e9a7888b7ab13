// The process bar of a record (プロセス管理): its status, its assignees, and one button per action
// the server says this viewer may take now (record/actions.json). An action opens a small dialog
// with the next status and, when that status wants one, the assignee to choose; 実行 runs it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { RecordActionJson } from '../../../../common/api/record-actions.js';
import type { Place } from '../../api/place';
import { type ApiRecord, getRecordActions, runAction } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { EntityChips } from './fields/field-value';
import { strings } from './strings';
import { Dialog, ErrorLine } from './ui';
import { appKey } from './use-app';

export function ProcessBar({ place, app, record }: { place: Place; app: string; record: ApiRecord }) {
  const s = useStrings(strings).process;
  const id = String(record.$id?.value ?? '');
  const status = Object.values(record).find((f) => f.type === 'STATUS');
  const assignees = Object.values(record).find((f) => f.type === 'STATUS_ASSIGNEE');
  const actions = useQuery({
    queryKey: [...appKey(place, app), 'record', id, 'actions', String(record.$revision?.value ?? '')],
    queryFn: () => getRecordActions(place, app, id),
  });
  const [chosen, setChosen] = useState<RecordActionJson | null>(null);
  if (!status && !actions.data?.enabled) return null;
  return (
    <section className="process-bar" aria-label={s.label}>
      <dl className="process-bar__facts">
        <div>
          <dt>{s.status}</dt>
          <dd>
            <span className="status-badge">{String(status?.value ?? '')}</span>
          </dd>
        </div>
        <div>
          <dt>{s.assignee}</dt>
          <dd>{Array.isArray(assignees?.value) && assignees.value.length ? <EntityChips entities={assignees.value as Array<{ code: string; name: string }>} /> : s.none}</dd>
        </div>
      </dl>
      {actions.data && actions.data.actions.length > 0 && (
        <div className="process-bar__actions">
          {actions.data.actions.map((a) => (
            <button key={a.name} type="button" className={a.type === 'PRIMARY' ? 'button button--primary' : 'button'} onClick={() => setChosen(a)}>
              {a.name}
            </button>
          ))}
        </div>
      )}
      {actions.error && <ErrorLine error={actions.error} />}
      {chosen && <ActionDialog place={place} app={app} record={record} action={chosen} onClose={() => setChosen(null)} />}
    </section>
  );
}

function ActionDialog({ place, app, record, action, onClose }: { place: Place; app: string; record: ApiRecord; action: RecordActionJson; onClose(): void }) {
  const s = useStrings(strings).process;
  const selectId = useId();
  const queryClient = useQueryClient();
  const choose = action.assignee.type === 'ONE' && action.assignee.candidates.length > 0;
  const [assignee, setAssignee] = useState(choose ? (action.assignee.candidates[0]?.code ?? '') : '');
  const id = String(record.$id?.value ?? '');
  const run = useMutation({
    mutationFn: () => runAction(place, app, id, action.name, choose ? assignee : undefined, String(record.$revision?.value ?? '-1')),
    onSuccess: async () => {
      onClose();
      await queryClient.invalidateQueries({ queryKey: [...appKey(place, app), 'record', id] });
      await queryClient.invalidateQueries({ queryKey: [...appKey(place, app), 'list'] });
    },
  });
  return (
    <Dialog title={s.actionTitle(action.name)} open onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <ErrorLine error={run.error} />
        <p>
          {s.nextStatus}: <span className="status-badge">{action.to}</span>
        </p>
        {choose ? (
          <div className="field">
            <label htmlFor={selectId}>{s.chooseAssignee}</label>
            <select id={selectId} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              {action.assignee.candidates.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          action.assignee.candidates.length > 0 && (
            <div>
              {s.nextAssignees}: <EntityChips entities={action.assignee.candidates} />
            </div>
          )
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {s.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={run.isPending}>
            {s.confirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
