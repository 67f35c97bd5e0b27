import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import snapshot from '../../dist/lexicons-en.js';
import { createClassifier } from '../../lambdas/classifier/classifier.js';
import { gateBitsOf } from '../../lambdas/classifier/lexicon-match.js';
import { restoreLexicon } from '../../lambdas/classifier/lexicon-snapshot.js';

describe('gateBitsOf', () => {
  it('gives the first 31 gates a bit each and leaves the rest, and gate-less substrings, ungated', () => {
    // 40 distinct gate anchors (ids 100..139), one named twice, and substrings without a gate.
    const gates = [-1, ...Array.from({ length: 40 }, (_, k) => 100 + k), 105, -1];
    const { gateBit, substringGates } = gateBitsOf(gates, 200);
    expect(substringGates[0]).toBe(0);
    expect(substringGates.slice(1, 32)).toEqual(Array.from({ length: 31 }, (_, k) => 1 << k));
    expect(substringGates.slice(32, 41)).toEqual(Array(9).fill(0));
    expect(substringGates[41]).toBe(1 << 5);
    expect(substringGates[42]).toBe(0);
    expect(gateBit[105]).toBe(1 << 5);
    expect(gateBit[135]).toBe(0);
    expect(gateBit[7]).toBe(0);
  });
});

describe('substring searches gated by the words of the note', () => {
  // The shipped lexicon as is, and the same with every substring searched in every note.
  const gated = restoreLexicon(snapshot);
  const ungated = restoreLexicon(snapshot);
  const gatedCount = ungated.patternIndex.substrings.filter((s) => s.gate !== -1).length;
  for (const s of ungated.patternIndex.substrings) s.gate = -1;
  const withGates = createClassifier({ compiled: gated, detectors: [] });
  const withoutGates = createClassifier({ compiled: ungated, detectors: [] });

  it('gate most of the shipped symbol words', () => {
    expect(gatedCount).toBeGreaterThanOrEqual(10);
  });

  // Each gated symbol word in a form its rule finds, and words that hold a gate's letters.
  const forms = ['they/them', 'he/they', 'xe/xem', 'ze/zir', 'is tr@ns', 'a**hole', 'a$$h0le', 'a-hole'];
  const more = ['34-yr-old', 'c*nt', 'tw@t', 'b@st@rd', 'b*st*rd', 'b!tch', 'ret@rd', 'r3t@rd', 'f*ck t@rd'];
  const words = ['the', 'them', 'want', 'still', 'pitching', 'ticket', 'old', 'hole', 'is', 'she', 'Dana'];

  it('still find each gated symbol word', () => {
    for (const form of [...forms, ...more])
      expect(withGates.scanText(`she said ${form} twice`)).not.toEqual([]);
  });

  it('find exactly what searching every note finds', () => {
    const glue = [' ', ' ', '. ', ', ', '\n', '!', '-', '/', '*', '@'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...forms, ...more, ...words, ...glue), { maxLength: 14 }),
        (parts) => {
          const text = parts.join('');
          expect(withGates.scanText(text)).toEqual(withoutGates.scanText(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
