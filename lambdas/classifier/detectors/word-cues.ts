import type { Detector, NoteCues, WordTest } from './detector.js';

// Runs of ASCII letters and digits: a regex word boundary (\b, without the u flag) always falls on
// the edge of one, whatever the tokeniser kept inside the word ("pw:1234" is one word, "épass" too).
const NOT_ALNUM = /[^a-z0-9]+/;
const MAX_CUES = 31;

/** One detector's answers for the current note, reused from note to note (scans are synchronous). */
class DetectorCues implements NoteCues {
  noteBits = 0;
  constructor(
    private readonly detectorId: string,
    private readonly bitOf: ReadonlyMap<string, number>,
  ) {}

  has(name: string): boolean {
    const bit = this.bitOf.get(name);
    if (bit === undefined)
      throw new Error(`${this.detectorId} reads a word cue it does not declare: ${name}`);
    return (this.noteBits & bit) !== 0;
  }
}

/**
 * Every detector's word cues as bits of one number: the engine ORs the bits of a note's words
 * (each word's bits computed once and cached with its lexicon keys), so a dozen cue checks cost one
 * pass over the tokens instead of a dozen passes over the text.
 */
export class WordCueTable {
  private readonly tests: WordTest[] = [];
  private readonly cues: DetectorCues[];

  constructor(detectors: readonly Detector[]) {
    this.cues = detectors.map((detector) => {
      const bitOf = new Map<string, number>();
      for (const [name, test] of Object.entries(detector.wordCues ?? {})) {
        if (this.tests.length === MAX_CUES) throw new Error(`more than ${MAX_CUES} word cues`);
        bitOf.set(name, 1 << this.tests.length);
        this.tests.push(test);
      }
      return new DetectorCues(detector.id, bitOf);
    });
  }

  /** The bits of the cues one lower-cased word satisfies. */
  bitsOf(word: string): number {
    if (this.tests.length === 0) return 0;
    let bits = 0;
    for (const part of word.split(NOT_ALNUM)) {
      if (part === '') continue;
      for (let i = 0; i < this.tests.length; i++) if ((this.tests[i] as WordTest)(part)) bits |= 1 << i;
    }
    return bits;
  }

  /** The cues of the detector at `index` (in the order given) for a note whose words set `noteBits`. */
  cuesFor(index: number, noteBits: number): NoteCues {
    const cues = this.cues[index] as DetectorCues;
    cues.noteBits = noteBits;
    return cues;
  }
}

/**
 * The bits of a word spelled out letter by letter ("a.s.i.n", merged into "asin"): a regex may read
 * it from any of its letters on ("s.i.n"), or one letter alone ("b." before a birth date).
 */
export function spelledBits(bitsOf: (word: string) => number, letters: string): number {
  let bits = 0;
  for (let k = 0; k < letters.length; k++) bits |= bitsOf(letters.slice(k)) | bitsOf(letters[k] as string);
  return bits;
}

/** A note's cue bits from its words, uncached (the engine caches each word's bits with its keys). */
export function noteBitsOf(
  table: WordCueTable,
  words: readonly { surface: string; spelled?: boolean }[],
): number {
  const bitsOf = (word: string) => table.bitsOf(word);
  let bits = 0;
  for (const w of words) bits |= w.spelled ? spelledBits(bitsOf, w.surface) : bitsOf(w.surface);
  return bits;
}
