// The warning before a password expires, and the screen it leads to (features C: warn ≤5 days).
import { defineStrings } from '../../i18n/area-strings';

export const expiryStrings = defineStrings(
  {
    expiresIn: (n: number) => (n <= 1 ? 'Your password expires in 1 day.' : `Your password expires in ${n} days.`),
    change: 'Change password',
    dismiss: 'Dismiss',
    label: 'Password expiry',
    changeHint: 'Choose a new password. Other sessions of your account will be signed out.',
    changed: 'Your password has been changed.',
  },
  {
    expiresIn: (n) => `パスワードの有効期限まであと ${Math.max(1, n)} 日です。`,
    change: 'パスワードを変更する',
    dismiss: '閉じる',
    label: 'パスワードの有効期限',
    changeHint: '新しいパスワードを設定してください。ほかのセッションはログアウトされます。',
    changed: 'パスワードを変更しました。',
  },
);
