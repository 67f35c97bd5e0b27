import type { NormalisedText } from '../normalise.js';
import { cueBefore, digitsOf } from './cues.js';
import type { Detector, DetectorHit } from './detector.js';
import { luhnValid } from './validators/luhn.js';

const PATTERN = /(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{3}(?![\d-])/g;
const CUE = /\b(?:sin|s\.i\.n\.?|social insurance(?: (?:no|number|#))?)\b[^a-z0-9]{0,6}$/;

/** Canadian Social Insurance Numbers: a cue and the Luhn check. */
export const canadaSinDetector: Detector = {
  id: 'pii.canada_sin',
  category: 'government_id',
  detect(view: NormalisedText): DetectorHit[] {
    const hits: DetectorHit[] = [];
    for (const m of view.text.matchAll(PATTERN)) {
      if (!cueBefore(view.lower, m.index, CUE, 25) || !luhnValid(digitsOf(m[0]))) continue;
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
