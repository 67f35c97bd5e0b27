import type { NormalisedText } from '../normalise.js';
import { cueBefore, matchesOf } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';
import { abaValid } from './validators/aba.js';

const ROUTING = /\b(?:routing|aba|rtn|transit)(?:\s*(?:no\.?|number|#))?\b[^0-9a-z\n]{0,8}(?<num>\d{9})\b/dgi;
const SORT_CODE = /\bsort\s*code\b[^0-9a-z\n]{0,8}(?<num>\d{2}[- ]?\d{2}[- ]?\d{2})\b/dgi;
const ACCOUNT =
  /\b(?:acct|account|a\/c|acc)(?:\s*(?:no\.?|number|#))?\b[^0-9a-z\n]{0,8}(?<num>\d{6,17})\b/dgi;
// An account number only counts next to banking context, so CRM account ids stay out of it.
const BANK_CONTEXT =
  /\b(?:routing|aba|sort\s*code|bank|checking|savings|ach|wire|direct deposit|iban|swift|bic)\b/;

// Word cues: each pattern's cue stands between word boundaries, a whole word of these (its "no" or
// "number" may be run into it: "acctno"), or is "a/c": the words "a" and "c", then checked on the
// text. "transition", "access" and "accounts" wake nothing.
const ROUTING_WORD = /^(?:routing|aba|rtn|transit)(?:no|number)?$/;
const ACCOUNT_WORD = /^(?:acct|account|acc)(?:no|number)?$/;

const MESSAGE = 'Bank account details in a CRM note can be used for fraud and do not belong there.';
const SUGGESTION = 'Remove the numbers; bank details go to finance through the vendor or payment system.';

function hit(m: RegExpMatchArray, ruleId: string, confidence: number): DetectorHit {
  const [start, end] = m.indices?.groups?.num as [number, number];
  return { start, end, ruleId, confidence, message: MESSAGE, suggestion: SUGGESTION };
}

/** US routing (ABA checksum) and account numbers, UK sort codes and account numbers, each with a cue. */
export const usBankAccountDetector: Detector = {
  id: 'pii.bank',
  category: 'bank_account',
  wordCues: {
    routing: (w) => ROUTING_WORD.test(w),
    sort: (w) => w.startsWith('sort'),
    account: (w) => ACCOUNT_WORD.test(w),
    a: (w) => w === 'a',
    c: (w) => w === 'c',
  },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    const hits: DetectorHit[] = [];
    const { lower } = view;
    for (const m of cues.has('routing') ? matchesOf(ROUTING, view.text) : []) {
      if (abaValid(m.groups?.num ?? '')) hits.push(hit(m, 'pii.bank.routing', 0.95));
    }
    for (const m of cues.has('sort') ? matchesOf(SORT_CODE, view.text) : [])
      hits.push(hit(m, 'pii.bank.sort_code', 0.9));
    const account = cues.has('account') || (cues.has('a') && cues.has('c') && lower.includes('a/c'));
    for (const m of account ? matchesOf(ACCOUNT, view.text) : []) {
      if (
        cueBefore(view.lower, m.index, BANK_CONTEXT, 80) ||
        /\b(?:bank|checking|savings)\b/.test(view.lower.slice(m.index, m.index + 60))
      ) {
        hits.push(hit(m, 'pii.bank.account', 0.9));
      }
    }
    return hits;
  },
};
