// Once someone is signed in, the page speaks their account's language (言語 in their settings),
// as kintone does; the header's switch changes both together afterwards.
import { useEffect, useRef } from 'react';
import { isLanguage, setLanguage } from '../../i18n';
import { useSession } from './session';

export function SessionLanguage() {
  const user = useSession().data?.user;
  // Only when the person changes: a refetch racing the switch's own save must not undo it.
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!user || appliedFor.current === user.id) return;
    appliedFor.current = user.id;
    if (isLanguage(user.locale)) void setLanguage(user.locale);
  }, [user]);
  return null;
}
