import { describe, expect, it } from 'vitest';
import { changedCodes } from './changed-codes.js';

describe('changedCodes', () => {
  it('lists what was added and what was removed, in their own order', () => {
    expect(changedCodes(['sales', 'tokyo', 'all'], ['all', 'osaka', 'sales', 'kyoto'])).toEqual({
      added: ['osaka', 'kyoto'],
      removed: ['tokyo'],
    });
  });

  it('reports nothing for an unchanged set in another order', () => {
    expect(changedCodes(['a', 'b'], ['b', 'a'])).toEqual({ added: [], removed: [] });
  });

  it('reports everything as removed when the list is emptied', () => {
    expect(changedCodes(['a', 'b'], [])).toEqual({ added: [], removed: ['a', 'b'] });
  });
});
