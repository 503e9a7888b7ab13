// The public URL, shown once after a view is made or its URL regenerated (the server keeps only a
// hash of the token), with a copy button. Closing it forgets the URL.
import { useId, useRef, useState } from 'react';
import type { PublicViewWithUrl } from '../../../../common/api/public-views.js';
import { useStrings } from '../../i18n/area-strings';
import { strings } from './strings';

export function UrlPanel({ made, onClose, closeLabel }: { made: PublicViewWithUrl; onClose(): void; closeLabel?: string }) {
  const s = useStrings(strings);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${made.path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard permission (an insecure page, an old browser): select it for the person.
      input.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <section className="panel pvm-url" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s.urlTitle}</h2>
      <p className="field-hint">{s.urlOnce}</p>
      <div className="pvm-url__row">
        <label htmlFor={`${id}-url`} className="pvm-visually-hidden">
          {s.urlTitle}
        </label>
        <input id={`${id}-url`} ref={input} readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button--primary" onClick={copy}>
          {s.copy}
        </button>
        <a className="button" href={url} target="_blank" rel="noopener noreferrer">
          {s.openUrl}
        </a>
      </div>
      {copied && (
        <p className="notice" role="status">
          {s.copied}
        </p>
      )}
      <p>
        <button type="button" className="button" onClick={onClose}>
          {closeLabel ?? s.close}
        </button>
      </p>
    </section>
  );
}
