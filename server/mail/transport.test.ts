import { describe, expect, it } from 'vitest';
import { capturingLogger } from '../../test/support/mail-world.js';
import { createTransport, describeSendError } from './transport.js';

describe('describeSendError', () => {
  it('keeps the code and message on one line', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525\nmore'), { code: 'ESOCKET' });
    expect(describeSendError(err)).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:2525 more');
  });

  it('never repeats the relay password or URL credentials', () => {
    const url = 'smtp://mailer:p%40ss-w0rd@relay.example:587';
    const err = new Error('failed for smtp://mailer:p@ss-w0rd@relay.example:587 (p@ss-w0rd)');
    const text = describeSendError(err, url);
    expect(text).not.toContain('p@ss-w0rd');
    expect(text).not.toContain('p%40ss-w0rd');
    expect(text).toContain('relay.example');
  });

  it('is bounded', () => {
    expect(describeSendError(new Error('x'.repeat(5000))).length).toBeLessThanOrEqual(500);
  });
});

describe('createTransport', () => {
  it('without SMTP_URL keeps mail in the outbox and logs it for the operator', async () => {
    const { logger, lines } = capturingLogger();
    const t = createTransport({ mailFrom: 'x <x@example.test>', smtpUrl: undefined }, logger);
    expect(t.kind).toBe('outbox');
    await t.send({ to: 'a@example.jp', subject: 'S', text: 'T', html: '<p>T</p>', messageId: '<m@engawa>' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, mail: { to: 'a@example.jp', subject: 'S', text: 'T' } });
    expect(JSON.stringify(lines[0])).not.toContain('<p>');
    t.close();
  });

  it('with SMTP_URL sends over SMTP', () => {
    const { logger } = capturingLogger();
    const t = createTransport({ mailFrom: 'x <x@example.test>', smtpUrl: 'smtp://127.0.0.1:1' }, logger);
    expect(t.kind).toBe('smtp');
    t.close();
  });
});
