import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut } from '../../api/auth';
import { SESSION_KEY, lastLoginWasGuest, loginPath } from './session';

/** ログアウト: ends the session on the server, forgets everything cached, goes to the login page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      const guest = lastLoginWasGuest();
      queryClient.removeQueries();
      queryClient.setQueryData(SESSION_KEY, null);
      void navigate(loginPath(guest), { replace: true });
    },
  });
}
