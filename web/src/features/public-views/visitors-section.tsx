// A view's registered visitors: the domain's count against the plan's limit, the list a page at a
// time (e-mail, name, attributes, source) with remove, and the three ways to add them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisteredVisitorJson } from '../../../../common/api/public-visitors.js';
import type { PublicViewJson } from '../../../../common/api/public-views.js';
import { planFor } from '../../../../common/licences/view-plans.js';
import { ApiError } from '../../api/client';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { ConfirmDialog } from '../app-settings/confirm-dialog';
import { AddVisitorForm } from './add-visitor-form';
import { MissingFeatures } from './plans';
import { strings } from './strings';
import { VisitorImport } from './visitor-import';
import { visitorStrings } from './visitor-strings';
import { VisitorSync } from './visitor-sync';
import { listVisitors, removeVisitors, visitorsKey } from './visitors-api';

const PAGE = 50;

export function VisitorsSection({ view }: { view: PublicViewJson }) {
  const s = useStrings(visitorStrings);
  const pv = useStrings(strings);
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const page = useQuery({ queryKey: [...visitorsKey(view.id), offset], queryFn: () => listVisitors(view.id, offset, PAGE) });
  const [removing, setRemoving] = useState<RegisteredVisitorJson | null>(null);
  const changed = () => queryClient.invalidateQueries({ queryKey: visitorsKey(view.id) });
  const remove = useMutation({
    mutationFn: (email: string) => removeVisitors(view.id, [email]),
    onSuccess: async () => {
      setRemoving(null);
      await changed();
    },
  });

  let body;
  if (page.isError) {
    const lacks = page.error instanceof ApiError && page.error.code === 'CB_PV02';
    body = lacks ? <MissingFeatures features={['visitorManagement']} /> : <p className="form-error">{errorText(page.error, t)}</p>;
  } else if (!page.data) {
    body = <Loading />;
  } else {
    const { visitors, totalCount, domainCount, limit } = page.data;
    // The last visitor of a later page removed: step back to a page that has some.
    if (visitors.length === 0 && offset > 0 && totalCount > 0) setOffset(Math.max(0, Math.floor((totalCount - 1) / PAGE) * PAGE));
    body = (
      <>
        <p className="pvm-usage">
          {s.usage(domainCount, limit)} {s.viewCount(totalCount)}
        </p>
        {totalCount === 0 ? (
          <p className="muted">{s.none}</p>
        ) : (
          <>
            <div className="as-table-wrap">
              <table className="as-table pvm-visitors">
                <caption className="pvm-visually-hidden">{s.visitors}</caption>
                <thead>
                  <tr>
                    <th scope="col">{s.email}</th>
                    <th scope="col">{s.name}</th>
                    <th scope="col">{s.attributes}</th>
                    <th scope="col">{s.source}</th>
                    <th scope="col">{s.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {visitors.map((v) => (
                    <tr key={v.email}>
                      <td className="pvm-wrap">{v.email}</td>
                      <td className="pvm-wrap">{v.name}</td>
                      <td className="pvm-wrap">
                        {Object.entries(v.attributes)
                          .map(([k, val]) => `${k}=${val}`)
                          .join(', ')}
                      </td>
                      <td>{s.sources[v.source]}</td>
                      <td>
                        <button
                          type="button"
                          className="button pvm-danger"
                          aria-label={s.removeNamed(v.email)}
                          onClick={() => {
                            remove.reset();
                            setRemoving(v);
                          }}
                        >
                          {s.remove}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {totalCount > PAGE && (
              <nav className="pvm-pager" aria-label={s.pages}>
                <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  {s.prev}
                </button>
                <span>{s.range(offset + 1, Math.min(offset + PAGE, totalCount), totalCount)}</span>
                <button type="button" className="button" disabled={offset + PAGE >= totalCount} onClick={() => setOffset(offset + PAGE)}>
                  {s.next}
                </button>
              </nav>
            )}
          </>
        )}
      </>
    );
  }

  return (
    <>
      <section className="panel pvm-section" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{s.visitors}</h3>
        <p className="field-hint">
          {s.visitorsHint} {pv.form.requires(pv.plans[planFor('visitorManagement')])}
        </p>
        {body}
      </section>
      <AddVisitorForm viewId={view.id} onDone={changed} />
      <VisitorImport viewId={view.id} onDone={changed} />
      <VisitorSync viewId={view.id} onDone={changed} />
      <ConfirmDialog
        open={removing !== null}
        title={s.remove}
        message={removing ? s.removeConfirm(removing.email) : ''}
        confirm={s.remove}
        cancel={pv.cancel}
        danger
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.email)}
        onCancel={() => setRemoving(null)}
      >
        {remove.isError && (
          <p className="form-error" role="alert">
            {errorText(remove.error, t)}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
