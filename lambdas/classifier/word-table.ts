import type { TokenKeys } from './lexicon-match.js';
import { Utf16Units } from './utf16-units.js';

/** A distinct word of the notes scanned, interned: what the matcher reads of it is cached here. */
export interface Word {
  readonly surface: string;
  /** The word's code (see `codeStep`): the word itself when it is short, else a hash of it. */
  readonly code: number;
  /** The word's lexicon keys and cue bits, filled in by the matcher on first sight. */
  keys: TokenKeys | undefined;
  /**
   * With `keys`, a copy of what the matcher reads of them for every word of a note (see
   * `WordReads` in lexicon-match.ts): read here, on the object the tokeniser has just read, most
   * words' keys are never touched.
   */
  reads: number;
  cueBits: number;
  gateBits: number;
  /** For a word read one way: its one phrase start node (-1: none or several)... */
  onlyStart: number;
  /** ... and its one key id that may continue a phrase (-1: none, -2: several). */
  onlyId: number;
}

/**
 * What each ASCII character adds to a short word's code: a–z 1–26, 0–9 27–36, 0 for anything else.
 * Six bits each, so the code of a word of up to 5 such characters IS the word: found without
 * comparing characters (most words of a note are that short).
 */
export const CODE_VALUES = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CODE_VALUES[c] = c - 96;
for (let c = 48; c <= 57; c++) CODE_VALUES[c] = c - 21;
/**
 * The numbers of a word's code. A const enum: the bundler writes its values into the code (it
 * leaves top-level consts of a file with imports as variables, loaded at every use in a loop).
 */
// biome-ignore lint/suspicious/noConstEnum: inlined by esbuild, which is why it is one
export const enum WordCode {
  /** How many characters a packed code holds. */
  EXACT_LENGTH = 5,
  FNV_PRIME = 16777619,
  /** The sign bit: set on every hashed code, never on a packed one. */
  HASHED = -2147483648,
  /** Fibonacci hashing: a code times 2^32/φ, its top bits, spreads packed codes over the slots. */
  GOLDEN = -1640531535,
}
const INITIAL_SLOTS = 1024;

/**
 * One step of a word's code over its `n`th character (0-based) `c`, whose `CODE_VALUES` entry is `v`:
 * packed while the word is short and made of a–z and 0–9 (a code ≥ 1), hashed from the first
 * character that is not (FNV-1a over the code so far, the sign bit set so that a hashed code never
 * equals a packed one). The tokeniser runs this on each character as it scans a word.
 */
export function codeStep(code: number, n: number, c: number, v: number): number {
  // Packed so far (not yet hashed): the code is not negative.
  if (v !== 0 && n < WordCode.EXACT_LENGTH && code >= 0) return (code << 6) | v;
  return hashStep(code, c);
}

/** The step of `codeStep` once a word's code is hashed (or is to be from character `c` on). */
export function hashStep(code: number, c: number): number {
  return Math.imul(code ^ c, WordCode.FNV_PRIME) | WordCode.HASHED;
}

export function codeOf(s: string, start = 0, end = s.length): number {
  let code = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    code = codeStep(code, i - start, c, c < 128 ? (CODE_VALUES[c] as number) : 0);
  }
  return code;
}

const SURFACE_UNITS = new Utf16Units();

/**
 * Words by their characters in the note, found without cutting them out of it: a word seen before
 * costs a code computed while scanning and one probe, not a new string and a Map lookup; a short word
 * not even a comparison of its characters. Bounded: past `limit` words it starts again empty (tokens
 * keep their Word objects, so that is safe).
 */
