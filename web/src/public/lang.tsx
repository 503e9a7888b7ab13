// The visitor's language: the one this browser chose before (the same key as the app's switch),
// else the browser's first ja/en, else English. A context, not i18next: two languages and a few
// dozen words do not need a library in a bundle strangers download.
import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';
import { type VisitorStrings, visitorStrings } from './strings';

export type Lang = 'ja' | 'en';
const STORAGE_KEY = 'engawa.language';

export function pickLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored === 'ja' || stored === 'en') return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

export function initialLang(): Lang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the browser's language each time.
  }
  return pickLang(stored, navigator.languages ?? [navigator.language]);
}

interface LangState {
  lang: Lang;
  s: VisitorStrings;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState | null>(null);

export function LangProvider({ initial, onChange, children }: { initial: Lang; onChange(lang: Lang): void; children: ReactNode }) {
  const [lang, setState] = useState(initial);
  const setLang = useCallback(
    (next: Lang) => {
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not kept, but this page still switches.
      }
      document.documentElement.lang = next;
      setState(next);
      onChange(next);
    },
    [onChange],
  );
  const value = useMemo(() => ({ lang, s: visitorStrings[lang], setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang outside LangProvider');
  return state;
}
