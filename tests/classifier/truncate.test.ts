import { describe, expect, it } from 'vitest';
import { truncate } from '../../lambdas/classifier/truncate.js';

describe('truncate', () => {
  it('cuts an array to a length, keeping its first elements', () => {
    const a = [1, 2, 3, 4, 5];
    truncate(a, 2);
    expect(a).toEqual([1, 2]);
    truncate(a);
    expect(a).toEqual([]);
  });

  it('leaves an array that is already that short as it is', () => {
    const a = [1, 2];
    truncate(a, 5);
    expect(a).toEqual([1, 2]);
  });
});
