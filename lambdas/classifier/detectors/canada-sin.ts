import type { NormalisedText } from '../normalise.js';
import { cueBefore, matchesOf } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';
import { luhnValidDigits } from './validators/luhn.js';

const PATTERN = /(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{3}(?![\d-])/g;
const CUE = /\b(?:sin|s\.i\.n\.?|social insurance(?: (?:no|number|#))?)\b[^a-z0-9]{0,6}$/;

// A word cue: every CUE starts a word with "sin" (whole, or run into the number: "SIN046 454 286")
// or "social"; "s.i.n" is read as the spelled-out word "sin".
const CUE_WORD = /^(?:sin(?![a-z])|social)/;

/** Canadian Social Insurance Numbers: a cue and the Luhn check. */
export const canadaSinDetector: Detector = {
  id: 'pii.canada_sin',
  category: 'government_id',
  wordCues: { sin: (w) => CUE_WORD.test(w) },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    const hits: DetectorHit[] = [];
    if (!cues.has('sin')) return hits;
    for (const m of matchesOf(PATTERN, view.text)) {
      if (!cueBefore(view.lower, m.index, CUE, 25) || !luhnValidDigits(m[0])) continue;
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        ruleId: 'pii.canada_sin',
        confidence: 0.95,
        message: 'A Social Insurance Number is regulated personal data; it must not sit in a CRM note.',
        suggestion: 'Remove the number; it belongs in the payroll or finance system.',
      });
    }
    return hits;
  },
};
