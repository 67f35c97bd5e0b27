import type { NormalisedText } from '../normalise.js';
import { matchesOf } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';

// A passport number right after its cue: 6–9 characters, mostly digits.
const PATTERN =
  /\bpassport(?:\s{0,3}(?:no\.?|number|num\.?|#))?\s{0,3}[:#-]?\s{0,3}(?<id>[a-z]{0,2}\d{6,9})\b/dgi;

/** Passport numbers (with a "passport" cue: the format alone is just a number). */
export const passportDetector: Detector = {
  id: 'pii.passport',
  category: 'government_id',
  // A word cue: every match starts a word with "passport".
  wordCues: { passport: (w) => w.startsWith('passport') },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    if (!cues.has('passport')) return [];
    return matchesOf(PATTERN, view.text).map((m) => {
      const [start, end] = m.indices?.groups?.id as [number, number];
      return {
        start,
        end,
        ruleId: 'pii.passport',
        confidence: 0.95,
        message: 'A passport number is an identity document number; it must not sit in a CRM note.',
        suggestion: 'Remove the number; travel bookings keep it in the travel system.',
      };
    });
  },
};
