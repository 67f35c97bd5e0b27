/** A word of the normalised text. `surface` is lower-case; offsets index the normalised text. */
export interface Token {
  start: number;
  end: number;
  surface: string;
  /** Sentence number: context rules never look across a sentence break. */
  sentence: number;
  /** Starts with a capital followed by a lower-case letter in the note (a likely name). */
  capitalised: boolean;
}

// Symbols kept inside words because reps use them as letters: p@rty, a$$hole, sh!t, f***ing.
const WORD = /[\p{L}\p{N}@$*!|]+/gu;
const EDGE_SYMBOLS = /^[@$*!|]+|[@$*!|]+$/g;
const SENTENCE_BREAK = /[!?;\n]|\.(?:\s|$)/;
const SPACED_GAP = /^[ .]$/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function isSingleLetter(surface: string): boolean {
  return surface.length === 1 && surface >= 'a' && surface <= 'z';
}

/** Splits `lower` (with `text` for case) into tokens; runs of 3+ spaced single letters ("r e h a b") become one token. */
export function tokenise(text: string, lower: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let prevEnd = 0;
  for (const m of lower.matchAll(WORD)) {
    let surface = m[0];
    let start = m.index;
    if (/^[@$*!|]|[@$*!|]$/.test(surface)) {
      const trimmed = surface.replace(EDGE_SYMBOLS, '');
      if (trimmed === '') continue;
      // "$$" or "!" at a word's edge is punctuation, except a leading "$"/"@" before letters ("@ss" stays).
      start += surface.indexOf(trimmed[0] as string);
      surface = trimmed;
    }
    const end = start + surface.length;
    if (tokens.length > 0 && SENTENCE_BREAK.test(lower.slice(prevEnd, start))) sentence++;
    const first = text[start] ?? '';
    const second = text[start + 1] ?? '';
    tokens.push({
      start,
      end,
      surface,
      sentence,
      capitalised: UPPER.test(first) && LOWER.test(second),
    });
    prevEnd = end;
  }
  return mergeSpacedLetters(tokens, lower);
}

function mergeSpacedLetters(tokens: Token[], lower: string): Token[] {
  let i = 0;
  let merged: Token[] | null = null;
  while (i < tokens.length) {
    let j = i;
    while (
      j + 1 < tokens.length &&
      isSingleLetter((tokens[j] as Token).surface) &&
      isSingleLetter((tokens[j + 1] as Token).surface) &&
      SPACED_GAP.test(lower.slice((tokens[j] as Token).end, (tokens[j + 1] as Token).start))
    ) {
      j++;
    }
    if (j - i >= 2) {
      merged ??= tokens.slice(0, i);
      const first = tokens[i] as Token;
      const last = tokens[j] as Token;
      merged.push({
        start: first.start,
        end: last.end,
        surface: tokens
          .slice(i, j + 1)
          .map((t) => t.surface)
          .join(''),
        sentence: first.sentence,
        capitalised: false,
      });
      i = j + 1;
    } else {
      merged?.push(tokens[i] as Token);
      i++;
    }
  }
  return merged ?? tokens;
}
