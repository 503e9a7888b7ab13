// The tab's one live stream: the union of its subscribers' topics, reopened only when that union
// changes, each message passed to the subscribers it concerns, closed for good when the session
// ends and when nobody listens any more.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveHandlers, LiveMessage } from './live';
import { subscribe } from './live';

class FakeEventSource {
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  closed = false;
  readyState = 1;
  onmessage: ((e: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  close(): void {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  /** The server answered with something other than a stream: the browser gives up. */
  refuse(): void {
    this.close();
    this.onerror?.();
  }
  send(m: LiveMessage): void {
    this.onmessage?.({ data: JSON.stringify(m) } as MessageEvent<string>);
  }
}

const open = () => FakeEventSource.opened.filter((s) => !s.closed);
const settle = () => vi.runAllTimers();

function listener(kinds: Array<keyof LiveHandlers>) {
  const heard: LiveMessage[] = [];
  const handlers: LiveHandlers = {};
  for (const k of kinds) (handlers as Record<string, (m: LiveMessage) => void>)[k] = (m) => heard.push(m);
  return { heard, handlers: { current: handlers } };
}

describe('live stream', () => {
  const stops: Array<() => void> = [];
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    settle();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('opens one stream for the union of the topics, and reopens only when the union changes', () => {
    const list = listener(['record.changed']);
    const bell = listener(['notification']);
    stops.push(subscribe({ app: ['5'] }, list.handlers));
    stops.push(subscribe({}, bell.handlers));
    settle();
    expect(open().map((s) => s.url)).toEqual(['/api/events?app=5']);
    const thread = listener(['thread.comment']);
    const stopThread = subscribe({ thread: ['9'], app: ['5'] }, thread.handlers);
    settle();
    expect(open().map((s) => s.url)).toEqual(['/api/events?thread=9&app=5']);
    expect(FakeEventSource.opened).toHaveLength(2);
    // Leaving and coming back within one turn (a page change) keeps the stream.
    stopThread();
    stops.push(subscribe({ thread: ['9'] }, thread.handlers));
    settle();
    expect(FakeEventSource.opened).toHaveLength(2);
  });

  it('passes each message to the subscribers it concerns', () => {
    const list = listener(['record.changed', 'ready']);
    const detail = listener(['record.changed']);
    const bell = listener(['notification', 'ready']);
    stops.push(subscribe({ app: ['5'] }, list.handlers), subscribe({ record: ['6:7'] }, detail.handlers), subscribe({}, bell.handlers));
    settle();
    const [stream] = open();
    stream!.send({ kind: 'ready' });
    stream!.send({ kind: 'record.changed', appId: '5', recordId: '1', revision: '2' });
    stream!.send({ kind: 'record.changed', appId: '6', recordId: '8', revision: '2' });
    stream!.send({ kind: 'record.changed', appId: '6', recordId: '7', revision: null });
    stream!.send({ kind: 'record.changed', appId: '6' });
    stream!.send({ kind: 'notification' });
    expect(list.heard.map((m) => m.kind)).toEqual(['ready', 'record.changed']);
    expect(detail.heard).toEqual([
      { kind: 'record.changed', appId: '6', recordId: '7', revision: null },
      { kind: 'record.changed', appId: '6' },
    ]);
    expect(bell.heard.map((m) => m.kind)).toEqual(['ready', 'notification']);
  });

  it('opens the stream again a while after the server refused it', () => {
    stops.push(subscribe({ app: ['5'] }, listener([]).handlers));
    settle();
    open()[0]!.refuse();
    expect(open()).toEqual([]);
    vi.advanceTimersByTime(4_000);
    expect(open()).toEqual([]);
    vi.advanceTimersByTime(1_100);
    expect(open().map((s) => s.url)).toEqual(['/api/events?app=5']);
  });

  it('stops when the session ends and when the last subscriber leaves', () => {
    const bell = listener(['session.ended']);
    const stop = subscribe({}, bell.handlers);
    settle();
    const [stream] = open();
    stream!.send({ kind: 'session.ended' });
    expect(bell.heard).toEqual([{ kind: 'session.ended' }]);
    expect(open()).toEqual([]);
    stop();
    settle();
    const again = subscribe({ thread: ['1'] }, listener([]).handlers);
    settle();
    expect(open().map((s) => s.url)).toEqual(['/api/events?thread=1']);
    again();
    settle();
    expect(open()).toEqual([]);
  });
});
