// What a plan lacks and what upgrading unlocks, from the plan table (common/licences/view-plans.ts):
// the screens never compare plan names themselves.
import { VIEW_PLANS, VIEW_PLAN_FEATURES, type ViewFeature, planFor } from '../../../../common/licences/view-plans.js';
import { useStrings } from '../../i18n/area-strings';
import { strings } from './strings';

const FEATURES: ViewFeature[] = ['simpleViews', 'filtering', 'searchForms', 'accessRestriction', 'ipRestriction', 'emailAuth', 'visitorManagement'];

/** "Not shown to visitors: your plan lacks Password protection (Premium plan or above)". */
export function MissingFeatures({ features }: { features: readonly ViewFeature[] }) {
  const s = useStrings(strings);
  if (features.length === 0) return null;
  return (
    <p className="pvm-missing" role="note">
      {s.missing} {features.map((f) => s.needsPlan(s.features[f], s.plans[planFor(f)])).join(', ')}
    </p>
  );
}

export function PlanTable() {
  const s = useStrings(strings);
  return (
    <details className="pvm-plans">
      <summary>{s.planTable}</summary>
      <div className="as-table-wrap">
        <table className="as-table">
          <thead>
            <tr>
              <th scope="col">{s.planFeature}</th>
              {VIEW_PLANS.map((p) => (
                <th key={p} scope="col" className="as-center">
                  {s.plans[p]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FEATURES.map((f) => (
              <tr key={f}>
                <th scope="row">{s.features[f]}</th>
                {VIEW_PLANS.map((p) => (
                  <td key={p} className="as-center">
                    {VIEW_PLAN_FEATURES[p].features.has(f) ? '✓' : '–'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
