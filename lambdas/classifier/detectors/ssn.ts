import type { NormalisedText } from '../normalise.js';
import { cueBefore, digitsOf } from './cues.js';
import type { Detector, DetectorHit } from './detector.js';
import { matchesInRuns } from './digit-runs.js';
import { itinValid, ssnValid } from './validators/national-ids.js';

// Nine digits, possibly grouped or spaced out one by one ("5 4 9 - 9 6 - 3 0 8 1"). Sticky: tried
// only where a run of 9+ digits starts a group (digit-runs.ts).
export const SSN_CANDIDATE = /(?<![\w-])\d(?:[ \-.]{0,3}\d){8}(?![\w-]|[ \-.]\d)/y;
const ITIN_CUE = /\b(?:itin|tin|tax ?id|taxpayer id(?:entification)?(?: (?:no|number))?)\b[^a-z0-9]{0,6}$/;
const CUE =
  /\b(?:ssn|ss#|ss no|soc(?:ial)? sec(?:urity)?(?: (?:no|number|#))?|itin|tax ?id|tin)\b[^a-z0-9]{0,6}$/;

/** The 3-2-4 grouping SSNs are written in (dashes or spaces between groups). */
function grouped(raw: string): boolean {
  const groups = raw.split(/\s*-\s*|\s{1,2}(?=\d{2,})/).map((g) => g.replace(/\D/g, '').length);
  return groups.join('-') === '3-2-4';
}

/** US Social Security and Individual Taxpayer Identification Numbers. */
export const ssnDetector: Detector = {
  id: 'pii.ssn',
  category: 'government_id',
  detect(view: NormalisedText): DetectorHit[] {
    const hits: DetectorHit[] = [];
    for (const m of matchesInRuns(SSN_CANDIDATE, view, 9)) {
      const raw = m[0];
      const digits = digitsOf(raw);
      const cue = cueBefore(view.lower, m.index, CUE, 30);
      const isSsn = ssnValid(digits);
      // 9xx numbers are SSN look-alikes (test data) unless the note says they are an ITIN.
      const isItin = !isSsn && itinValid(digits) && cueBefore(view.lower, m.index, ITIN_CUE, 30);
      if (!isSsn && !isItin) continue;
      // Without a cue only the unmistakable 3-2-4 shape counts; nine bare digits could be anything.
      if (!cue && !grouped(raw)) continue;
      hits.push({
        start: m.index,
        end: m.index + raw.length,
        ruleId: isItin ? 'pii.itin' : 'pii.ssn',
        confidence: cue ? 0.97 : 0.8,
        message: isItin
          ? 'A taxpayer id number is regulated personal data and must not sit in a CRM note.'
          : 'A Social Security number is regulated personal data; anyone who reads the note could misuse it.',
        suggestion: 'Remove the number; identity documents belong in the HR or finance system, not the CRM.',
      });
    }
    return hits;
  },
};
