// What the views (一覧) and graphs (グラフ) tabs share: an app's set of named settings listed in
// order, each added or changed in a dialog, moved up or down, or deleted after a question, and
// the whole set saved at once after every change (the PUT replaces it, as kintone's API does).
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStrings } from '../../i18n/area-strings';
import { ErrorLine } from '../../ui/error-line';
import { formErrors } from '../../ui/errors';
import { FormError, SubmitButton } from '../../ui/form';
import { ConfirmDialog, Dialog } from './confirm-dialog';
import { useSettingsSaved } from './settings-data';
import { strings } from './strings';

export interface ItemFormProps<D> {
  initial: D;
  error: unknown;
  pending: boolean;
  onSave(draft: D): void;
  onCancel(): void;
}

/** The tab's own words (views-strings.ts, graph-strings.ts). */
export interface SetWords {
  title: string;
  add: string;
  /** A line beneath the heading. */
  hint?: string;
  empty: string;
  newTitle: string;
  editTitle(name: string): string;
  deleteConfirm(name: string): string;
}

interface NamedSetEditorProps<D extends { name: string }> {
  words: SetWords;
  /** The set as saved, in order. */
  list: D[];
  /** What the add dialog starts from. */
  blank: D;
  badge(item: D): ReactNode;
  /** Some items are only listed (default: every item can be changed). */
  canEdit?(item: D): boolean;
  /** Moving waits for the previous save to end. */
  lockMovesWhileSaving?: boolean;
  /** Lines beneath an item's name. */
  details?(item: D): ReactNode;
  /** Saves the whole set. */
  put(list: D[]): Promise<unknown>;
  /** The preview setting that `put` changes, read again after a save. */
  part: string;
  form(props: ItemFormProps<D>): ReactNode;
}

export function NamedSetEditor<D extends { name: string }>(props: NamedSetEditorProps<D>) {
  const { words: w, list, canEdit = () => true } = props;
  const s = useStrings(strings);
  const saved = useSettingsSaved();
  const [editing, setEditing] = useState<{ index: number | null; draft: D } | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: props.put,
    onSuccess: async () => {
      setEditing(null);
      setDeleting(null);
      await saved(props.part);
    },
  });
  const move = (i: number, j: number) => {
    const next = [...list];
    [next[i], next[j]] = [next[j]!, next[i]!];
    save.mutate(next);
  };
  const moving = props.lockMovesWhileSaving === true && save.isPending;

  return (
    <div className="as-page">
      <div className="as-card__head">
        <h2>{w.title}</h2>
        <button type="button" className="button button--primary" onClick={() => setEditing({ index: null, draft: props.blank })}>
          {w.add}
        </button>
      </div>
      {w.hint && <p className="muted">{w.hint}</p>}
      {!editing && <ErrorLine error={save.error} />}
      {list.length === 0 ? (
        <p className="empty">{w.empty}</p>
      ) : (
        <ol className="as-conditions" aria-label={w.title}>
          {list.map((item, i) => (
            <li key={item.name} className="as-card">
              <div className="as-card__head">
                <h3>{item.name}</h3>
                <div className="as-list-tools">
                  <span className="badge">{props.badge(item)}</span>
                  {canEdit(item) && (
                    <button type="button" className="as-icon-button" aria-label={s.editNamed(item.name)} onClick={() => setEditing({ index: i, draft: item })}>
                      ⚙
                    </button>
                  )}
                  <button type="button" className="as-icon-button" aria-label={s.moveUpNamed(item.name)} disabled={i === 0 || moving} onClick={() => move(i, i - 1)}>
                    ↑
                  </button>
                  <button type="button" className="as-icon-button" aria-label={s.moveDownNamed(item.name)} disabled={i === list.length - 1 || moving} onClick={() => move(i, i + 1)}>
                    ↓
                  </button>
                  <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(item.name)} onClick={() => setDeleting(i)}>
                    ×
                  </button>
                </div>
              </div>
              {props.details?.(item)}
            </li>
          ))}
        </ol>
      )}
      <Dialog open={editing !== null} title={editing?.index === null ? w.newTitle : w.editTitle(editing?.draft.name ?? '')} onClose={() => setEditing(null)} wide>
        {editing &&
          props.form({
            initial: editing.draft,
            error: save.error,
            pending: save.isPending,
            onCancel: () => {
              setEditing(null);
              save.reset();
            },
            onSave: (draft) => save.mutate(editing.index === null ? [...list, draft] : list.map((x, j) => (j === editing.index ? draft : x))),
          })}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={s.deleteNamed(list[deleting ?? 0]?.name ?? '')}
        message={w.deleteConfirm(list[deleting ?? 0]?.name ?? '')}
        confirm={s.delete}
        cancel={s.cancel}
        danger
        pending={save.isPending}
        onConfirm={() => save.mutate(list.filter((_, j) => j !== deleting))}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}

/** The dialog's form around an item's inputs: the server's general message first, Cancel and Save last. */
export function ItemForm<D>({ draft, error, pending, onSave, onCancel, children }: Omit<ItemFormProps<D>, 'initial'> & { draft: D; children: ReactNode }) {
  const s = useStrings(strings);
  const { t } = useTranslation();
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
      noValidate
    >
      <FormError errors={formErrors(error, [], t)} />
      {children}
      <div className="as-actions">
        <button type="button" className="button" onClick={onCancel}>
          {s.cancel}
        </button>
        <SubmitButton pending={pending}>{s.save}</SubmitButton>
      </div>
    </form>
  );
}
