import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NormalisedText, normalise } from '../../lambdas/classifier/normalise.js';

/** Each UTF-16 unit of the view with the span of the original it came from. */
function sources(view: NormalisedText): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < view.text.length; i++)
    out.push([view.text[i] as string, view.original.slice(view.origStart(i), view.origEnd(i + 1))]);
  return out;
}

describe('normalise', () => {
  it.each([
    // One character for one: the view has the note's offsets.
    ['accents', 'Tomás said', 'Tomás said'],
    ['Cyrillic look-alikes', 'сancer', 'cancer'],
    ['typographic quotes and dashes', 'it’s fine — really', "it's fine - really"],
    ['control characters', 'a\u0007b', 'a\u0007b'],
    // Removed, expanded or paired: the view has a map.
    ['zero-width', 'preg\u200Bnant', 'pregnant'],
    ['NFKC expansion', 'ﬁne', 'fine'],
    ['full-width', 'ｐｒｅｇ ５３６', 'preg 536'],
    ['emoji (a surrogate pair)', '😀 hi', '😀 hi'],
    ['a lone surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['both kinds in one note', 'Tomás ﬁ\u200Bne', 'Tomás fine'],
  ])('%s', (_name, original, text) => {
    const view = normalise(original);
    expect(view.text).toBe(text);
    expect(view.lower).toHaveLength(text.length);
    expect(view.origStart(text.length)).toBe(original.length);
    expect(view.origEnd(text.length)).toBe(original.length);
  });

  it('maps each character of the view back to what produced it', () => {
    expect(sources(normalise('Tomás ﬁ\u200Bx'))).toEqual([
      ['T', 'T'],
      ['o', 'o'],
      ['m', 'm'],
      ['á', 'á'],
      ['s', 's'],
      [' ', ' '],
      ['f', 'ﬁ'],
      ['i', 'ﬁ'],
      ['x', 'x'],
    ]);
  });

  it('keeps the view as long as the text when a letter lower-cases to two characters', () => {
    const view = normalise('İstanbul');
    expect(view.lower).toHaveLength(view.text.length);
    expect(view.lower.slice(1)).toBe('stanbul');
  });

  // Normalising works character by character: a note normalises to its characters' normalised
  // forms in order, whichever path (no map or a map) the note as a whole takes.
  it('normalises a note as the concatenation of its characters, with offsets to match', () => {
    const chars = [
      'a',
      'B',
      ' ',
      '.',
      '1',
      'á',
      'с',
      'Ο',
      '’',
      '—',
      '\u00A0',
      '\u200B',
      'ﬁ',
      '５',
      '😀',
      'İ',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (cs) => {
        const original = cs.join('');
        const view = normalise(original);
        let text = '';
        const expected: [string, string][] = [];
        for (const c of cs) {
          const one = normalise(c).text;
          text += one;
          for (let k = 0; k < one.length; k++) expected.push([one[k] as string, c]);
        }
        expect(view.text).toBe(text);
        // A removed character (zero-width) belongs to no character's span.
        expect(sources(view)).toEqual(expected);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
