import { describe, expect, it } from 'vitest';
import type { NotificationJson } from '../../../../common/api/notifications.js';
import { addMember, appPage, formatDateTime, memberListProblem, notificationLink, parseEmails, spacePage } from './format';

describe('formatDateTime', () => {
  it('shows the moment in the reader’s time zone, 24-hour, without seconds', () => {
    expect(formatDateTime('2025-04-01T05:05:30Z', 'Asia/Tokyo')).toBe('2025-04-01 14:05');
    expect(formatDateTime('2025-04-01T23:30:00Z', 'UTC')).toBe('2025-04-01 23:30');
    expect(formatDateTime('2025-01-01T00:00:00Z', 'America/New_York')).toBe('2024-12-31 19:00');
  });

  it('falls back to UTC for an unknown zone and leaves non-dates alone', () => {
    expect(formatDateTime('2025-04-01T05:05:00Z', 'Not/AZone')).toBe('2025-04-01 05:05');
    expect(formatDateTime('soon', 'UTC')).toBe('soon');
  });
});

describe('parseEmails', () => {
  it('splits on lines, commas, semicolons and spaces, once per address', () => {
    expect(parseEmails('a@x.example, b@y.example\nc@z.example;A@X.example  \n\n')).toEqual(['a@x.example', 'b@y.example', 'c@z.example']);
    expect(parseEmails('  ')).toEqual([]);
  });
});

describe('page addresses', () => {
  it('puts guest spaces and their apps under /guest/<id>', () => {
    expect(spacePage('3', false)).toBe('/space/3');
    expect(spacePage('3', true, '/thread/9')).toBe('/guest/3/thread/9');
    expect(appPage('5', null)).toBe('/app/5');
    expect(appPage('5', '3', '/show/7')).toBe('/guest/3/app/5/show/7');
  });
});

describe('notificationLink', () => {
  const base: NotificationJson = {
    id: '1',
    kind: 'mention',
    toMe: true,
    read: false,
    createdAt: '2025-04-01T00:00:00Z',
    sender: null,
    app: null,
    record: null,
    comment: null,
    summary: '',
  };
  const guests = new Set(['3']);
  const appSpace = (id: string) => (id === '50' ? '3' : null);

  it('leads to the thread and its comment, in a guest space under /guest', () => {
    expect(notificationLink({ ...base, space: { id: '3', name: 'G' }, thread: { id: '9', name: 'T' }, comment: { id: '4', text: '' } }, guests, appSpace)).toBe(
      '/guest/3/thread/9#comment-4',
    );
    expect(notificationLink({ ...base, space: { id: '2', name: 'S' }, thread: { id: '8', name: 'T' } }, guests, appSpace)).toBe('/space/2/thread/8');
  });

  it('leads to the record (and comment) or the app, in the app’s place', () => {
    expect(notificationLink({ ...base, app: { id: '50', name: 'A' }, record: { id: '7', number: '7', title: 'x' } }, guests, appSpace)).toBe('/guest/3/app/50/show/7');
    expect(notificationLink({ ...base, app: { id: '6', name: 'A' }, record: { id: '7', number: '7', title: 'x' }, comment: { id: '2', text: '' } }, guests, appSpace)).toBe(
      '/app/6/show/7#comment-2',
    );
    expect(notificationLink({ ...base, app: { id: '6', name: 'A' } }, guests, appSpace)).toBe('/app/6');
  });

  it('leads nowhere for notices without a place', () => {
    expect(notificationLink({ ...base, kind: 'licenceExceeded' }, guests, appSpace)).toBeNull();
  });
});

describe('member lists', () => {
  it('needs a member and an administrator', () => {
    expect(memberListProblem([])).toBe('noMembers');
    const one = addMember([], { type: 'USER', code: 'taro', name: 'Taro' });
    expect(memberListProblem(one)).toBe('oneAdmin');
    expect(memberListProblem([{ ...one[0]!, isAdmin: true }])).toBeNull();
  });

  it('adds each member once', () => {
    const one = addMember([], { type: 'USER', code: 'taro', name: 'Taro' });
    expect(addMember(one, { type: 'USER', code: 'TARO', name: 'Taro' })).toHaveLength(1);
    expect(addMember(one, { type: 'GROUP', code: 'taro', name: 'Taro group' })).toHaveLength(2);
  });
});
