import type { NormalisedText } from '../normalise.js';
import { cueBefore, matchesOf } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';
import { dniValid } from './validators/national-ids.js';

const PATTERN = /\b([xyz]?\d{7,8})[- ]?([a-z])\b/gi;
const CUE =
  /\b(?:dni|nie|nif|d\.n\.i\.?|documento(?: de identidad)?|national id(?: (?:no|number))?|id (?:no|number|card))\b[^a-z0-9]{0,6}$/;

// A word cue: every CUE has one of these words ("d.n.i" is read as the spelled-out word "dni").
const CUE_WORD = /^(?:dni|nie|nif|documento|national|id)$/;

/** Spanish DNI/NIE numbers: a cue and the check letter. */
export const spainDniDetector: Detector = {
  id: 'pii.spain_dni',
  category: 'government_id',
  wordCues: { dni: (w) => CUE_WORD.test(w) },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    const hits: DetectorHit[] = [];
    if (!cues.has('dni')) return hits;
    for (const m of matchesOf(PATTERN, view.text)) {
      if (!dniValid(`${m[1]}${m[2]}`.toUpperCase()) || !cueBefore(view.lower, m.index, CUE, 25)) continue;
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        ruleId: 'pii.spain_dni',
        confidence: 0.95,
        message: 'A national identity number is regulated personal data; it must not sit in a CRM note.',
        suggestion: 'Remove the number; identity documents belong in the HR or finance system.',
      });
    }
    return hits;
  },
};
