import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultClassifier } from '../../lambdas/classifier/index.js';
import { TokenScratch, tokenise } from '../../lambdas/classifier/tokenise.js';
import { Utf16Units } from '../../lambdas/classifier/utf16-units.js';
import { codeOf, WordTable } from '../../lambdas/classifier/word-table.js';

/** The word at text[start, end) as the tokeniser looks it up: by the text's units and a code. */
const at = (table: WordTable, text: string, start: number, end: number, code = codeOf(text, start, end)) =>
  table.wordAt(new Utf16Units().of(text), text, start, end, code);

describe('WordTable', () => {
  it('finds a word by its characters in a longer text, the same object each time', () => {
    const table = new WordTable();
    const text = 'call dana, then dana again';
    const first = at(table, text, 5, 9);
    const second = at(table, text, 16, 20);
    expect(first.surface).toBe('dana');
    expect(second).toBe(first);
    expect(table.word('dana')).toBe(first);
    expect(table.size).toBe(1);
  });

  it('tells apart words whose hashed codes collide', () => {
    const table = new WordTable();
    // The same hashed (negative) code given for two different words: the characters decide.
    const a = at(table, 'alphabet', 0, 8, -42);
    const b = at(table, 'omegaman', 0, 8, -42);
    expect(a).not.toBe(b);
    expect(at(table, 'omegaman', 0, 8, -42)).toBe(b);
    expect(table.size).toBe(2);
    // One word the other's start, or its end, under one code: the lengths decide.
    const long = at(table, 'alphabetical', 0, 12, -42);
    const short = at(table, 'alphabetical', 0, 5, -42);
    const tail = at(table, 'my alphabet', 3, 11, -42);
    expect(new Set([a, b, long, short, tail]).size).toBe(4);
    expect(tail).toBe(a);
    expect([long.surface, short.surface]).toEqual(['alphabetical', 'alpha']);
    expect(at(table, 'alphabetical', 0, 12, -42)).toBe(long);
    expect(at(table, 'alphabetic', 0, 10, -42).surface).toBe('alphabetic');
    expect(table.size).toBe(5);
  });

  it('codes a word of up to 5 letters and digits as itself, anything else as a negative hash', () => {
    expect(codeOf('a')).toBe(1);
    expect(codeOf('ab')).toBe((1 << 6) | 2);
    expect(codeOf('q3')).toBe((17 << 6) | 30);
    expect(codeOf('zzzzz')).toBe(26 * (1 + 64 + 64 ** 2 + 64 ** 3 + 64 ** 4));
    for (const w of ['abcdef', 'p@rty', 'tomás', 'a$$', '123456']) expect(codeOf(w)).toBeLessThan(0);
    // Packed codes are one per word: every word of up to 3 letters/digits has its own.
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const codes = new Set<number>();
    for (const a of alphabet) {
      codes.add(codeOf(a));
      for (const b of alphabet) {
        codes.add(codeOf(a + b));
        for (const c of alphabet) codes.add(codeOf(a + b + c));
      }
    }
    expect(codes.size).toBe(36 + 36 ** 2 + 36 ** 3);
  });

  it('codes a word in a text as it codes the word alone', () => {
    const table = new WordTable();
    const text = 'Tomás p@rty animal!! q3 1d!0t ok';
    for (const t of tokenise(text.toLowerCase(), table)) {
      expect(t.word?.code).toBe(codeOf(t.surface));
      expect(table.word(t.surface)).toBe(t.word);
    }
  });

  it('codes every word of any text as it codes the word alone (the tokeniser packs, then hashes, in two loops)', () => {
    // Words of every length around the packed limit, with symbols inside and after them, digits and
    // letters past ASCII.
    const pieces = ['a', 'q', 'z', '0', '9', 'é', 'ß', '@', '$', '*', '!', '|', '.', '-', "'"];
    const glue = [' ', ' ', '\n', '. ', ', '];
    const table = new WordTable();
    const scratch = new TokenScratch();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...glue), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const t of tokenise(text, table, scratch)) {
          if (t.word === undefined) continue;
          expect(t.word.code).toBe(codeOf(text, t.start, t.end));
          expect(table.word(t.surface)).toBe(t.word);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('grows past its first size and starts again empty past its limit', () => {
    const table = new WordTable(3000);
    // Short words (packed codes) and long ones (hashed, found by their stored characters).
    const name = (i: number) => (i % 2 === 0 ? `w${i}` : `longer-word-${i}`);
    const words = Array.from({ length: 2500 }, (_, i) => table.word(name(i)));
    expect(table.size).toBe(2500);
    expect(words.every((w, i) => table.word(name(i)) === w && w.surface === name(i))).toBe(true);
    for (let i = 2500; i < 3000; i++) table.word(name(i));
    table.word('one more');
    expect(table.size).toBe(1);
    expect(table.word('w0')).not.toBe(words[0]);
    expect(table.word('longer-word-1')).not.toBe(words[1]);
    expect(table.size).toBe(3);
  });

  it('gives tokenise interned words and short numbers, and no word to a long number', () => {
    const table = new WordTable();
    const tokens = tokenise('dana paid 4000 to dana, ref 123456', table);
    expect(tokens.map((t) => t.surface)).toEqual(['dana', 'paid', '4000', 'to', 'dana', 'ref', '123456']);
    expect(tokens[0]?.word).toBe(tokens[4]?.word);
    expect(tokens[2]?.word).toBe(table.word('4000'));
    expect(tokens[6]?.word).toBeUndefined();
    expect(tokens[0]?.word?.code).toBe(codeOf('dana'));
  });

  it('hashes a word without its trailing symbols, as its surface', () => {
    const table = new WordTable();
    const [t] = tokenise('animal!!', table);
    expect(t?.surface).toBe('animal');
    expect(t?.word).toBe(table.word('animal'));
  });
});

describe('TokenScratch', () => {
  it('reuses token objects from note to note, each note read as if tokenised fresh', () => {
    const scratch = new TokenScratch();
    const table = new WordTable();
    const fresh = (t: string) => tokenise(t.toLowerCase()).map((k) => ({ ...k, word: undefined }));
    const reused = (t: string) =>
      tokenise(t.toLowerCase(), table, scratch).map((k) => ({ ...k, word: undefined }));
    const long = 'Dana is out. Call Priya re: the r e h a b plan, 4000 seats!';
    const short = 'Gus: ok.';
    expect(reused(long)).toEqual(fresh(long));
    const first = scratch.tokens[0];
    const sixth = scratch.tokens[5];
    expect(reused(short)).toEqual(fresh(short));
    expect(scratch.tokens[0]).toBe(first);
    // The long note's tokens past the short one's are kept aside, and taken again for the next long one.
    expect(scratch.spare).toContain(sixth);
    expect(reused(long)).toEqual(fresh(long));
    expect(scratch.tokens).toContain(sixth);
    expect(scratch.spare).toEqual([]);
  });

  it('reads a note longer than any before it, and one with a lone surrogate, whole', () => {
    const scratch = new TokenScratch();
    const table = new WordTable();
    expect(tokenise('ok', table, scratch).map((t) => t.surface)).toEqual(['ok']);
    const long = `${'renewal '.repeat(700)}pregnant`;
    const tokens = tokenise(long, table, scratch);
    expect(tokens).toHaveLength(701);
    expect(tokens[700]).toMatchObject({ surface: 'pregnant', start: 5600, end: 5608 });
    expect(tokenise('a\uD800b ok', table, scratch).map((t) => t.surface)).toEqual(['a', 'b', 'ok']);
  });

  it('gives the same findings for a note however many notes the classifier scanned before it', () => {
    const note = 'Dana is pregnant, SSN 536-22-8471. Ping her at home: 555-201-7788.';
    const first = defaultClassifier().scanText(note);
    for (const other of ['pw is Summer2024!', 'r e h a b next week', 'Party animal! He is 45.'])
      defaultClassifier().scanText(other);
    expect(defaultClassifier().scanText(note)).toEqual(first);
    expect(first.map((f) => f.category)).toEqual(['health', 'government_id', 'personal_contact']);
  });
});
