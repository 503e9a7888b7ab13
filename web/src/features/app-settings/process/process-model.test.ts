import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf, withoutState } from './process-model';

const saved = {
  enable: true,
  states: {
    Done: { name: 'Done', index: '2', assignee: { type: 'ONE' as const, entities: [] } },
    New: { name: 'New', index: '0', assignee: { type: 'ONE' as const, entities: [] } },
    Doing: { name: 'Doing', index: '1', assignee: { type: 'ANY' as const, entities: [] } },
  },
  actions: [
    { name: 'Start', from: 'New', to: 'Doing', filterCond: '', type: 'PRIMARY' as const },
    { name: 'Finish', from: 'Doing', to: 'Done', filterCond: '', type: 'PRIMARY' as const },
  ],
  revision: '3',
};

describe('process draft', () => {
  it('orders statuses by index and keeps actions pointing at them through a rename', () => {
    const d = draftOf(saved);
    expect(d.states!.map((s) => s.name)).toEqual(['New', 'Doing', 'Done']);
    d.states![0]!.name = 'Open';
    const body = bodyOf(d) as { states: Record<string, { name: string; index: string }>; actions: Array<{ from: string; to: string }> };
    expect(body.states.New).toMatchObject({ name: 'Open', index: '0' });
    expect(body.actions[0]).toMatchObject({ from: 'Open', to: 'Doing' });
  });

  it('drops the actions of a deleted status', () => {
    const d = draftOf(saved);
    const next = withoutState(d, d.states![1]!.sid);
    expect(next.states!.map((s) => s.name)).toEqual(['New', 'Done']);
    expect(next.actions).toEqual([]);
  });

  it('sends only the switch before the process was ever configured', () => {
    expect(bodyOf(draftOf({ enable: false, states: null, actions: null, revision: '1' }))).toEqual({ enable: false });
  });
});
