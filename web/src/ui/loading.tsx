import { useTranslation } from 'react-i18next';

/** Shown while a screen's code or data arrives; announced once, politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}
