import { Buffer } from 'node:buffer';

/**
 * A normalised view of a note with a map back to the original text.
 *
 * Detectors and the lexicon matcher work on `text` (NFKC, zero-width characters removed,
 * Cyrillic/Greek look-alikes folded to Latin) and `lower` (the same, lower-cased, same length);
 * findings are mapped back with `origStart`/`origEnd` so offsets always point into the
 * ORIGINAL string (UTF-16 indices).
 */
export interface NormalisedText {
  original: string;
  text: string;
  lower: string;
  /** Original index where normalised char i starts. */
  origStart(i: number): number;
  /** Original index just after the last original char that produced normalised chars [.., i). */
  origEnd(i: number): number;
}

// Letters that look like Latin ones (Cyrillic and Greek), folded so "сancer" with a Cyrillic "с" still matches.
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  κ: 'k',
  ι: 'i',
  τ: 't',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Typographic punctuation that NFKC keeps but reps' keyboards produce.
  '\u2018': "'",
  '\u2019': "'",
  '\u201B': "'",
  '\u02BC': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u202F': ' ',
};

// Zero-width and invisible format characters that split words without showing.
const INVISIBLE = new Set([
  0xad, 0x34f, 0x61c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a,
  0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff,
]);
// Past ASCII: the characters that may need work (ASCII ones, controls included, stay as they are).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII
const NON_ASCII = /[^\x00-\x7F]/g;

export function normalise(original: string): NormalisedText {
  // Plain ASCII (the common case): the view is the text itself, no map needed. Told by its UTF-8
  // length, counted natively (20× faster than a regex scan): only ASCII is one byte a character.
  if (Buffer.byteLength(original, 'utf8') === original.length) {
    return new View(original, original, original.toLowerCase(), null, null, original.length);
  }
  return oneForOne(original) ?? mapped(original);
}

/**
 * The view when every character past plain ASCII becomes exactly one character ("Tomás", a Cyrillic
 * look-alike, a curly quote): offsets are unchanged, so no map is built. Null when one is removed
 * (zero-width), expands (NFKC "ﬁ" → "fi") or is half of a surrogate pair.
 */
function oneForOne(original: string): View | null {
  let text = '';
  let copied = 0;
  NON_ASCII.lastIndex = 0;
  for (let hit = NON_ASCII.exec(original); hit !== null; hit = NON_ASCII.exec(original)) {
    const i = hit.index;
    const cp = original.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) return null;
    const ch = original[i] as string;
    const out = mapChar(ch, cp);
    if (out.length !== 1) return null;
    if (out !== ch) {
      text += original.slice(copied, i) + out;
      copied = i + 1;
    }
  }
  if (copied > 0) text += original.slice(copied);
  else text = original;
  const lower = lowerSameLength(text);
  return new View(original, text, lower, null, null, original.length);
}

/** The view with a map of offsets, for text whose normalising removes, expands or pairs characters. */
function mapped(original: string): View {
  // Runs of plain ASCII are copied whole; only the other characters are looked at one by one.
  const parts: string[] = [];
  // NFKC may expand a character (up to 18 for U+FDFA), so the maps grow when needed.
  let starts = new Int32Array(original.length + 16);
  let ends = new Int32Array(original.length + 16);
  let n = 0;
  for (let i = 0; i < original.length; ) {
    NON_ASCII.lastIndex = i;
    const hit = NON_ASCII.exec(original);
    const runEnd = hit ? hit.index : original.length;
    if (runEnd > i) {
      parts.push(original.slice(i, runEnd));
      for (let k = i; k < runEnd; k++, n++) {
        starts[n] = k;
        ends[n] = k + 1;
      }
      i = runEnd;
      if (!hit) break;
    }
    const cp = original.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const mapped = mapChar(original.slice(i, i + width), cp);
    parts.push(mapped);
    if (n + mapped.length + (original.length - i) > starts.length) {
      const size = 2 * (n + mapped.length + original.length - i);
      const s2 = new Int32Array(size);
      const e2 = new Int32Array(size);
      s2.set(starts);
      e2.set(ends);
      starts = s2;
      ends = e2;
    }
    for (let k = 0; k < mapped.length; k++, n++) {
      starts[n] = i;
      ends[n] = i + width;
    }
    i += width;
  }
  const text = parts.join('');
  return new View(original, text, lowerSameLength(text), starts, ends, n);
}

/** `text` lower-cased, the same length: a few letters lower-case to two characters (İ → i̇) and are kept as they are. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return Array.from(text, (c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  }).join('');
}

/** The view with its offset map: `null` maps for an ASCII note, whose view is the note itself. */
class View implements NormalisedText {
  constructor(
    readonly original: string,
    readonly text: string,
    readonly lower: string,
    private readonly starts: Int32Array | null,
    private readonly ends: Int32Array | null,
    /** How many normalised characters the maps cover. */
    private readonly n: number,
  ) {}

  origStart(i: number): number {
    if (this.starts === null) return Math.min(i, this.original.length);
    return i < this.n ? (this.starts[i] as number) : this.original.length;
  }

  origEnd(i: number): number {
    if (this.ends === null) return i;
    return i > 0 ? (this.ends[Math.min(i, this.n) - 1] as number) : 0;
  }
}

function mapChar(ch: string, cp: number): string {
  if (INVISIBLE.has(cp)) return '';
  const folded = LOOKALIKES[ch];
  if (folded !== undefined) return folded;
  if (cp >= 0xd800 && cp <= 0xdfff) return '\uFFFD'; // a lone surrogate: one placeholder char
  const nfkc = ch.normalize('NFKC');
  return nfkc.length === 1 ? (LOOKALIKES[nfkc] ?? nfkc) : nfkc;
}
