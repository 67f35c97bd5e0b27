import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FuzzyIndex } from '../../lambdas/classifier/fuzzy.js';

const WORDS = ['bankruptcy', 'pregnancy', 'alcoholic', 'alcoholism', 'chemotherapy', 'gambling', 'gamblers'];
const index = new FuzzyIndex();
for (const w of [...WORDS, 'short', 'two words', 'Capital1']) index.add(w);

/** Damerau (adjacent swap) edit distance ≤ 1, the slow and obvious way. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (diff.length === 1) return true;
    const [i, j] = diff as [number, number];
    return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  return [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
}

/** What `lookup` promises: the one word within one edit with the same first letter, else nothing. */
function reference(token: string): string | undefined {
  if (token.length < 8 || !/^[a-z]+$/.test(token)) return undefined;
  const hits = WORDS.filter((w) => w !== token && w[0] === token[0] && withinOneEdit(token, w));
  return hits.length === 1 ? hits[0] : undefined;
}

describe('FuzzyIndex', () => {
  it.each([
    ['bankrupcty', 'bankruptcy'], // swap
    ['bankrupcy', 'bankruptcy'], // deletion
    ['bankkruptcy', 'bankruptcy'], // insertion
    ['bankruptsy', 'bankruptcy'], // substitution
    ['alcoholc', 'alcoholic'],
  ])('%s → %s', (token, word) => {
    expect(index.lookup(token)).toBe(word);
  });

  it.each([
    ['bnkrupcy', 'two edits'],
    ['pankruptcy', 'another first letter'],
    ['alcoholis', 'ambiguous: alcoholic and alcoholism'],
    ['shorts', 'words under 8 letters are not indexed'],
    ['bankruptcy', 'the word itself is no misspelling'],
    ['Bankrupcty', 'not lower-case letters'],
  ])('%s: nothing (%s)', (token) => {
    expect(index.lookup(token)).toBeUndefined();
  });

  it('indexes long lower-case words only', () => {
    expect(index.words()).toEqual(WORDS);
  });

  it('agrees with a brute-force edit distance on tokens near the words', () => {
    const letters = 'abcdeghilmnoprstuy';
    const near = fc
      .tuple(
        fc.constantFrom(...WORDS),
        fc.array(fc.tuple(fc.nat(12), fc.constantFrom(...letters), fc.nat(3))),
      )
      .map(([word, edits]) =>
        edits.slice(0, 2).reduce((w, [at, c, kind]) => {
          const i = at % (w.length + 1);
          if (kind === 0) return w.slice(0, i) + c + w.slice(i);
          if (kind === 1) return w.slice(0, i) + w.slice(i + 1);
          if (kind === 2) return w.slice(0, i) + c + w.slice(i + 1);
          return w.slice(0, i) + w.slice(i + 1, i + 2) + w.slice(i, i + 1) + w.slice(i + 2);
        }, word),
      );
    fc.assert(
      fc.property(near, (token) => {
        expect(index.lookup(token)).toBe(reference(token));
      }),
      { numRuns: 2000 },
    );
  });
});
