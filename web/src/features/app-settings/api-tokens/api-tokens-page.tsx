// APIトークン: the app's tokens, made with the flags chosen and shown once, and deleted — each
// after the signed-in person confirms the current password in a dialog (probe A18). Like every
// setting, a change works once the app is updated.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type TokenRights, createToken, deleteToken, listTokens } from '../../../api/api-tokens';
import { defineStrings, useStrings } from '../../../i18n/area-strings';
import { errorText } from '../../../ui/errors';
import { Loading } from '../../../ui/loading';
import { useTranslation } from 'react-i18next';
import { Check } from '../form/inputs';
import { useSettingsSaved, useSettingsTarget } from '../settings-data';
import { PasswordDialog } from './password-dialog';

const RIGHTS = ['view', 'add', 'edit', 'delete', 'manage'] as const;

const words = defineStrings(
  {
    title: 'API Token',
    hint: 'Tokens let other systems use this app. They work once the app is updated.',
    rights: { view: 'View records', add: 'Add records', edit: 'Edit records', delete: 'Delete records', manage: 'Manage app' } as Record<string, string>,
    generate: 'Generate',
    none: 'There are no API tokens yet.',
    ending: (hint: string) => `Token ending in …${hint}`,
    pending: '(after the app is updated)',
    remove: 'Delete',
    made: 'Copy this token now: it is not shown again.',
    confirmTitle: 'Enter your password',
    confirmHint: 'To change API tokens, enter the password you sign in with.',
    confirm: 'OK',
    cancel: 'Cancel',
  },
  {
    title: 'APIトークン',
    hint: 'ほかのシステムからこのアプリを利用するためのトークンです。アプリを更新すると有効になります。',
    rights: { view: 'レコード閲覧', add: 'レコード追加', edit: 'レコード編集', delete: 'レコード削除', manage: 'アプリ管理' },
    generate: '生成する',
    none: 'APIトークンはまだありません。',
    ending: (hint) => `末尾が …${hint} のトークン`,
    pending: '（アプリの更新後に有効）',
    remove: '削除する',
    made: 'このトークンを今コピーしてください。再表示はできません。',
    confirmTitle: 'パスワードの入力',
    confirmHint: 'APIトークンを変更するには、ログインに使うパスワードを入力してください。',
    confirm: 'OK',
    cancel: 'キャンセル',
  },
);

type Pending = { kind: 'create' } | { kind: 'delete'; id: string };

export function ApiTokensPage() {
  const s = useStrings(words);
  const { t } = useTranslation();
  const { appId, place, key } = useSettingsTarget();
  const saved = useSettingsSaved();
  const tokens = useQuery({ queryKey: key('api-tokens'), queryFn: () => listTokens(place, appId) });
  const [rights, setRights] = useState<Partial<TokenRights>>({ view: true });
  const [asking, setAsking] = useState<Pending | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: async ({ what, password }: { what: Pending; password: string }) =>
      what.kind === 'create' ? (await createToken(place, appId, rights, password)).token : (await deleteToken(place, appId, what.id, password), null),
    onSuccess: async (token) => {
      setAsking(null);
      setMade(token);
      await saved('api-tokens');
    },
  });
  const ask = (what: Pending) => {
    change.reset();
    setAsking(what);
  };

  if (tokens.isPending) return <Loading />;
  if (tokens.isError) return <p role="alert">{errorText(tokens.error, t)}</p>;
  return (
    <section className="panel" aria-labelledby="as-api-tokens">
      <h2 id="as-api-tokens">{s.title}</h2>
      <p className="muted">{s.hint}</p>
      {made && (
        <div className="notice" role="status">
          <p>{s.made}</p>
          <code>{made}</code>
        </div>
      )}
      {RIGHTS.map((r) => (
        <Check key={r} label={s.rights[r]!} checked={rights[r] === true} onChange={(v) => setRights({ ...rights, [r]: v })} />
      ))}
      <div className="as-actions">
        <button type="button" className="button button--primary" onClick={() => ask({ kind: 'create' })}>
          {s.generate}
        </button>
      </div>
      {tokens.data.tokens.length === 0 ? (
        <p className="muted">{s.none}</p>
      ) : (
        <ul className="as-links">
          {tokens.data.tokens.map((tok) => (
            <li key={tok.id}>
              <span>
                {s.ending(tok.hint)} {tok.live ? '' : s.pending}
              </span>
              <span className="muted">{RIGHTS.filter((r) => tok.rights[r]).map((r) => s.rights[r]).join('・')}</span>
              <button type="button" className="button" aria-label={`${s.remove}: ${s.ending(tok.hint)}`} onClick={() => ask({ kind: 'delete', id: tok.id })}>
                {s.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PasswordDialog
        key={asking ? `${asking.kind}` : 'closed'}
        open={asking !== null}
        title={s.confirmTitle}
        hint={s.confirmHint}
        confirm={s.confirm}
        cancel={s.cancel}
        pending={change.isPending}
        error={change.error}
        onConfirm={(password) => asking && change.mutate({ what: asking, password })}
        onCancel={() => setAsking(null)}
      />
    </section>
  );
}
