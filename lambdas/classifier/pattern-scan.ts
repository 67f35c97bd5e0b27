// A lexicon regex runs over the whole note: about 1 ns a character, a µs per 1 KB note, for every
// regex a note wakes. A regex that opens with a word boundary and a literal word ("\bexpecting\b")
// can only match where that word is: a native substring search finds those places, and the regex
// is tried there alone (sticky), for the same matches at a fraction of the cost. A regex that opens
// with a number of so many digits after a space ("(?<![^ ])[1-9]\d\b": an age, woken by every "is")
// can only match where such a number starts a word: the caller, who has the note's words with
// digits, names those places (`numberStarts`).

import { truncate } from './truncate.js';

/** Literals shorter than this occur too often in a note for the jump to pay. */
const MIN_PREFIX = 3;

/** Is there a "|" outside every group and character class (the regex is an alternation)? */
function alternatesAtTop(source: string): boolean {
  return findInSource(source, 0, (c, depth) => c === '|' && depth === 0) !== -1;
}

/**
 * The index of the first character of `source` from `from` on, outside character classes and not
 * escaped, for which `found(character, depth)` holds, `depth` being how many groups are open before
 * it; -1 if none.
 */
function findInSource(source: string, from: number, found: (c: string, depth: number) => boolean): number {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (found(c, depth)) return i;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return -1;
}

/**
 * The literal text every match of the regex starts with, or '' when there is none worth using: the
 * regex must open with `\b` then lower-case letters, digits or spaces ("\bchristians?" → "christian":
 * a quantifier takes the last one), be case-sensitive and no alternation at its top.
 */
export function literalPrefix(source: string, flags: string): string {
  if (flags.includes('i') || !source.startsWith('\\b') || alternatesAtTop(source)) return '';
  let end = 2;
  while (end < source.length && /[a-z0-9 ]/.test(source[end] as string)) end++;
  const next = source[end];
  const quantified = next !== undefined && '?*+{'.includes(next);
  const literal = source.slice(2, quantified ? end - 1 : end);
  return literal.length >= MIN_PREFIX ? literal : '';
}

// Letters from the most to the least common in English text: a substring search is fastest from a
// rare letter (it stops at every occurrence of the first character it looks for).
const BY_FREQUENCY = 'etaoinshrdlcumwfgypbvkjxqz';

/** How rare a character is in a note: a space the least, then letters by frequency, digits and symbols the most. */
function rarity(c: string): number {
  if (c === ' ') return -1;
  const rank = BY_FREQUENCY.indexOf(c);
  return rank === -1 ? BY_FREQUENCY.length : rank;
}

/** A literal to search for from its rarest character: `search` is the literal from `offset` on. */
export interface LiteralSearch {
  literal: string;
  search: string;
  offset: number;
}

export function literalSearch(literal: string): LiteralSearch {
  let offset = 0;
  for (let i = 1; i < literal.length; i++)
    if (rarity(literal[i] as string) > rarity(literal[offset] as string)) offset = i;
  return { literal, search: literal.slice(offset), offset };
}

/** `text.includes(literal)`, searched for from the literal's rarest character ("y/o" from its "/"). */
export function containsLiteral(text: string, { literal, search, offset }: LiteralSearch): boolean {
  if (offset === 0) return text.includes(literal);
  for (let at = text.indexOf(search, offset); at !== -1; at = text.indexOf(search, at + 1))
    if (text.startsWith(literal, at - offset)) return true;
  return false;
}

// A regex that opens with a number after a space: the lookbehind, any negative lookaheads, then the
// digits (group 1), before `\b` or `(?=\s*`.
const SPACED_NUMBER =
  /^\(\?<!\[\^ \]\)(?:\(\?!(?:[^()\\]|\\.)*\))*((?:\[1-9\]|\[0-9\]|\\d)+)(?=\\b|\(\?=\\s\*)/;

/**
 * How many digits every match opens with, for a regex that opens with a number after a space or at
 * the text's start and no digit after it: `(?<![^ ])`, any lookaheads, N of `[1-9]`, `[0-9]` or
 * `\d`, then `\b` or `(?=\s*`. 0 for any other regex.
 */
export function spacedNumberDigits(source: string): number {
  const m = SPACED_NUMBER.exec(source);
  return m === null ? 0 : ((m[1] as string).match(/\[1-9\]|\[0-9\]|\\d/g) as string[]).length;
}

/**
 * For a `spacedNumberDigits` regex: is every match the number alone, nothing after its digits but
 * `\b` and lookaheads? Such a match never reaches the next word.
 */
export function matchesOnlyTheNumber(source: string): boolean {
  const m = SPACED_NUMBER.exec(source);
  if (m === null) return false;
  for (let i = m[0].length; i < source.length; ) {
    if (source.startsWith('\\b', i)) i += 2;
    else if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
      const close = closingParen(source, i);
      if (close === -1) return false;
      i = close + 1;
    } else return false;
  }
  return true;
}

