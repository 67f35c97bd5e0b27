import { truncate } from './truncate.js';
import { Utf16Units } from './utf16-units.js';
import { CODE_VALUES, codeStep, hashStep, type Word, WordCode, type WordTable } from './word-table.js';

/** A word of the normalised text. `surface` is lower-case; offsets index the normalised text. */
export interface Token {
  start: number;
  end: number;
  surface: string;
  /** Sentence number: context rules never look across a sentence break. */
  sentence: number;
  /** Merged from letters spaced out ("r e h a b", "d.o.b"). */
  spelled: boolean;
  /** The interned word, when tokenised with a word table (numbers past 4 digits and merged words have none). */
  word: Word | undefined;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Starts with a capital followed by a lower-case letter in the note (a likely name)? */
export function isCapitalised(text: string, at: number): boolean {
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

// What a character is to the tokeniser, as bits, so the common case is one table read and one test.
// A const enum: the bundler writes its values into the code as numbers (top-level consts of a file
// with imports it leaves as variables, which the loop would load at every character).
// biome-ignore lint/suspicious/noConstEnum: inlined by esbuild, which is why it is one
const enum F {
  WORD = 1, // a letter or digit
  SYMBOL = 2, // a symbol used as a letter (p@rty, a$$hole, sh!t, f***ing)
  BREAK = 4, // ends a sentence: ! ? ; newline
  DOT = 8, // ends a sentence before white space
  NOT_DIGIT = 16, // anything in a word but an ASCII digit: a word without one is a number
  DIGIT = 32, // an ASCII digit
}
// Bits 8 and up: the character's value in a word's code (CODE_VALUES), read with the flags.
const FLAGS = new Uint16Array(128);
for (let c = 48; c <= 57; c++) FLAGS[c] = F.WORD | F.DIGIT;
for (let c = 97; c <= 122; c++) FLAGS[c] = F.WORD | F.NOT_DIGIT;
for (let c = 65; c <= 90; c++) FLAGS[c] = F.WORD | F.NOT_DIGIT;
for (const c of [64, 36, 42, 124]) FLAGS[c] = F.SYMBOL | F.NOT_DIGIT;
FLAGS[33] = F.SYMBOL | F.NOT_DIGIT | F.BREAK; // "!"
for (const c of [63, 59, 10]) FLAGS[c] = F.BREAK;
FLAGS[46] = F.DOT;
for (let c = 0; c < 128; c++) FLAGS[c] = (FLAGS[c] as number) | ((CODE_VALUES[c] as number) << 8);
// Anchored: a lone surrogate sliced with its neighbour ("\uD800b") is no letter.
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isAsciiLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** The flags of a character past ASCII: a letter or digit of any script, or nothing. */
function flagsOf(lower: string, i: number): number {
  const c = lower.charCodeAt(i);
  // Surrogate halves: look at the whole code point.
  let ch: string;
  if (c >= 0xd800 && c <= 0xdbff) ch = lower.slice(i, i + 2);
  else if (c >= 0xdc00 && c <= 0xdfff) ch = lower.slice(i - 1, i + 1);
  else ch = lower[i] as string;
  return LETTER_OR_DIGIT.test(ch) ? F.WORD | F.NOT_DIGIT : 0;
}

/**
 * Token objects reused from note to note by one caller that scans one note at a time (the
 * classifier): a note's tokens are then not ~200 new objects. What `tokenise` returns with a
 * scratch is valid only until the next `tokenise` with the same scratch.
 */
export class TokenScratch {
  /** The last note's tokens, reused in place for the next note's. */
  readonly tokens: Token[] = [];
  /** Tokens cut from `tokens` when a note had fewer than the one before, to be reused. */
  readonly spare: Token[] = [];
  /** The note's UTF-16 units, as the tokeniser reads them. */
  readonly units = new Utf16Units();
  /** Each word holding an ASCII digit, as start, end pairs in order: the number detectors read there. */
  readonly digitWords: number[] = [];
}

const SHARED_UNITS = new Utf16Units();

/**
 * Splits `lower` (the note lower-cased) into tokens; runs of 3+ spaced single letters ("r e h a b")
 * become one token. With a word table, each word (not a long number) comes interned: coded as it is
 * scanned and found in the table without being cut out of the text.
 */
export function tokenise(lower: string, words?: WordTable, scratch?: TokenScratch): Token[] {
  // Without a scratch, the units go to a shared buffer (read only during this call) and the words
  // with digits are not kept.
  const u = (scratch?.units ?? SHARED_UNITS).of(lower);
  // Read from a local: a module-level table is looked up, and checked, at every character.
  const flags = FLAGS;
  const digitWords = scratch?.digitWords;
  if (digitWords !== undefined) truncate(digitWords);
  const tokens: Token[] = scratch !== undefined ? scratch.tokens : [];
  const spare = scratch?.spare;
  let n = 0;
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
      const c = u[i] as number;
      const f = c < 128 ? (flags[c] as number) : flagsOf(lower, i);
      if ((f & F.WORD) !== 0 || ((f & F.SYMBOL) !== 0 && isAsciiLetter(u[i + 1] as number))) break;
      if ((f & F.BREAK) !== 0 || ((f & F.DOT) !== 0 && endsSentence(lower, i))) brk = true;
      i++;
    }
    if (i >= len) break;
    if (brk && n > 0) sentence++;
    const start = i;
    let running = 0;
    // The flags of the word's characters so far, and of the character that ended its letters and digits.
    let seen = 0;
    let f = 0;
    // Letters and digits, the common case (the 0 after the note's last unit is neither). The code
    // is packed while the word is short and plain, then hashed to its end: `codeStep` in two loops,
    // so that neither tests which case it is in at every character. One after the other, not one
    // inside the other: the compiler hoists its checks out of an innermost loop only.
    for (;;) {
      const c = u[i] as number;
      f = c < 128 ? (flags[c] as number) : flagsOf(lower, i);
      if ((f & F.WORD) === 0) break;
      seen |= f;
      const v = f >>> 8;
      if (v === 0 || i - start >= WordCode.EXACT_LENGTH) break;
      running = (running << 6) | v;
      i++;
    }
    // Stopped at a letter or digit: the word goes on, hashed.
    if ((f & F.WORD) !== 0) {
      running = hashStep(running, u[i] as number);
      for (i++; ; i++) {
        const c = u[i] as number;
        f = c < 128 ? (flags[c] as number) : flagsOf(lower, i);
        if ((f & F.WORD) === 0) break;
        running = hashStep(running, c);
        seen |= f;
      }
    }
    // The word as far as its last letter or digit: its code and flags there.
    let end = i;
    let code = running;
    let kept = seen;
    // Symbols used as letters go on with the word (p@rty, a$$hole, sh!t); trailing ones ("animal!")
    // are punctuation. Most words end at a space: no symbol, nothing more to read.
    if ((f & F.SYMBOL) !== 0)
      while (i < len) {
        const c = u[i] as number;
        f = c < 128 ? (flags[c] as number) : flagsOf(lower, i);
        if ((f & (F.WORD | F.SYMBOL)) === 0) break;
        running = codeStep(running, i - start, c, f >>> 8);
        seen |= f;
        i++;
        if ((f & F.WORD) !== 0) {
          end = i;
          code = running;
          kept = seen;
        }
      }
    // Three single letters in a row may be a spaced-out word: only then is a merge pass needed.
    singles = end - start === 1 ? singles + 1 : 0;
    if (singles >= 3) spaced = true;
    if ((kept & F.DIGIT) !== 0) digitWords?.push(start, end);
    // Numbers of up to 4 digits (prices, counts, years) are words too; longer ones (ids, ticket
    // numbers) are too many to keep.
    const word =
      words !== undefined && ((kept & F.NOT_DIGIT) !== 0 || end - start <= 4)
        ? words.wordAt(u, lower, start, end, code)
        : undefined;
    const surface = word !== undefined ? word.surface : lower.slice(start, end);
    // The last note's token at this place, else a spare one, else a new one.
    const reused = n < tokens.length ? (tokens[n] as Token) : spare?.pop();
    if (reused === undefined) {
      tokens.push({ start, end, surface, sentence, spelled: false, word });
    } else {
      reused.start = start;
      reused.end = end;
      reused.surface = surface;
      reused.sentence = sentence;
      reused.word = word;
      if (n === tokens.length) tokens.push(reused);
    }
    n++;
    i = end;
  }
  while (tokens.length > n) {
    const cut = tokens.pop() as Token;
    spare?.push(cut);
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
