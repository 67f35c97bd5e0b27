import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import snapshot from '../../dist/lexicons-en.js';
import { restoreLexicon } from '../../lambdas/classifier/lexicon-snapshot.js';
import {
  containsLiteral,
  literalPrefix,
  literalSearch,
  nextMatch,
  numberStarts,
  type PatternScanner,
  spacedNumberDigits,
} from '../../lambdas/classifier/pattern-scan.js';
import { TokenScratch, tokenise } from '../../lambdas/classifier/tokenise.js';
import { generateNotes } from '../../scripts/bench/workload.js';
import { devCorpusTexts } from '../helpers/dev-corpus.js';

describe('literalPrefix', () => {
  it.each([
    ['\\bexpecting\\b', 'gu', 'expecting'],
    ['\\bchristians?(?=[.,;!)]|$)', 'gu', 'christian'],
    ['\\bclosete?d\\b', 'gu', 'closet'],
    ['\\bdeep in(?:side)? the closet\\b', 'gu', 'deep in'],
    ['\\bunion organi[sz]ers?\\b', 'gu', 'union organi'],
    ['\\bpolitical (?:views?|opinions?)\\b', 'gu', 'political '],
    ['\\blocal \\d{2,4}\\b', 'gu', 'local '],
    ['\\bab{2}c', 'gu', ''], // "a" then b twice: too short once the quantified "b" goes
    ['\\babc[|]d', 'gu', 'abc'],
    ['\\babc\\|d', 'gu', 'abc'],
  ])('%s', (source, flags, prefix) => expect(literalPrefix(source, flags)).toBe(prefix));

  it.each([
    ['an alternation at the top', '\\bcunts?\\b|\\bc\\*\\*ts?\\b', 'gu'],
    ['no word boundary first', 'expecting\\b', 'gu'],
    ['a group first', '\\b(?:his|her) age\\b', 'gu'],
    ['case-insensitive', '\\bexpecting\\b', 'giu'],
    ['a literal too short to pay', '\\bbi(?![\\w/&-])', 'gu'],
  ])('none for %s', (_why, source, flags) => expect(literalPrefix(source, flags)).toBe(''));
});

/**
 * Every match as the plain global regex finds them, and as the scanner does (a number scanner given
 * the places the classifier gives it: from the tokeniser's words with digits).
 */
function allMatches(scanner: PatternScanner, view: string, viaScanner: boolean): string[] {
  const out: string[] = [];
  if (!viaScanner) {
    const { regex } = scanner;
    regex.lastIndex = 0;
    for (let m = regex.exec(view); m !== null; m = regex.exec(view)) {
      out.push(`${m.index}:${m[0]}`);
      if (m[0].length === 0) regex.lastIndex++;
    }
    return out;
  }
  const scratch = new TokenScratch();
  tokenise(view, undefined, scratch);
  const starts =
    scanner.numberDigits > 0 ? numberStarts(view, scratch.digitWords, scanner.numberDigits) : undefined;
  let from = 0;
  for (let m = nextMatch(scanner, view, 0, starts); m !== null; m = nextMatch(scanner, view, from, starts)) {
    out.push(`${m.index}:${m[0]}`);
    from = m.index + Math.max(1, m[0].length);
  }
  return out;
}

describe('nextMatch', () => {
  const scanners = restoreLexicon(snapshot).patternIndex.groups.map((g) => g.scanner);
  const withPrefix = scanners.filter((s) => s.prefix !== '');
  const texts = devCorpusTexts().map((t) => t.toLowerCase());
  texts.push(...generateNotes(300).map((n) => n.toLowerCase()));

  it('is used by most of the shipped lexicon regexes', () => {
    expect(withPrefix.length).toBeGreaterThan(scanners.length / 2);
  });

  it('finds what the plain regex finds, for every shipped regex on the dev corpus and generated notes', () => {
    for (const scanner of scanners)
      for (const text of texts)
        expect(allMatches(scanner, text, true)).toEqual(allMatches(scanner, text, false));
  });

  it('finds what the plain regex finds where prefixes repeat, overlap and sit inside words', () => {
    // Text made of the prefixes themselves, cut and glued with the characters that decide boundaries.
    const pieces = [
      ...new Set(withPrefix.flatMap((s) => [s.prefix, s.prefix.slice(1), s.prefix.slice(0, -1)])),
    ];
    const glue = [' ', '', '.', 's', 'ed', 'ing', '-', ' and ', ' 45 ', ', ', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...glue), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const scanner of withPrefix)
          expect(allMatches(scanner, text, true)).toEqual(allMatches(scanner, text, false));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('containsLiteral', () => {
  it('starts from the rarest character: a symbol before any letter, a letter before a space', () => {
    expect(literalSearch('y/o')).toMatchObject({ search: '/o', offset: 1 });
    expect(literalSearch('ck tard')).toMatchObject({ search: 'k tard', offset: 1 });
    expect(literalSearch('a$$')).toMatchObject({ search: '$$', offset: 1 });
    expect(literalSearch('/the').offset).toBe(0);
  });

  it('finds a literal exactly where includes does', () => {
    const pieces = ['y', '/', 'o', 'a', '$', 'ck', ' ', 'tard', 'the', '*', 'h'];
    const literals = ['y/o', '/the', 'ck tard', 'a$$', 'c**t', '*hole', 'a-hole', 'yy/'].map(literalSearch);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        for (const l of literals) expect(containsLiteral(text, l)).toBe(text.includes(l.literal));
      }),
      { numRuns: 3000, seed: 3 },
    );
  });
});

describe('spacedNumberDigits', () => {
  it.each([
    ['(?<![^ ])(?!1[0-5])[1-9]\\d\\b(?![/:.,]\\d|%)', 2],
    ['(?<![^ ])(?!1[0-5])[1-9]\\d(?=\\s*(?:[,.;!)]|$))', 2],
    ['(?<![^ ])\\d[0-9]\\d\\b', 3],
    ['(?<![^ ])[1-9]\\b', 1],
  ])('%s opens with %i digits', (source, digits) => expect(spacedNumberDigits(source)).toBe(digits));

  it.each([
    ['a word boundary, not a space, before it', '\\b(?!1[0-5])[1-9]\\d-y(?:ea)?rs?-old\\b'],
    ['a quantified digit', '(?<![^ ])[1-9]\\d+\\b'],
    ['a counted digit', '(?<![^ ])\\d{2}\\b'],
    ['a letter after the digits', '(?<![^ ])[1-9]\\d[a-z]'],
    ['nothing that ends the number', '(?<![^ ])[1-9]\\d'],
    ['no lookbehind', '[1-9]\\d\\b'],
  ])('none for %s', (_why, source) => expect(spacedNumberDigits(source)).toBe(0));
});

describe('nextMatch at number starts', () => {
  const numbers = restoreLexicon(snapshot)
    .patternIndex.groups.map((g) => g.scanner)
    .filter((s) => s.numberDigits > 0);

  it('is used by the shipped age regexes that every "is" wakes', () => {
    expect(numbers.length).toBeGreaterThanOrEqual(2);
  });

  it('finds what the plain regex finds where numbers of every length sit among spaces, words and symbols', () => {
    const pieces = ['16', '15', '45', '9', '120', '07', '2024', '4x', 'x4', 'é', 'is', 'age'];
    const glue = [' ', '', '  ', '\n', '.', ',', '%', '/', ':', '-', ')', '(', '$', '@', '_'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...glue), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        for (const scanner of numbers)
          expect(allMatches(scanner, text, true)).toEqual(allMatches(scanner, text, false));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});
