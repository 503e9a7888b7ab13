// The visitors' entry (public.html): a public view's pages for people without an account. Its own
// small bundle — React and these pages, no router, no i18n library, none of the app's screens.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setVisitorLanguage } from './api';
import { type Lang, LangProvider, initialLang } from './lang';
import { VisitorApp } from './visitor-app';
import './frame.css';
import './records.css';
import './gates.css';
import './view-kinds.css';

const lang = initialLang();
document.documentElement.lang = lang;
setVisitorLanguage(lang);
const changed = (next: Lang) => setVisitorLanguage(next);

const root = document.getElementById('root');
if (!root) throw new Error('public.html has no #root');
createRoot(root).render(
  <StrictMode>
    <LangProvider initial={lang} onChange={changed}>
      <VisitorApp />
    </LangProvider>
  </StrictMode>,
);
