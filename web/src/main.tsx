// The entry: languages first (so the first frame is already in the right one), then the router
// and the shared request cache. Everything else arrives per screen (routes.tsx).
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ApiError } from './api/client';
import { SESSION_KEY } from './features/auth/session';
import { SessionLanguage } from './features/auth/session-language';
import { initI18n } from './i18n';
import { routes } from './routes';
import './ui/app-base.css';
import './ui/forms.css';
import './ui/auth.css';
import './ui/shell.css';
import './ui/portal.css';

/** Client errors are answers, not hiccups: asking again would only get the same one. */
function retry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { retry, refetchOnWindowFocus: false }, mutations: { retry: false } },
  queryCache: new QueryCache({
    // A session that ended on the server (expired, signed out elsewhere): every protected
    // screen sends the person to the login page and back here after.
    onError: (error, query) => {
      if (error instanceof ApiError && error.code === 'CB_AU01' && query.queryKey[0] !== SESSION_KEY[0]) {
        queryClient.setQueryData(SESSION_KEY, null);
      }
    },
  }),
});

await initI18n();
const router = createBrowserRouter(routes);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionLanguage />
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
