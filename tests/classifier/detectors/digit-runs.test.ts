import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitRuns, matchesInRuns, runsIn } from '../../../lambdas/classifier/detectors/digit-runs.js';
import { CARD_CANDIDATE } from '../../../lambdas/classifier/detectors/payment-card.js';
import { SSN_CANDIDATE } from '../../../lambdas/classifier/detectors/ssn.js';
import { NINO_PATTERN, ninoCandidates } from '../../../lambdas/classifier/detectors/uk-nino.js';
import { normalise } from '../../../lambdas/classifier/normalise.js';
import { TokenScratch, tokenise } from '../../../lambdas/classifier/tokenise.js';
import { Utf16Units } from '../../../lambdas/classifier/utf16-units.js';

const runsOf = (text: string) => digitRuns(normalise(text)).map((r) => text.slice(r.start, r.end));

/** The runs as the engine finds them: from the words the tokeniser saw holding a digit. */
function runsFromWords(text: string) {
  const view = normalise(text);
  const scratch = new TokenScratch();
  tokenise(view.lower, undefined, scratch);
  return runsIn(scratch.units.current, view.lower.length, scratch.digitWords);
}

/** Every match of a global regex: what the detectors ran before runs. */
function globalMatches(sticky: RegExp, text: string): string[] {
  const re = new RegExp(sticky.source, sticky.flags.replace('y', 'g'));
  return [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
}
const found = (ms: RegExpExecArray[]) => ms.map((m) => `${m.index}:${m[0]}`);

// Digits, the separators runs allow, and what ends a run or a word: letters, symbols kept inside
// words, "_", a tab, non-ASCII letters and digits.
const PIECES = [
  '1',
  '4',
  '9',
  '0',
  '11',
  '536',
  '4111',
  ' ',
  '.',
  '-',
  '\n',
  '  ',
  ' - ',
  'a',
  'B',
  'qq',
  'ab',
  '@',
  '$',
  '!',
  '_',
  '\t',
  'é',
  '٣',
  '#',
  ',',
  '/',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('digit runs', () => {
  it.each([
    ['SSN 536-22-8471 sent', ['536-22-8471']],
    ['card 4111 1111 1111 1111 exp', ['4111 1111 1111 1111']],
    ['spaced 5 4 9 - 9 6 - 3 0 8 1 out', ['5 4 9 - 9 6 - 3 0 8 1']],
    ['four separators break it: 123    456 and 12 34', []],
    ['short numbers only: 12 seats at 45, Q3', []],
    ['letters break a run: 123a456789', ['456789']],
    ['ends at trailing separators: 123456 - ', ['123456']],
  ])('%s', (text, runs) => expect(runsOf(text)).toEqual(runs));

  it('reads the same runs from the words with digits as from the whole text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const view = normalise(text);
        const whole = runsIn(new Utf16Units().of(view.text), view.text.length, [0, view.text.length]);
        expect(runsFromWords(text)).toEqual(whole);
      }),
      { numRuns: 3000, seed: 21 },
    );
  });

  // Each detector regex tried only in runs must find what the regex run over the whole text finds.
  it.each([
    ['SSN', SSN_CANDIDATE, 9],
    ['card', CARD_CANDIDATE, 13],
  ])('%s candidates: the same as the global regex', (_name, sticky, minDigits) => {
    fc.assert(
      fc.property(texts, (text) => {
        const view = normalise(text);
        expect(found(matchesInRuns(sticky, view, minDigits))).toEqual(globalMatches(sticky, view.text));
      }),
      { numRuns: 3000, seed: 22 },
    );
  });

  it('NI number candidates: the same as the global regex', () => {
    // NI-number shapes, whole and nearly ("QQ 12 34 56 C", "ab123456d", "x 12 34 56 a"), among other text.
    const shape = fc
      .tuple(
        fc.constantFrom('ab', 'QQ', 'ce', 'x', 'a1', '_a', ''),
        fc.constantFrom('', ' ', '  '),
        fc.constantFrom('12', '1', '123'),
        fc.constantFrom('', ' '),
        fc.constantFrom('34', '3'),
        fc.constantFrom('', ' ', '-'),
        fc.constantFrom('56', '5'),
        fc.constantFrom('', ' '),
        fc.constantFrom('d', 'A', 'e', '', '1', 'dx'),
      )
      .map((p) => p.join(''));
    const nino = fc
      .array(fc.oneof(shape, fc.constantFrom(...PIECES)), { maxLength: 8 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(nino, texts), (text) => {
        const view = normalise(text);
        expect(found(ninoCandidates(view))).toEqual(globalMatches(NINO_PATTERN, view.text));
      }),
      { numRuns: 3000, seed: 23 },
    );
  });

  it('resumes after a match, as a global regex does: no match starts inside another', () => {
    const spaced = /\d(?: \d)*/y;
    expect(found(matchesInRuns(spaced, normalise('id 1 2 3 4 5 6 end'), 6))).toEqual(['3:1 2 3 4 5 6']);
    expect(globalMatches(spaced, 'id 1 2 3 4 5 6 end')).toEqual(['3:1 2 3 4 5 6']);
  });

  it('finds every match of a run that holds several, counting the digits the run has left', () => {
    // Two numbers two spaces apart are one run; the second is found after the first.
    for (const text of [
      'ssn 123-45-6789  234-56-7890 ok',
      'ids 123 45 6789 - 234 56 7890',
      '4111 1111 1111 1111  4242 4242 4242 4242',
    ]) {
      const view = normalise(text);
      for (const [sticky, minDigits] of [
        [SSN_CANDIDATE, 9],
        [CARD_CANDIDATE, 13],
      ] as const) {
        const expected = globalMatches(sticky, view.text);
        expect(found(matchesInRuns(sticky, view, minDigits))).toEqual(expected);
      }
    }
    expect(found(matchesInRuns(SSN_CANDIDATE, normalise('ssn 123-45-6789  234-56-7890 ok'), 9))).toHaveLength(
      2,
    );
    expect(
      found(matchesInRuns(CARD_CANDIDATE, normalise('4111 1111 1111 1111  4242 4242 4242 4242'), 13)),
    ).toHaveLength(2);
  });

  it('rejects a regex that is not sticky', () => {
    expect(() => matchesInRuns(/\d/g, normalise('1234567890'), 6)).toThrow(/sticky/);
  });
});
