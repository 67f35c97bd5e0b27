import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import snapshot from '../../dist/lexicons-en.js';
import { createClassifier } from '../../lambdas/classifier/classifier.js';
import { restoreLexicon } from '../../lambdas/classifier/lexicon-snapshot.js';
import { matchesOnlyTheNumber } from '../../lambdas/classifier/pattern-scan.js';

describe('matchesOnlyTheNumber', () => {
  it.each([
    ['(?<![^ ])(?!1[0-5])[1-9]\\d\\b(?![/:.,]\\d|%)', true],
    ['(?<![^ ])(?!1[0-5])[1-9]\\d(?=\\s*(?:[,.;!)]|$))', true],
    ['(?<![^ ])[1-9]\\d\\b(?=[)])', true],
    ['(?<![^ ])[1-9]\\d\\b(?=\\))', true],
    ['(?<![^ ])[1-9]\\d\\b years', false],
    ['(?<![^ ])[1-9]\\d\\b(?!x)y', false],
    ['(?<![^ ])[1-9]\\d(?=\\s*(?:[,.;!)]|$)) and', false],
    ['(?<![^ ])[1-9]\\d\\b(?=x', false],
    ['\\b[1-9]\\d\\b', false],
  ])('%s → %s', (source, only) => expect(matchesOnlyTheNumber(source)).toBe(only));
});

describe('number groups tried only after their phrases', () => {
  // The shipped lexicon as is, and the same with every group tried at every number (the gate off).
  const gated = restoreLexicon(snapshot);
  const ungated = restoreLexicon(snapshot);
  const gatedGroups = ungated.patternIndex.groups.filter((g) => g.scanner.numberOnly);
  for (const g of gatedGroups) g.scanner.numberOnly = false;
  const withGate = createClassifier({ compiled: gated, detectors: [] });
  const withoutGate = createClassifier({ compiled: ungated, detectors: [] });

  it('applies to the age regexes every "is" wakes', () => {
    expect(gatedGroups.length).toBeGreaterThanOrEqual(2);
  });

  it('still finds an age after "is" and its hedges', () => {
    for (const text of ['She is 34 and pregnant.', 'Dana is 34.', 'he s like 45'])
      expect(withGate.scanText(text).map((f) => f.category)).toContain('age');
  });

  it('finds exactly what trying every number finds', () => {
    const words = [
      'she',
      'he',
      'is',
      'was',
      's',
      "'s",
      'about',
      'like',
      'only',
      'Dana',
      'for',
      'seats',
      'and',
      'yrs',
    ];
    const numbers = ['34', '45', '19', '12', '7', '120', '2024'];
    const glue = [' ', ' ', '  ', '. ', ', ', '\n', '!', '%', '/'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words, ...numbers, ...glue), { maxLength: 20 }), (parts) => {
        const text = parts.join(' ').replace(/ {3,}/g, '  ');
        expect(withGate.scanText(text)).toEqual(withoutGate.scanText(text));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
