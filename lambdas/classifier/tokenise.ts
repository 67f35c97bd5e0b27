import { HASH_START, hashStep, type Word, type WordTable } from './word-table.js';

/** A word of the normalised text. `surface` is lower-case; offsets index the normalised text. */
export interface Token {
  start: number;
  end: number;
  surface: string;
  /** Sentence number: context rules never look across a sentence break. */
  sentence: number;
  /** Starts with a capital followed by a lower-case letter in the note (a likely name). */
  capitalised: boolean;
  /** Merged from letters spaced out ("r e h a b", "d.o.b"). */
  spelled?: boolean;
  /** The interned word, when tokenised with a word table (numbers and merged words have none). */
  word: Word | undefined;
}

// Symbols are kept inside words because reps use them as letters: p@rty, a$$hole, sh!t, f***ing.
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function isCapitalised(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  if (a < 65 || (a > 90 && a < 128)) return false;
  const b = text.charCodeAt(at + 1);
  if (a < 128 && b < 128) return b >= 97 && b <= 122;
  return UPPER.test(text[at] ?? '') && LOWER.test(text[at + 1] ?? '');
}

/** After a full stop: white space or the end of the text ends the sentence ("Dr.Smith" does not). */
function endsSentence(lower: string, i: number): boolean {
  const next = lower.charCodeAt(i + 1);
  return Number.isNaN(next) || next === 32 || next === 10 || next === 9 || next === 13;
}

// Character classes for the ASCII fast path: 1 = letter or digit, 2 = symbol used as a letter.
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 1;
for (const c of [64, 36, 42, 33, 124]) ASCII_CLASS[c] = 2;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isAsciiLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

function classOf(lower: string, i: number): number {
  const c = lower.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c] as number;
  // Surrogate halves: look at the whole code point.
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(lower.slice(i, i + 2)) ? 1 : 0;
  if (c >= 0xdc00 && c <= 0xdfff) return LETTER_OR_DIGIT.test(lower.slice(i - 1, i + 1)) ? 1 : 0;
  return LETTER_OR_DIGIT.test(lower[i] as string) ? 1 : 0;
}

/**
 * Splits `lower` (with `text` for case) into tokens; runs of 3+ spaced single letters ("r e h a b")
 * become one token. With a word table, each word (not a number) comes interned: hashed as it is
 * scanned and found in the table without being cut out of the text.
 */
export function tokenise(text: string, lower: string, words?: WordTable): Token[] {
  const tokens: Token[] = [];
  const len = lower.length;
  let sentence = 0;
  let singles = 0;
  let spaced = false;
  let i = 0;
  while (i < len) {
    // Skip to a letter or digit; a symbol starts a word only before a letter ("$hit", "@ss", not "$18k").
    // The characters skipped are the gap between words: ! ? ; a newline or ". " end a sentence.
    let brk = false;
    while (i < len) {
      const c = lower.charCodeAt(i);
      const k = c < 128 ? (ASCII_CLASS[c] as number) : classOf(lower, i);
      if (k === 1 || (k === 2 && isAsciiLetter(lower.charCodeAt(i + 1)))) break;
      if (c === 33 || c === 63 || c === 59 || c === 10 || (c === 46 && endsSentence(lower, i))) brk = true;
      i++;
    }
    if (i >= len) break;
    if (brk && tokens.length > 0) sentence++;
    const start = i;
    let end = i;
    let h = HASH_START;
    let hash = h;
    let firstNonDigit = len;
    while (i < len) {
      const c = lower.charCodeAt(i);
      const k = c < 128 ? (ASCII_CLASS[c] as number) : classOf(lower, i);
      if (k === 0) break;
      h = hashStep(h, c);
      if ((c < 48 || c > 57) && firstNonDigit === len) firstNonDigit = i;
      i++;
      if (k === 1) {
        end = i; // trailing symbols ("animal!") are punctuation
        hash = h;
      }
    }
    // Three single letters in a row may be a spaced-out word: only then is a merge pass needed.
    singles = end - start === 1 ? singles + 1 : 0;
    if (singles >= 3) spaced = true;
    const word =
      words !== undefined && firstNonDigit < end ? words.wordAt(lower, start, end, hash) : undefined;
    tokens.push({
      start,
      end,
      surface: word !== undefined ? word.surface : lower.slice(start, end),
      sentence,
      capitalised: isCapitalised(text, start),
      word,
    });
    i = end;
  }
  return spaced ? mergeSpacedLetters(tokens, lower) : tokens;
}

function isSingleLetter(surface: string): boolean {
  return surface.length === 1 && surface >= 'a' && surface <= 'z';
}

/** The one-character gap between two tokens if it is a space, a dot or a hyphen, else -1. */
function spacedGap(lower: string, left: Token, right: Token): number {
  if (right.start - left.end !== 1) return -1;
  const c = lower.charCodeAt(left.end);
  return c === 32 || c === 46 || c === 45 ? c : -1;
}

function mergeSpacedLetters(tokens: Token[], lower: string): Token[] {
  const merged: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let separator = -1;
    // One separator throughout ("r e h a b", "d.u.i", "r-e-h-a-b"), so "a D.U.I." keeps its article.
    while (
      j + 1 < tokens.length &&
      isSingleLetter((tokens[j] as Token).surface) &&
      isSingleLetter((tokens[j + 1] as Token).surface)
    ) {
      const gap = spacedGap(lower, tokens[j] as Token, tokens[j + 1] as Token);
      if (gap === -1 || (separator !== -1 && gap !== separator)) break;
      separator = gap;
      j++;
    }
    if (j - i >= 2) {
      const first = tokens[i] as Token;
      const last = tokens[j] as Token;
      let surface = '';
      for (let k = i; k <= j; k++) surface += (tokens[k] as Token).surface;
      merged.push({
        start: first.start,
        end: last.end,
        surface,
        sentence: first.sentence,
        capitalised: false,
        spelled: true,
        word: undefined,
      });
      i = j + 1;
    } else {
      merged.push(tokens[i] as Token);
      i++;
    }
  }
  return merged;
}
