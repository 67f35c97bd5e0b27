import type { NormalisedText } from '../normalise.js';
import { matchesOf } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';

const PATTERN =
  /\b(?:driver'?s?\s{0,3}licen[cs]e|driving\s{0,3}licen[cs]e|d\/l|dl|licen[cs]e\s{0,3}(?:no\.?|number|#))(?:\s{0,3}(?:no\.?|number|#))?\s{0,3}[:#-]?\s{0,3}(?<id>[a-z]{0,3}[- ]?\d{5,14})\b/dgi;

// A word cue: every cue starts a word with one of these ("d/l" has the word "d"; the number may be
// run into the cue: "dld4417826"); "licence" counts only whole or run into its "no"/"number"
// ("licences" is no cue), and "drive", "driven" are none.
const CUE_WORD = /^(?:driver|driving|dl|d$|licen[cs]e(?:$|no|number))/;

/** Driver's licence numbers after a cue ("CA DL D4417826", "driver's license no. 123456789"). */
export const driversLicenceDetector: Detector = {
  id: 'pii.drivers_licence',
  category: 'government_id',
  wordCues: { licence: (w) => CUE_WORD.test(w) },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    if (!cues.has('licence')) return [];
    return matchesOf(PATTERN, view.text).map((m) => {
      const [start, end] = m.indices?.groups?.id as [number, number];
      return {
        start,
        end,
        ruleId: 'pii.drivers_licence',
        confidence: 0.9,
        message: "A driver's licence number is an identity document number; it must not sit in a CRM note.",
        suggestion: 'Remove the number; keep rental or event paperwork out of the CRM.',
      };
    });
  },
};
