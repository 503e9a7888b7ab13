// What the departments (組織) and groups pages share: entries named by a code, listed beside the
// chosen one's panels, the choice kept in the address (?code=) so a reload or a shared link keeps
// it; the same panels add an entry, change one (its code too) and delete it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useStrings } from '../../i18n/area-strings';
import { FormError, Notice, SubmitButton } from '../../ui/form';
import { ActionError, ConfirmButton, PageHeading } from './admin-ui';
import { itemField, keyedErrors } from './field-errors';
import { strings } from './strings';

export type EntryErrors = ReturnType<typeof keyedErrors>;

/** One kind of entry: how its form reads and where the server names its fields. */
export interface EntryKind<R> {
  /** Names the panels' headings: `${id}-new`, `${id}-edit`. */
  id: string;
  /** The list's query, refreshed when an entry is added. */
  queryKey: readonly unknown[];
  /** Where one entry's fields are named in the server's messages (`groups[0].`). */
  errorPrefix: string;
  fields: readonly string[];
  /** The form's values besides the code and the new code. */
  read(data: FormData): R;
}

/** A text input's value without the spaces around it. */
export function trimmed(data: FormData, name: string): string {
  return String(data.get(name) ?? '').trim();
}

function codes(form: HTMLFormElement): { code: string; newCode: string; data: FormData } {
  const data = new FormData(form);
  return { code: trimmed(data, 'code'), newCode: trimmed(data, 'newCode'), data };
}

/** The page's state: the chosen entry (from the address), the add panel, the last notice. */
export function useEntryChoice<A>() {
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState<A | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const select = (code: string | null) => {
    setAdding(null);
    setParams(code ? { code } : {});
  };
  return {
    selected: params.get('code'),
    adding,
    notice,
    select,
    add: (what: A) => setAdding(what),
    cancel: () => setAdding(null),
    onCreated: (code: string, message: string) => {
      setNotice(message);
      select(code);
    },
    /** After a change of the entry now shown as `code`: follows it when its code changed. */
    onSaved: (code: string) => (newCode: string, message: string) => {
      setNotice(message);
      if (newCode !== code) select(newCode);
    },
    onDeleted: (message: string) => {
      setNotice(message);
      select(null);
    },
  };
}

interface EntriesLayoutProps {
  title: string;
  addLabel: string;
  onAdd(): void;
  notice: string | null;
  listLabel: string;
  /** Null when there are no entries: `empty` says so instead. */
  list: ReactNode | null;
  empty: string;
  /** Null when nothing is chosen: `choose` asks for a choice instead. */
  panel: ReactNode | null;
  choose: string;
}

export function EntriesLayout({ title, addLabel, onAdd, notice, listLabel, list, empty, panel, choose }: EntriesLayoutProps) {
  return (
    <div className="admin-page">
      <PageHeading title={title}>
        <button type="button" className="button button--primary" onClick={onAdd}>
          {addLabel}
        </button>
      </PageHeading>
      {notice && <Notice>{notice}</Notice>}
      <div className="split">
        <nav className="panel split__list" aria-label={listLabel}>
          {list === null ? <p className="empty">{empty}</p> : list}
        </nav>
        <div className="split__detail">{panel ?? <p className="panel muted">{choose}</p>}</div>
      </div>
    </div>
  );
}

/** One entry of the list: the chosen one is marked for sight and for screen readers. */
export function EntryButton({ selected, onSelect, children }: { selected: boolean; onSelect(): void; children: ReactNode }) {
  return (
    <button type="button" className={selected ? 'tree__item tree__item--selected' : 'tree__item'} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
      {children}
    </button>
  );
}

interface NewEntryProps<R> {
  kind: EntryKind<R>;
  title: string;
  create(input: { code: string } & R): Promise<void>;
  fields(errors: EntryErrors): ReactNode;
  onCancel(): void;
  onCreated(code: string, message: string): void;
}

export function NewEntry<R>({ kind, title, create, fields, onCancel, onCreated }: NewEntryProps<R>) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: create,
    onSuccess: async (_a, input) => {
      await queryClient.invalidateQueries({ queryKey: kind.queryKey });
      onCreated(input.code, s.saved);
    },
  });
  const errors = keyedErrors(mutation.error, t, itemField(kind.errorPrefix, kind.fields));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const { code, data } = codes(e.currentTarget);
    mutation.mutate({ code, ...kind.read(data) });
  }

  return (
    <section className="panel" aria-labelledby={`${kind.id}-new`}>
      <h2 id={`${kind.id}-new`}>{title}</h2>
      <form className="form admin-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        {fields(errors)}
        <div className="form-actions">
          <SubmitButton pending={mutation.isPending}>{s.add}</SubmitButton>
          <button type="button" className="button" onClick={onCancel}>
            {s.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

interface EntryDetailProps<R> {
  kind: EntryKind<R>;
  entry: { code: string; name: string };
  update(change: { code: string; newCode?: string } & R): Promise<void>;
  remove(code: string): Promise<void>;
  deleteConfirm: string;
  fields(errors: EntryErrors): ReactNode;
  /** Buttons after Save. */
  actions?: ReactNode;
  onSaved(code: string, message: string): void;
  onDeleted(message: string): void;
  /** Panels below the settings (the members). */
  children: ReactNode;
}

export function EntryDetail<R>({ kind, entry, update, remove, deleteConfirm, fields, actions, onSaved, onDeleted, children }: EntryDetailProps<R>) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: update,
    onSuccess: async (_a, change) => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onSaved(change.newCode ?? entry.code, s.saved);
    },
  });
  const removal = useMutation({
    mutationFn: () => remove(entry.code),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onDeleted(s.deleted);
    },
  });
  const errors = keyedErrors(save.error, t, itemField(kind.errorPrefix, kind.fields));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const { newCode, data } = codes(e.currentTarget);
    save.mutate({ code: entry.code, ...(newCode !== entry.code ? { newCode } : {}), ...kind.read(data) });
  }

  return (
    <>
      <section className="panel" aria-labelledby={`${kind.id}-edit`}>
        <h2 id={`${kind.id}-edit`}>{entry.name}</h2>
        <form className="form admin-form" onSubmit={onSubmit} noValidate>
          <FormError errors={errors} />
          {fields(errors)}
          <div className="form-actions">
            <SubmitButton pending={save.isPending}>{s.save}</SubmitButton>
            {actions}
          </div>
        </form>
        <ActionError error={removal.error} />
        <div className="button-row button-row--end">
          <ConfirmButton label={s.delete} message={deleteConfirm} confirmLabel={s.delete} pending={removal.isPending} onConfirm={() => removal.mutate()} />
        </div>
      </section>
      {children}
    </>
  );
}
