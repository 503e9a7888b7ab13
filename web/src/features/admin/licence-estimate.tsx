// 見積もり: the contract priced for the current and next month (monthly terms) or term (annual),
// one table per period with yen per line and the total, and the same as a CSV file.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EstimatePeriod } from '../../../../common/api/licences.js';
import { estimateCsvHref, getEstimate } from '../../api/admin-licences';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { QueryError } from './admin-ui';
import { formatNumber, formatYen } from './format';
import { licenceStrings } from './licence-strings';

export function EstimateSection() {
  const { i18n } = useTranslation();
  const l = useStrings(licenceStrings);
  const estimate = useQuery({ queryKey: ['admin', 'estimate'], queryFn: getEstimate });
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <section className="panel" aria-labelledby="licence-estimate">
      <div className="admin-heading">
        <h2 id="licence-estimate">{l.estimate}</h2>
        {estimate.data?.contract && (
          <a className="button" href={estimateCsvHref(lang)} download>
            {l.csv}
          </a>
        )}
      </div>
      {estimate.isError ? (
        <QueryError error={estimate.error} />
      ) : !estimate.data ? (
        <Loading />
      ) : estimate.data.periods.length === 0 ? (
        <p className="empty">{l.noEstimate}</p>
      ) : (
        <>
          <p className="muted">{l.estimateHint}</p>
          {estimate.data.periods.map((p) => (
            <PeriodTable key={p.label} period={p} lang={lang} />
          ))}
        </>
      )}
    </section>
  );
}

function PeriodTable({ period: p, lang }: { period: EstimatePeriod; lang: string }) {
  const l = useStrings(licenceStrings);
  const caption = `${l.period(l.periods[p.label], p.from, p.to)} ${l.courses[p.course]}・${l.terms[p.term]}`;
  return (
    <table className="admin-table estimate-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{l.item}</th>
          {[l.lineLicences, l.inUse, l.quantity, l.months, l.unitPrice, l.amount].map((heading, i) => (
            <th key={i} scope="col" className="num">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.lines.map((line) => (
          <tr key={line.item}>
            <th scope="row" data-label={l.item}>
              {l.items[line.item]}
            </th>
            <td data-label={l.lineLicences} className="num">
              {formatNumber(line.licences)}
            </td>
            <td data-label={l.inUse} className="num">
              {formatNumber(line.inUse)}
            </td>
            <td data-label={l.quantity} className="num">
              {formatNumber(line.quantity)}
            </td>
            <td data-label={l.months} className="num">
              {formatNumber(line.months)}
            </td>
            <td data-label={l.unitPrice} className="num">
              {formatYen(line.unitPrice, lang)}
            </td>
            <td data-label={l.amount} className="num">
              {formatYen(line.amount, lang)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={6}>
            {l.total}
          </th>
          <td data-label={l.total} className="num total">
            {formatYen(p.total, lang)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
