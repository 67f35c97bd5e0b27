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
  detect(view: NormalisedText): DetectorHit[];
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
