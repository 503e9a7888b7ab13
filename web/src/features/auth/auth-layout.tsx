// The frame of every page used before (or instead of) the portal: sign-in, its second steps,
// password reset, invitations and setup. One calm card, readable at 375 px.
import { type ReactNode, useId } from 'react';
import { usePageTitle } from '../../ui/page-title';
import { LanguageSwitch } from '../shell/language-switch';

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  const headingId = useId();
  return (
    <div className="auth">
      <header className="auth__bar">
        <span className="brand">Engawa</span>
        <LanguageSwitch />
      </header>
      <main className="auth__main">
        <section className="card" aria-labelledby={headingId}>
          <h1 id={headingId}>{title}</h1>
          {children}
        </section>
      </main>
    </div>
  );
}