/** The index of the ")" that closes the group opening at `open`, past escapes and classes; -1 if none. */
function closingParen(source: string, open: number): number {
  return findInSource(source, open, (c, depth) => c === ')' && depth === 1);
}

/**
 * The places a `spacedNumberDigits` regex of `digits` digits can match: the starts of the words
 * with digits (`digitWords`, start and end pairs, in order) that open with exactly that many digits
 * after a space or at the text's start.
 */
export function numberStarts(
  view: string,
  digitWords: readonly number[],
  digits: number,
  out: number[] = [],
): number[] {
  truncate(out);
  for (let w = 0; w < digitWords.length; w += 2) {
    const at = digitWords[w] as number;
    if (at > 0 && view.charCodeAt(at - 1) !== 32) continue;
    let k = 0;
    while (k <= digits && isDigit(view.charCodeAt(at + k))) k++;
    if (k === digits) out.push(at);
  }
  return out;
}

/** Is UTF-16 unit `c` an ASCII digit? */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A lexicon regex ready to scan notes: global, and with its literal prefix and a sticky copy if it has one. */
export interface PatternScanner {
  regex: RegExp;
  prefix: string;
  /** How many digits it opens with, when it is found at `numberStarts` (`spacedNumberDigits`); else 0. */
  numberDigits: number;
  /** With `numberDigits`: every match is the number alone (`matchesOnlyTheNumber`). */
  numberOnly: boolean;
  /** The regex made sticky, when it has a prefix or opens with a spaced number. */
  sticky: RegExp | null;
  /** What is searched for: the prefix from its rarest letter on, which starts `offset` characters in. */
  search: string;
  offset: number;
}

export function scannerFor(regex: RegExp): PatternScanner {
  const prefix = literalPrefix(regex.source, regex.flags);
  const numberDigits = prefix === '' ? spacedNumberDigits(regex.source) : 0;
  const sticky =
    prefix === '' && numberDigits === 0 ? null : new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);
  const { search, offset } = literalSearch(prefix);
  const numberOnly = numberDigits > 0 && matchesOnlyTheNumber(regex.source);
  return { regex, prefix, numberDigits, numberOnly, sticky, search, offset };
}

/**
 * The leftmost match starting at or after `from`, as `regex.exec` with `lastIndex = from` finds it.
 * With a prefix, only the places the prefix occurs are tried: every match starts at one of them. A
 * regex that opens with a spaced number is tried at `starts` alone (its `numberStarts` in `view`),
 * when the caller gives them.
 */
export function nextMatch(
  scanner: PatternScanner,
  view: string,
  from: number,
  starts?: readonly number[],
): RegExpExecArray | null {
  const { sticky, search, offset } = scanner;
  if (scanner.numberDigits > 0 && starts !== undefined) {
    for (let s = 0; s < starts.length; s++) {
      const at = starts[s] as number;
      if (at < from) continue;
      const m = tryAt(sticky as RegExp, view, at);
      if (m !== null) return m;
    }
    return null;
  }
  if (sticky === null || scanner.prefix === '') {
    scanner.regex.lastIndex = from;
    return scanner.regex.exec(view);
  }
  // Each place the prefix starts has its rarest part `offset` further on; the regex checks the rest.
  for (let at = view.indexOf(search, from + offset); at !== -1; at = view.indexOf(search, at + 1)) {
    const m = tryAt(sticky, view, at - offset);
    if (m !== null) return m;
  }
  return null;
}

/** A sticky regex's match at `at`, or null. */
export function tryAt(sticky: RegExp, text: string, at: number): RegExpExecArray | null {
  if (!sticky.sticky) throw new Error(`tryAt needs a sticky regex: /${sticky.source}/${sticky.flags}`);
  sticky.lastIndex = at;
  return sticky.exec(text);
}
