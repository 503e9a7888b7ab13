// 言語 / Language: switches the page at once, keeps the choice for this browser, and — for a
// signed-in person — saves it as their account's language (PUT /v1/me/profile.json), which also
// decides the language of their mail and of the server's messages.
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { updateProfile } from '../../api/auth';
import { LANGUAGES, isLanguage, setLanguage } from '../../i18n';
import { SESSION_KEY, useSession } from '../auth/session';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const session = useSession().data;
  const queryClient = useQueryClient();

  async function choose(value: string): Promise<void> {
    if (!isLanguage(value)) return;
    await setLanguage(value);
    // A session that must first change its password or enrol TOTP may do nothing else.
    if (!session || session.passwordExpired || session.totpSetupRequired) return;
    try {
      await updateProfile({ locale: value });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    } catch {
      // The page has switched all the same; the account keeps its language until next time.
    }
  }

  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.language} onChange={(e) => void choose(e.target.value)}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
