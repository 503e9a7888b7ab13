// What a kept copy of a message may show. Once a message carrying a secret (a sign-in link, a
// reset or invitation link, a one-time code) has left by SMTP, the copy in the outbox is only a
// record that it was sent: anyone who may read the outbox (an administrator) must not be able
// to finish someone else's registration, reset or sign-in from it.

const MASK = '••••••';

/** The link with its token masked: tokens are long random strings, words in paths are not. */
export function maskLink(url: string): string {
  return url.replace(/[A-Za-z0-9_-]{20,}/g, MASK);
}

/** A one-time code, masked. */
export function maskCode(): string {
  return MASK;
}
