// The contract form (PUT /v1/licences/contract.json): course, billing term, user and guest
// licences, dates, public-view plan and trial reminders. The server's refusals — fewer user
// licences than active users (CB_LI02), guest licences alone (CB_LI03), guests on another
// course or term (CB_LI04) — come back as its own sentence at the top of the form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractJson } from '../../../../common/api/licences.js';
import { BILLING_TIME_ZONE, COURSES, TERMS } from '../../../../common/licences/courses.js';
import { VIEW_PLANS, type ViewPlan } from '../../../../common/licences/view-plans.js';
import { removeContract, saveContract } from '../../api/admin-licences';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, Notice, SelectField, SubmitButton } from '../../ui/form';
import { ActionError, ConfirmButton } from './admin-ui';
import { type ContractForm, contractBody, contractField, formOf } from './contract-form';
import { keyedErrors } from './field-errors';
import { todayIn } from './format';
import { licenceStrings } from './licence-strings';
import { strings } from './strings';

export function ContractSection({ contract, activeUsers }: { contract: ContractJson | null; activeUsers: number }) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const l = useStrings(licenceStrings);
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ContractForm>(() => formOf(contract, { today: todayIn(BILLING_TIME_ZONE), activeUsers }));
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const save = useMutation({
    mutationFn: () => saveContract(contractBody(form, contract)),
    onMutate: () => setNotice(null),
    onSuccess: (saved) => {
      setForm(formOf(saved, { today: todayIn(BILLING_TIME_ZONE), activeUsers }));
      setNotice(s.saved);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: removeContract,
    onSuccess: () => {
      setForm(formOf(null, { today: todayIn(BILLING_TIME_ZONE), activeUsers }));
      setNotice(l.removed);
      void refresh();
    },
  });
  const errors = keyedErrors(save.error, t, contractField);
  const set = <K extends keyof ContractForm>(key: K) => (value: ContractForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  function onSubmit(e: FormEvent): void {
    e.preventDefault();
    save.mutate();
  }

  return (
    <section className="panel" aria-labelledby="licence-contract">
      <h2 id="licence-contract">{l.contract}</h2>
      {notice && <Notice>{notice}</Notice>}
      {!contract && <p className="muted">{l.noContract}</p>}
      <form className="form contract-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <SelectField
          label={l.course}
          name="course"
          value={form.course}
          onChange={(e) => set('course')(e.target.value as ContractForm['course'])}
          options={COURSES.map((c) => ({ value: c, label: l.courses[c] }))}
          error={errors.field('course')}
        />
        <SelectField
          label={l.term}
          name="term"
          value={form.term}
          onChange={(e) => set('term')(e.target.value as ContractForm['term'])}
          options={TERMS.map((x) => ({ value: x, label: l.terms[x] }))}
          error={errors.field('term')}
        />
        <Field label={l.userLicences} name="userLicences" inputMode="numeric" value={form.userLicences} onChange={(e) => set('userLicences')(e.target.value)} error={errors.field('userLicences')} />
        <Field label={l.guestLicences} name="guestLicences" inputMode="numeric" value={form.guestLicences} onChange={(e) => set('guestLicences')(e.target.value)} error={errors.field('guestLicences')} />
        <Field label={l.startDate} name="startDate" type="date" value={form.startDate} onChange={(e) => set('startDate')(e.target.value)} error={errors.field('startDate')} />
        {form.term === 'annual' && (
          <Field label={l.endDate} name="endDate" type="date" value={form.endDate} onChange={(e) => set('endDate')(e.target.value)} hint={l.endDateHint} error={errors.field('endDate')} />
        )}
        <SelectField
          label={l.viewPlan}
          name="viewPlan"
          value={form.viewPlan}
          onChange={(e) => set('viewPlan')(e.target.value as ViewPlan | '')}
          options={[{ value: '', label: l.viewPlans.none }, ...VIEW_PLANS.map((p) => ({ value: p, label: l.viewPlans[p] }))]}
          error={errors.field('viewPlan')}
        />
        <Field
          label={l.trialReminderDays}
          name="trialReminderDays"
          value={form.trialReminderDays}
          onChange={(e) => set('trialReminderDays')(e.target.value)}
          hint={l.trialReminderHint}
          error={errors.field('trialReminderDays')}
        />
        <div className="form-actions">
          <SubmitButton pending={save.isPending}>{contract ? s.save : l.setContract}</SubmitButton>
        </div>
      </form>
      {contract && (
        <>
          <ActionError error={remove.error} />
          <div className="button-row button-row--end">
            <ConfirmButton label={l.removeContract} message={l.removeConfirm} confirmLabel={l.removeContract} pending={remove.isPending} onConfirm={() => remove.mutate()} />
          </div>
        </>
      )}
    </section>
  );
}
