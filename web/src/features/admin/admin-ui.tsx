// Pieces every administration screen uses: the refusal page, a query's error, the pager, a
// confirmation dialog (the native <dialog>: modal, Escape closes it, focus stays inside), the
// status badges and the person's time zone.
import { type ReactNode, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { usePageTitle } from '../../ui/page-title';
import { useSession } from '../auth/session';
import { rangeText } from './format';
import { strings } from './strings';

/** The server refused: not an administrator (403). */
export function isRefused(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'CB_NO02';
}

export function NoPermission() {
  const s = useStrings(strings);
  usePageTitle(s.noPermission);
  return (
    <section className="admin-refusal panel">
      <h1>{s.noPermission}</h1>
      <p>{s.noPermissionHint}</p>
      <Link to="/">{s.backToPortal}</Link>
    </section>
  );
}

/** A failed read: the refusal page for a 403, the server's sentence otherwise. */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isRefused(error)) return <NoPermission />;
  return (
    <p className="form-error" role="alert">
      {errorText(error, t)}
    </p>
  );
}

/** A failed action, shown where it was taken. */
export { ErrorLine as ActionError } from '../../ui/error-line';

export function useTimeZone(): string {
  return useSession().data?.user.timezone ?? 'UTC';
}

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="admin-heading">
      <h1>{title}</h1>
      {children && <div className="admin-heading__actions">{children}</div>}
    </div>
  );
}

/** The page of a list kept in the address (?offset=), so a reload or a shared link keeps it. */
export function usePageInAddress(): { offset: number; page(to: number): void } {
  const [params, setParams] = useSearchParams();
  return {
    offset: Math.max(0, Number(params.get('offset')) || 0),
    page(to) {
      const next = new URLSearchParams(params);
      if (to) next.set('offset', String(to));
      else next.delete('offset');
      setParams(next);
    },
  };
}

interface PagerProps {
  offset: number;
  /** Rows on this page. */
  shown: number;
  pageSize: number;
  /** Null when the server gives no total: "next" is offered while pages are full. */
  total: number | null;
  /** The furthest offset the server pages to. */
  maxOffset?: number;
  onChange(offset: number): void;
}

/** `1 - 20（全 152 件）` with previous/next, as kintone's lists have. */
export function Pager({ offset, shown, pageSize, total, maxOffset, onChange }: PagerProps) {
  const s = useStrings(strings);
  const { i18n } = useTranslation();
  const more = total === null ? shown >= pageSize : offset + shown < total;
  const hasNext = more && (maxOffset === undefined || offset + pageSize <= maxOffset);
  if (offset === 0 && !hasNext && shown === 0) return null;
  return (
    <nav className="pager" aria-label={s.pager}>
      <span className="pager__range">{rangeText(offset, shown, total, i18n.language)}</span>
      <button type="button" className="button pager__button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))} aria-label={s.previous}>
        ‹
      </button>
      <button type="button" className="button pager__button" disabled={!hasNext} onClick={() => onChange(offset + pageSize)} aria-label={s.next}>
        ›
      </button>
    </nav>
  );
}

interface ConfirmProps {
  /** The button that opens the dialog. */
  label: string;
  /** The question (ui-glossary §2.2): names what will happen. */
  message: string;
  /** The destructive button, last in reading order. */
  confirmLabel: string;
  onConfirm(): void;
  pending?: boolean;
  danger?: boolean;
  buttonClass?: string;
}

export function ConfirmButton({ label, message, confirmLabel, onConfirm, pending, danger = true, buttonClass }: ConfirmProps) {
  const s = useStrings(strings);
  const ref = useRef<HTMLDialogElement>(null);
  const messageId = useId();
  return (
    <>
      <button type="button" className={buttonClass ?? (danger ? 'button button--danger-outline' : 'button')} disabled={pending} onClick={() => ref.current?.showModal()}>
        {label}
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby={messageId}>
        <p id={messageId} className="dialog__message">
          {message}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" autoFocus onClick={() => ref.current?.close()}>
            {s.cancel}
          </button>
          <button
            type="button"
            className={danger ? 'button button--danger' : 'button button--primary'}
            onClick={() => {
              ref.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}

interface AdminTableProps {
  /** The columns' headings, in order. */
  columns: string[];
  /** A last column of buttons: its heading is read out but not shown. */
  actions?: string;
  /** The rows. */
  children: ReactNode;
}

/** A list as the administration screens show it: a table whose columns each have a heading. */
export function AdminTable({ columns, actions, children }: AdminTableProps) {
  return (
    <table className="admin-table">
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
          {actions !== undefined && (
            <th scope="col">
              <span className="visually-hidden">{actions}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function AccountStatus({ valid, locked }: { valid: boolean; locked?: boolean }) {
  const s = useStrings(strings);
  return (
    <span className="status-badges">
      <span className={valid ? 'state state--active' : 'state state--inactive'}>{valid ? s.status.active : s.status.inactive}</span>
      {locked && <span className="state state--locked">{s.status.locked}</span>}
    </span>
  );
}