export class WordTable {
  /**
   * A probe compares the slot's word's own code: no array of codes beside the slots, whose reads
   * missed the cache a second time per word (the word is read next anyway).
   */
  private slots: (Word | undefined)[] = new Array(INITIAL_SLOTS);
  /** 32 − log2(slots): how far a mixed code is shifted to index a slot. */
  private shift = 32 - Math.log2(INITIAL_SLOTS);
  private count = 0;
  /**
   * The characters of every word with a hashed code, one after the other, and where each slot's
   * word starts in them: a probe compares them with the note's units in a loop of typed-array
   * reads, not a string call (a quarter of a note's words are long enough to be hashed).
   */
  private chars = new Uint16Array(INITIAL_SLOTS * 8);
  private used = 0;
  private at = new Int32Array(INITIAL_SLOTS);

  constructor(private readonly limit = 50_000) {}

  get size(): number {
    return this.count;
  }

  /**
   * The word at s[start, end) whose code (`codeOf`) is `code`, added if new; `units` are the UTF-16
   * units of `s` (see Utf16Units).
   */
  wordAt(units: Uint16Array, s: string, start: number, end: number, code: number): Word {
    const { slots } = this;
    const mask = slots.length - 1;
    for (let i = Math.imul(code, WordCode.GOLDEN) >>> this.shift; ; i = (i + 1) & mask) {
      const w = slots[i];
      if (w === undefined) break;
      // A packed code is the word; a hashed one may be shared by two words.
      if (w.code === code && (code > 0 || this.sameAt(i, units, start, end))) return w;
    }
    const word: Word = {
      surface: s.slice(start, end),
      code,
      keys: undefined,
      reads: 0,
      cueBits: 0,
      gateBits: 0,
      onlyStart: -1,
      onlyId: -1,
    };
    if (this.count >= this.limit) this.clear();
    else if (2 * (this.count + 1) > slots.length) this.grow();
    this.insert(word, code > 0 ? -1 : this.store(units, start, end));
    return word;
  }

  /** The word `surface`, added if new. */
  word(surface: string): Word {
    return this.wordAt(SURFACE_UNITS.of(surface), surface, 0, surface.length, codeOf(surface));
  }

  /** Is slot i's word (a hashed one) units[start, end)? */
  private sameAt(i: number, units: Uint16Array, start: number, end: number): boolean {
    const { chars } = this;
    const at = this.at[i] as number;
    // The slot's characters end where a 0 is stored (no character of a word is 0).
    const n = end - start;
    if (chars[at + n] !== 0) return false;
    for (let k = 0; k < n; k++) if (chars[at + k] !== units[start + k]) return false;
    return true;
  }

  /** Stores units[start, end) and a 0 after them; returns where they start. */
  private store(units: Uint16Array, start: number, end: number): number {
    const n = end - start;
    if (this.used + n + 1 > this.chars.length) {
      const bigger = new Uint16Array(2 * (this.used + n + 1));
      bigger.set(this.chars.subarray(0, this.used));
      this.chars = bigger;
    }
    const at = this.used;
    this.chars.set(units.subarray(start, end), at);
    this.chars[at + n] = 0;
    this.used = at + n + 1;
    return at;
  }

  private insert(word: Word, at: number): void {
    const mask = this.slots.length - 1;
    let i = Math.imul(word.code, WordCode.GOLDEN) >>> this.shift;
    while (this.slots[i] !== undefined) i = (i + 1) & mask;
    this.slots[i] = word;
    this.at[i] = at;
    this.count++;
  }

  private grow(): void {
    const old = this.slots;
    const oldAt = this.at;
    const { chars, used } = this;
    this.clear(old.length * 2);
    // The stored characters stay where they are.
    this.chars = chars;
    this.used = used;
    for (let i = 0; i < old.length; i++) {
      const w = old[i];
      if (w !== undefined) this.insert(w, oldAt[i] as number);
    }
  }

  private clear(size = INITIAL_SLOTS): void {
    this.slots = new Array(size);
    this.at = new Int32Array(size);
    this.chars = new Uint16Array(size * 8);
    this.used = 0;
    this.shift = 32 - Math.log2(size);
    this.count = 0;
  }
}
