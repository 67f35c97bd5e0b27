import type { NormalisedText } from '../normalise.js';
import { cueBefore, digitsOf, matchesOf } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';
import { matchesInRuns } from './digit-runs.js';
import { cardIssuer } from './validators/card-issuer.js';
import { luhnValidDigits } from './validators/luhn.js';

// 13–19 digits, optionally grouped by spaces, dots or dashes (one separator at a time). Sticky:
// tried only where a run of 13+ digits starts a group (digit-runs.ts).
export const CARD_CANDIDATE = /(?<![\d.-])\d(?:[ .\-\n]?\d){12,18}(?![\d]|[.-]\d)/y;
const CVV = /\b(?:cvv2?|cvc2?|cid|csc|security code)\b\s*[:#=]?\s*(?<code>\d{3,4})\b/dgi;
// A Luhn-valid number right after these is an order or tracking number, not a card.
const NOT_A_CARD =
  /\b(?:order|tracking|invoice|inv|po|ticket|ref|reference|sku|serial|imei|iccid|shipment|case)\b\s*(?:no\.?|number|#)?\s*[:#]?\s*$/;
const CARD_CUE = /\b(?:card|visa|mc|mastercard|amex|discover|jcb|diners|unionpay|maestro|cc|credit|debit)\b/;
// A word cue: every CVV match has one of these words, whole ("security" of "security code").
const CVV_WORD = /^(?:cvv2?|cvc2?|cid|csc|security)$/;

const MESSAGE =
  'A payment card number lets anyone who reads the note spend on the card (and breaks PCI DSS).';
const SUGGESTION = 'Remove the card details; take card payments only through the payment system.';

/** Card numbers (Luhn + issuer range) and, only beside a card, the CVV. */
export const paymentCardDetector: Detector = {
  id: 'pii.card',
  category: 'payment_card',
  wordCues: { cvv: (w) => CVV_WORD.test(w) },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    const hits: DetectorHit[] = [];
    for (const m of matchesInRuns(CARD_CANDIDATE, view, 13)) {
      // Most long numbers fail the checksum (order and ticket numbers): tested first, on the span.
      if (!luhnValidDigits(m[0])) continue;
      const issuer = cardIssuer(digitsOf(m[0]));
      if (!issuer) continue;
      if (cueBefore(view.lower, m.index, NOT_A_CARD, 25) && !cueBefore(view.lower, m.index, CARD_CUE, 25))
        continue;
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        ruleId: 'pii.card.luhn',
        confidence: cueBefore(view.lower, m.index, CARD_CUE, 30) ? 0.98 : 0.9,
        message: `${MESSAGE} (${issuer})`,
        suggestion: SUGGESTION,
      });
    }
    if (hits.length > 0 && cues.has('cvv')) {
      for (const m of matchesOf(CVV, view.text)) {
        const [start, end] = m.indices?.groups?.code as [number, number];
        hits.push({
          start,
          end,
          ruleId: 'pii.card.cvv',
          confidence: 0.95,
          message:
            'A card security code next to a card number makes the card usable by anyone who reads the note.',
          suggestion: SUGGESTION,
        });
      }
    }
    return hits;
  },
};
