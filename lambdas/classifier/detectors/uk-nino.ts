import type { NormalisedText } from '../normalise.js';
import { tryAt } from '../pattern-scan.js';
import type { Detector, DetectorHit } from './detector.js';
import { digitRuns } from './digit-runs.js';
import { ninoValid } from './validators/national-ids.js';

export const NINO_PATTERN = /\b([a-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([a-d])\b/iy;

/**
 * The pattern's matches, as a global regex finds them, tried only two and three characters before
 * each run of 6+ digits: a match's first digit follows a letter or a space after one, so it starts
 * a run (digit-runs.ts).
 */
export function ninoCandidates(view: NormalisedText): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const run of digitRuns(view)) {
    for (const at of [run.start - 3, run.start - 2]) {
      if (at < from) continue;
      const m = tryAt(NINO_PATTERN, view.text, at);
      if (m === null) continue;
      out.push(m);
      from = at + m[0].length;
    }
  }
  return out;
}

/** UK National Insurance numbers: the HMRC prefix rules make the format itself the cue. */
export const ukNinoDetector: Detector = {
  id: 'pii.uk_nino',
  category: 'government_id',
  detect(view: NormalisedText): DetectorHit[] {
    const hits: DetectorHit[] = [];
    for (const m of ninoCandidates(view)) {
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
