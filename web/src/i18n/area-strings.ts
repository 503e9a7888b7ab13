// Each area of the app (spaces, records, administration…) keeps its words beside its screens, in
// one typed object per language, and they load with the area's code: the first screen a phone
// downloads carries none of them. Core words (sign-in, the frame) stay in en.ts / ja.ts.
//
//   export const strings = defineStrings(
//     { title: 'Threads', members: (n: number) => `${n} members` },
//     { title: 'スレッド', members: (n) => `メンバー ${n}人` },
//   );
//   const s = useStrings(strings);  // s.title, s.members(3)
import { useTranslation } from 'react-i18next';

/** The same keys as English, each a string or a function of the same arguments. */
export type Localized<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends (...args: infer A) => string ? (...args: A) => string : Localized<T[K]>;
};

export interface AreaStrings<E> {
  en: E;
  ja: Localized<E>;
}

export function defineStrings<const E extends object>(en: E, ja: Localized<E>): AreaStrings<E> {
  return { en, ja };
}

/** The area's words in the language the page is shown in; re-renders when it changes. */
export function useStrings<E>(strings: AreaStrings<E>): E {
  const { i18n } = useTranslation();
  return (i18n.language === 'ja' ? strings.ja : strings.en) as E;
}
