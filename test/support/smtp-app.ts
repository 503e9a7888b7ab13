// An app whose mail goes out through a real SMTP server, for the HTTP tests that read what a
// recipient receives: both are started before a file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { type Harness, startApp } from './app.js';
import type { TestDatabase } from './db.js';
import { type TestSmtpServer, startSmtpServer } from './smtp.js';

export interface AppWithSmtp {
  h: () => Harness;
  smtp: () => TestSmtpServer;
}

/**
 * Registers, inside an `eachDatabase` body, the start of an SMTP receiver and of the app sending
 * to it (`env` is the app's, SMTP_URL aside); tests reach both through the answer.
 */
export function appWithSmtp(database: () => TestDatabase, env: Record<string, string> = {}): AppWithSmtp {
  let h: Harness | undefined;
  let smtp: TestSmtpServer | undefined;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    h = await startApp(database(), { SMTP_URL: smtp.url, ...env });
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });
  return {
    h: () => h ?? notStarted(),
    smtp: () => smtp ?? notStarted(),
  };
}

function notStarted(): never {
  throw new Error('app not started yet: read it inside a test');
}
