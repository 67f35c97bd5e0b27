import { describe, expect, it } from 'vitest';
import snapshot from '../../dist/lexicons-en.js';
import { restoreLexicon } from '../../lambdas/classifier/lexicon-snapshot.js';
import { childOf, mayPair } from '../../lambdas/classifier/trie.js';

describe('the first-pairs filter', () => {
  const a = restoreLexicon(snapshot).trie.arrays;
  const firstWords = a.childStart[1] as number;
  const keyCount = a.rootChild.length;

  it('passes every first-word node with every key that continues it (a walk it skips finds nothing)', () => {
    let pairs = 0;
    for (let node = 1; node <= firstWords; node++) {
      for (let c = a.childStart[node] as number; c < (a.childStart[node + 1] as number); c++) {
        expect(mayPair(a, node, a.childKey[c] as number)).toBe(true);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(10_000);
  });

  it('stops most pairs that continue no phrase', () => {
    let tried = 0;
    let passed = 0;
    for (let node = 1; node <= firstWords; node += 7) {
      for (let key = 0; key < keyCount; key += 13) {
        if (childOf(a, node, key) !== -1) continue;
        tried++;
        if (mayPair(a, node, key)) passed++;
      }
    }
    expect(tried).toBeGreaterThan(100_000);
    expect(passed / tried).toBeLessThan(0.2);
  });
});
