import type { NormalisedText } from '../normalise.js';
import { matchesOf } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';
import { IBAN_LENGTHS, ibanValid } from './validators/iban.js';

// Country code, check digits, then letters/digits in groups; trimmed to the country's length below.
const CANDIDATE = /\b[a-z]{2}\d{2}(?:[ \n]?[a-z0-9]){10,32}/gi;

// A word cue: every candidate starts a word with two letters and two digits ("GB82").
const CUE_WORD = /^[a-z]{2}\d{2}/;

/** IBANs: the country's length and the mod-97 check (works with or without spaces). */
export const ibanDetector: Detector = {
  id: 'pii.iban',
  category: 'bank_account',
  wordCues: { iban: (w) => CUE_WORD.test(w) },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    const hits: DetectorHit[] = [];
    if (!cues.has('iban')) return hits;
    for (const m of matchesOf(CANDIDATE, view.text)) {
      const raw = m[0].toUpperCase();
      const length = IBAN_LENGTHS[raw.slice(0, 2)];
      if (!length) continue;
      // The match may run into the next word ("… 72 BIC …"): keep exactly `length` characters.
      let count = 0;
      let end = 0;
      for (; end < raw.length && count < length; end++) if (raw[end] !== ' ' && raw[end] !== '\n') count++;
      if (count < length || !ibanValid(raw.slice(0, end).replace(/[ \n]/g, ''))) continue;
      if (/[a-z0-9]/i.test(view.text[m.index + end] ?? '')) continue;
      hits.push({
        start: m.index,
        end: m.index + end,
        ruleId: 'pii.iban',
        confidence: 0.98,
        message:
          'A bank account number (IBAN) in a CRM note can be used for fraud and does not belong there.',
        suggestion: 'Remove the IBAN; bank details go to finance through the vendor or payment system.',
      });
    }
    return hits;
  },
};
