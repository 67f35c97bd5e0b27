import type { NormalisedText } from '../normalise.js';
import { matchesOf } from './cues.js';
import type { Detector, DetectorHit } from './detector.js';
import { ninoValid } from './validators/national-ids.js';

const PATTERN = /\b([a-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([a-d])\b/gi;

/** UK National Insurance numbers: the HMRC prefix rules make the format itself the cue. */
export const ukNinoDetector: Detector = {
  id: 'pii.uk_nino',
  category: 'government_id',
  detect(view: NormalisedText): DetectorHit[] {
    const hits: DetectorHit[] = [];
    for (const m of matchesOf(PATTERN, view.text)) {
      if (!ninoValid(m.slice(1).join('').toUpperCase())) continue;
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        ruleId: 'pii.uk_nino',
        confidence: 0.9,
        message: 'A National Insurance number is regulated personal data; it must not sit in a CRM note.',
        suggestion: 'Remove the number; payroll and contractor details belong in the finance system.',
      });
    }
    return hits;
  },
};
