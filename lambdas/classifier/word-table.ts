import type { TokenKeys } from './lexicon-match.js';

/** A distinct word of the notes scanned, interned: what the matcher reads of it is cached here. */
export interface Word {
  readonly surface: string;
  readonly hash: number;
  /** The word's lexicon keys and cue bits, filled in by the matcher on first sight. */
  keys: TokenKeys | undefined;
}

/** FNV-1a: the offset basis, the hash of the empty word. */
export const HASH_START = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
const INITIAL_SLOTS = 1024;

/** One step of the FNV-1a hash: the tokeniser runs it on each character as it scans a word. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

export function hashOf(s: string, start = 0, end = s.length): number {
  let h = HASH_START;
  for (let i = start; i < end; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

function sameAs(word: string, s: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== s.charCodeAt(start + k)) return false;
  return true;
}

/**
 * Words by their characters in the note, found without cutting them out of it: a word seen before
 * costs a hash computed while scanning and one probe, not a new string and a Map lookup. Bounded:
 * past `limit` words it starts again empty (tokens keep their Word objects, so that is safe).
 */
export class WordTable {
  private slots: (Word | undefined)[] = new Array(INITIAL_SLOTS);
  /** Each slot's hash, so a probe compares numbers before it touches a word (0 in an empty slot too). */
  private hashes = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  private count = 0;

  constructor(private readonly limit = 50_000) {}

  get size(): number {
    return this.count;
  }

  /** The word at s[start, end) whose hash is `hash`, added if new. */
  wordAt(s: string, start: number, end: number, hash: number): Word {
    const { slots, hashes, mask } = this;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      if (hashes[i] === hash) {
        const w = slots[i];
        if (w === undefined) break;
        if (sameAs(w.surface, s, start, end)) return w;
      } else if (slots[i] === undefined) break;
    }
    const word: Word = { surface: s.slice(start, end), hash, keys: undefined };
    if (this.count >= this.limit) this.clear();
    else if (2 * (this.count + 1) > slots.length) this.grow();
    this.insert(word);
    return word;
  }

  /** The word `surface`, added if new. */
  word(surface: string): Word {
    return this.wordAt(surface, 0, surface.length, hashOf(surface));
  }

  private insert(word: Word): void {
    let i = word.hash & this.mask;
    while (this.slots[i] !== undefined) i = (i + 1) & this.mask;
    this.slots[i] = word;
    this.hashes[i] = word.hash;
    this.count++;
  }

  private grow(): void {
    const old = this.slots;
    this.clear(old.length * 2);
    for (const w of old) if (w !== undefined) this.insert(w);
  }

  private clear(size = INITIAL_SLOTS): void {
    this.slots = new Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
  }
}
