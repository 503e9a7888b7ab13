import { describe, expect, it } from 'vitest';
import { renderMail } from './index.js';
import { renderNotification } from './notification.js';

const content = {
  summary: 'alice edited a record: <b>Widget</b>',
  appName: 'Orders & Co',
  record: 'Widget (ORD-3)',
  fields: ['Price', 'Quantity'],
  comment: null,
  url: 'https://engawa.example.jp/',
};

describe('notification mail', () => {
  it('tells the event, the app, the record and the fields, in English', () => {
    const m = renderNotification({ notificationId: 1, content }, 'en');
    expect(m.subject).toBe('alice edited a record: <b>Widget</b>');
    expect(m.text).toContain('App: Orders & Co\nRecord: Widget (ORD-3)\nFields changed: Price, Quantity');
    expect(m.text).toContain('Open Engawa: https://engawa.example.jp/');
    expect(m.html).toContain('alice edited a record: &lt;b&gt;Widget&lt;/b&gt;');
    expect(m.html).not.toContain('<b>Widget');
  });

  it('speaks Japanese and quotes a comment', () => {
    const m = renderNotification({ notificationId: 1, content: { ...content, fields: [], comment: 'よろしく\nお願いします' } }, 'ja');
    expect(m.text).toContain('アプリ: Orders & Co');
    expect(m.text).toContain('コメント:\nよろしく\nお願いします');
    expect(m.html).toContain('よろしく<br>お願いします');
  });

  it('is never rendered from what was queued alone', () => {
    expect(() => renderMail('notification', { notificationId: 1 }, 'en')).toThrow();
    expect(() => renderMail('notification', { notificationId: 1, content: { ...content, url: 'javascript:alert(1)' } }, 'en')).toThrow();
  });
});
