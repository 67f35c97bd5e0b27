import type { CategoryId, Severity } from '../../core/categories.js';
import type { NormalisedText } from '../normalise.js';

/**
 * A pattern detector for identifiers (Presidio's recognizer shape: pattern + validate + context).
 * It reads `view.text` (NFKC, invisible characters removed, look-alikes folded; same length as
 * `view.lower`) and returns offsets into that normalised text; the engine maps them back to the
 * original note.
 */
export interface Detector {
  /** Stable id, also the prefix of every ruleId it emits, e.g. "pii.ssn". */
  id: string;
  category: CategoryId;
  /**
   * Named tests on single words that stand in for passes over the whole text ("does the note have
   * a password cue?"). The engine runs each once per distinct word (word-cues.ts), and `detect`
   * reads the note's answer as `cues.has(name)`. A cue must hold for some word of every text the
   * pattern it guards can match: a gate may let too much through, never too little.
   */
  wordCues?: Readonly<Record<string, WordTest>>;
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[];
}

/**
 * A test on one run of ASCII letters and digits of a lower-cased word ("pw" and "1234" for
 * "pw:1234", "pass" for "épass"): every regex word boundary is the edge of such a run. Words that
 * are all digits are never tested: a cue is a word, not a number.
 */
export type WordTest = (part: string) => boolean;

/** Which of a detector's word cues the note has. */
export interface NoteCues {
  has(name: string): boolean;
}

export interface DetectorHit {
  start: number;
  end: number;
  ruleId: string;
  /** 0–1. */
  confidence: number;
  /** Defaults to the detector's category (a card detector also emits the CVV as payment_card). */
  category?: CategoryId;
  severity?: Severity;
  message: string;
  suggestion: string;
}
