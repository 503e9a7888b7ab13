// The signed-in person, as GET /api/session says, shared by every screen through React Query.
// Screens that sign someone in or out write the answer here, so nothing refetches to find out.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SignedInJson } from '../../../../common/api/sessions.js';
import { getSession } from '../../api/auth';

export const SESSION_KEY = ['session'] as const;

const LAST_LOGIN_KEY = 'engawa.lastLogin';

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: getSession, staleTime: Infinity });
}

/** Records a completed sign-in: the session for every screen, and which login page was used. */
export function useSignedIn(): (session: SignedInJson) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (session) => {
      try {
        localStorage.setItem(LAST_LOGIN_KEY, session.user.kind);
      } catch {
        // Only decides which login page comes next time.
      }
      queryClient.setQueryData(SESSION_KEY, session);
    },
    [queryClient],
  );
}

/** A guest whose session ended is sent back to the guest login page, not the users' one. */
export function lastLoginWasGuest(): boolean {
  try {
    return localStorage.getItem(LAST_LOGIN_KEY) === 'guest';
  } catch {
    return false;
  }
}

/**
 * Where to go after signing in: a path of ours only. Anything else (another site, `//host`,
 * a backslash trick) goes to the portal, so a crafted login link cannot send anyone away.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/login')) return '/';
  return raw;
}

export function loginPath(guest: boolean, next?: string): string {
  const base = guest ? '/login/guest' : '/login';
  return next && next !== '/' ? `${base}?next=${encodeURIComponent(next)}` : base;
}
