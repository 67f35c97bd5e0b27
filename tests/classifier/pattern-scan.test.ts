import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import snapshot from '../../dist/lexicons-en.js';
import { restoreLexicon } from '../../lambdas/classifier/lexicon-snapshot.js';
import { literalPrefix, nextMatch, type PatternScanner } from '../../lambdas/classifier/pattern-scan.js';
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

/** Every match as the plain global regex finds them, and as the scanner does. */
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
  let from = 0;
  for (let m = nextMatch(scanner, view, 0); m !== null; m = nextMatch(scanner, view, from)) {
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
