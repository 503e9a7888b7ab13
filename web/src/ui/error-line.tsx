// A failed read or action in one line where it happened: the server's sentence (ui/errors.ts),
// announced to screen readers; nothing when there is no error.
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

export function ErrorLine({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {errorText(error, t)}
    </p>
  );
}
