// What a plan lacks and what upgrading unlocks, from the plan table (common/licences/view-plans.ts):
// the screens never compare plan names themselves.
import { VIEW_PLANS, VIEW_PLAN_FEATURES, type ViewFeature, planFor } from '../../../../common/licences/view-plans.js';
import { useStrings } from '../../i18n/area-strings';
import { accessStrings } from './access-strings';
import { strings } from './strings';

const FEATURES: ViewFeature[] = ['simpleViews', 'filtering', 'searchForms', 'accessRestriction', 'ipRestriction', 'emailAuth', 'visitorManagement'];

/**
 * "Not shown to visitors: your plan lacks Password protection (Premium plan or above)". Given the
 * view, access restrictions are named by what the view uses: its password, its embedding sites.
 */
export function MissingFeatures({ features, view }: { features: readonly ViewFeature[]; view?: { hasPassword: boolean; frameAncestors: readonly string[] } }) {
  const s = useStrings(strings);
  const a = useStrings(accessStrings);
  if (features.length === 0) return null;
  const name = (f: ViewFeature) => {
    if (f !== 'accessRestriction' || !view || view.frameAncestors.length === 0) return s.features[f];
    return view.hasPassword ? `${s.features[f]}, ${a.embed}` : a.embed;
  };
  return (
    <p className="pvm-missing" role="note">
      {s.missing} {features.map((f) => s.needsPlan(name(f), s.plans[planFor(f)])).join(', ')}
    </p>
  );
}

export function PlanTable() {
  const s = useStrings(strings);
  const a = useStrings(accessStrings);
  // Embedding comes with access restrictions (as in kViewer): its own row, so the table says what it unlocks.
  const rows: Array<[string, ViewFeature]> = FEATURES.flatMap((f): Array<[string, ViewFeature]> => (f === 'accessRestriction' ? [[s.features[f], f], [a.embed, f]] : [[s.features[f], f]]));
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
            {rows.map(([label, f]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
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
