import { describe, expect, it } from 'vitest';
import { NoteFlags } from '../../lambdas/classifier/note-flags.js';

describe('NoteFlags', () => {
  it('remembers each flag once, in the order set, and clears exactly those', () => {
    const flags = new NoteFlags(8);
    flags.set(5);
    flags.set(2);
    flags.set(5);
    expect(flags.list).toEqual([5, 2]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].filter((i) => flags.has(i))).toEqual([2, 5]);
    flags.clear();
    expect(flags.list).toEqual([]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].some((i) => flags.has(i))).toBe(false);
    flags.set(7);
    expect(flags.list).toEqual([7]);
  });
});
