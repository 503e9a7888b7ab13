// Which sites may show the view's visitor page in a frame (frameAncestors): https origins, one a
// line, checked by the server (server/domain/public-views/frame-ancestors.ts), whose objections
// are listed here naming each site. A password or e-mail sign-in is kept inside those sites'
// frames over HTTPS (the visitor cookies are then SameSite=None and partitioned by the framing
// site: server/http/visitor-cookies.ts), e-mail sign-in by code there, which the field says, louder when it applies.
import { useId } from 'react';
import { MAX_FRAME_ANCESTORS } from '../../../../common/api/public-views.js';
import { planFor } from '../../../../common/licences/view-plans.js';
import { useStrings } from '../../i18n/area-strings';
import { accessStrings } from './access-strings';
import { MissingFeatures } from './plans';
import { strings } from './strings';
import { linesOf } from './view-form';

interface Props {
  value: string;
  onChange(value: string): void;
  /** The server's objections, each naming its site (view-form-errors.ts embeddingProblems). */
  problems: readonly string[];
  /** The view asks for a password or an e-mail sign-in. */
  signIn: boolean;
  /** The saved sites, when the domain's plan no longer allows them (the view is shown to nobody). */
  lapsed: readonly string[];
}

export function EmbeddingField({ value, onChange, problems, signIn, lapsed }: Props) {
  const a = useStrings(accessStrings);
  const s = useStrings(strings);
  const id = useId();
  const count = linesOf(value).length;
  const conflict = signIn && count > 0;
  const describedBy = [`${id}-hint`, `${id}-signin`, conflict ? `${id}-conflict` : '', problems.length ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return (
    <div className={problems.length ? 'field field--invalid pvm-embed' : 'field pvm-embed'}>
      <label htmlFor={`${id}-sites`}>{a.embedLabel}</label>
      {lapsed.length > 0 && <MissingFeatures features={['accessRestriction']} view={{ hasPassword: false, frameAncestors: lapsed }} />}
      <textarea
        id={`${id}-sites`}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="https://www.example.com"
        spellCheck={false}
        autoCapitalize="off"
        inputMode="url"
        aria-invalid={problems.length ? true : undefined}
        aria-describedby={describedBy}
      />
      <p id={`${id}-hint`} className="field-hint">
        {a.embedHint(MAX_FRAME_ANCESTORS)} {s.form.requires(s.plans[planFor('accessRestriction')])}
      </p>
      {count > 0 && (
        <p className={count > MAX_FRAME_ANCESTORS ? 'field-hint pvm-embed__count--over' : 'field-hint'} aria-live="polite">
          {a.embedCount(count, MAX_FRAME_ANCESTORS)}
        </p>
      )}
      <p id={`${id}-signin`} className="field-hint">
        {a.embedSignIn}
      </p>
      {conflict && (
        <p id={`${id}-conflict`} className="field-hint" role="note">
          {a.embedConflict}
        </p>
      )}
      {problems.length > 0 && (
        <div id={`${id}-errors`} className="field-error">
          <p className="pvm-errors-title">{a.embedProblems}</p>
          <ul>
            {problems.map((m, i) => (
              <li key={i} className="pvm-wrap">
                {m}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
