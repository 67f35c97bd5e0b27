import type { NormalisedText } from '../normalise.js';
import { cueBefore, matchesOf } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';
// 04/22/1956, 7/9/62, 14.02.1990, 02-17-1975, 1979-11-02, 12 March 1984, 21st June 1988, oct 9th, March 12, 1984
const DATE = new RegExp(
  `\\b(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|${DAY} (?:of )?${MONTH}(?:,? (?:\\d{4}|'\\d{2}))?|${MONTH} ${DAY}(?:,? (?:\\d{4}|'\\d{2}))?)(?![\\w/.\\-]\\d)`,
  'gi',
);
const CUE =
  /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|birthday|b-?day|b'day|born(?: on)?|b\.)\s*(?:[:\-–=]|is|was|on|=)?\s*(?:is\s+|was\s+|on\s+)?$/;
// A bare birth year keeps its cue in the span: the year alone means nothing.
const YEAR = /\b(?:born(?: in)?|yob:?|year of birth:?|b\.)\s*(?:'\d{2}|(?:19|20)\d{2})\b/gi;

// A word cue: every CUE and every YEAR cue starts a word with one of these ("dob", "birth", "bday",
// "born", "yob"; "date of birth" and "year of birth" have "birth") or has the word "b" ("b.",
// "b-day", "b'day", "d.o.b").
const ANY_CUE = /^(?:dob|birth|bday|born|yob|b$)/;

/** Dates of birth: a date or a birth year only right after a birth cue ("born in Chicago" is nothing). */
export const dateOfBirthDetector: Detector = {
  id: 'pii.dob',
  category: 'date_of_birth',
  wordCues: { birth: (w) => ANY_CUE.test(w) },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    const hits: DetectorHit[] = [];
    const message =
      'A date of birth is personal data used to verify identity; it does not belong in a CRM note.';
    const suggestion = 'Remove it; if an age limit matters for the deal, note only that it was checked.';
    const cued = cues.has('birth');
    const dates = cued ? matchesOf(DATE, view.text) : [];
    for (const m of dates) {
      if (!cueBefore(view.lower, m.index, CUE, 20)) continue;
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        ruleId: 'pii.dob.date',
        confidence: 0.95,
        message,
        suggestion,
      });
    }
    const years = cued ? matchesOf(YEAR, view.text) : [];
    for (const m of years) {
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        ruleId: 'pii.dob.year',
        confidence: 0.85,
        message,
        suggestion,
      });
    }
    return hits;
  },
};
