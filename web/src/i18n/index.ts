// i18next with our two languages. The first language comes from the browser (navigator.languages)
// unless this browser already chose one (the header's switch, kept in localStorage); once someone
// signs in, their account's language wins, as in kintone.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '../api/client';
import { en } from './en';
import { ja } from './ja';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'engawa.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The stored choice, else the browser's first language we speak (ja-JP → ja), else English. */
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the browser's language each time
  }
}

function apply(lang: Language): void {
  document.documentElement.lang = lang;
  setRequestLanguage(lang);
}

export async function initI18n(): Promise<void> {
  const lang = pickLanguage(readStored(), navigator.languages ?? [navigator.language]);
  apply(lang);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: lang,
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show &quot; on screen.
    interpolation: { escapeValue: false },
  });
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** Shows the app in `lang` and remembers it for this browser. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not kept across visits, but this page still switches.
  }
  apply(lang);
  await i18next.changeLanguage(lang);
}
