import type { NormalisedText } from '../normalise.js';
import { matchesOf, windowBefore } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';

const PHONE =
  /(?<![\w+])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)|(?<![\w+])(?:\+44\s?7\d{3}|07\d{3})\s?\d{3}\s?\d{3}(?!\d)|(?<![\w+])\+\d{2,3}(?:[ .-]?\d{2,4}){3,4}(?!\d)/g;
const EMAIL = /\b[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.[a-z]{2,}\b/gi;
const SPELLED_EMAIL =
  /\b[a-z0-9][a-z0-9._%+-]{0,63} ?(?:\bat\b|\[at\]|\(at\)) ?[a-z0-9-]{1,63}(?: ?(?:\bdot\b|\[dot\]|\(dot\)) ?[a-z]{2,10}){1,3}\b/gi;
const STREET =
  '(?:St|Street|Rd|Road|Ave|Avenue|Ln|Lane|Ct|Court|Dr|Drive|Way|Blvd|Boulevard|Pl|Place|Cir|Circle|Ter|Terrace|Pkwy|Parkway|Hwy|Close|Crescent|Cres|Grove|Gardens|Row|Trail|Trl|Loop|Sq|Square|Walk|Mews|Hill)';
const ADDRESS = new RegExp(
  `\\b\\d{1,6}[A-Za-z]?\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z'’]+\\.?\\s+){1,3}${STREET}\\b\\.?(?:,?\\s+(?:Apt|Unit|Flat|#)\\.?\\s*\\w{1,6})?(?:,?\\s+[A-Z][a-z]+(?:\\s[A-Z][a-z]+){0,2},?\\s+(?:[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}))?`,
  'g',
);

const PERSONAL_PROVIDERS =
  /@(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton(?:mail)?|pm|gmx|mail|yandex|zoho|fastmail|hey|comcast|verizon|att|sbcglobal|btinternet|sky|virginmedia|orange|free|web|t-online)\.|\b(?:at) (?:gmail|yahoo|hotmail|outlook|icloud|aol|proton(?:mail)?)\b/i;
const PERSONAL_CUE =
  /\b(?:personal|private|home|house|cell(?:phone)?|mobile|whatsapp|signal|his own|her own|their own|wife|husband|partner|spouse|son|daughter|mom|mum|dad|mother|father|sister|brother|kid|kids|family|lives at|living at|moved to|residence|gmail|yahoo|hotmail)\b/;
const HOME_CUE =
  /\b(?:home|house|lives|living|residence|personal|moved to|private|her place|his place|flat|apartment|apt)\b/;
const WORK_CUE =
  /\b(?:office|work|business|company|main line|main number|switchboard|reception|front desk|direct line|desk|fax|support|toll[- ]free|hq|headquarters|warehouse|store|plant|billing|shipping dock|corporate|bus\.)\b/;

// Word cues: the words of PERSONAL_CUE and HOME_CUE ("his own" has "own", "lives at" "lives", "her
// place" "place"). A phone or an address without one in the note is never personal.
const PERSONAL_WORDS = new Set(
  'personal private home house cell cellphone mobile whatsapp signal own wife husband partner spouse son daughter mom mum dad mother father sister brother kid kids family lives living moved residence gmail yahoo hotmail'.split(
    ' ',
  ),
);
const HOME_WORDS = new Set(
  'home house lives living residence personal moved private place flat apartment apt'.split(' '),
);

/** The personal cue wins only if no work cue sits closer to the value. */
function personalContext(lower: string, start: number, cue: RegExp, window = 45): boolean {
  const before = windowBefore(lower, start, window);
  const personalAt = lastIndex(before, cue);
  if (personalAt < 0) return false;
  return lastIndex(before, WORK_CUE) < personalAt;
}

// Global copies of the cue regexes, compiled once rather than on every lookup.
const GLOBAL = new Map<RegExp, RegExp>();

function lastIndex(text: string, re: RegExp): number {
  let global = GLOBAL.get(re);
  if (!global) {
    global = new RegExp(re.source, 'g');
    GLOBAL.set(re, global);
  }
  let at = -1;
  for (const m of matchesOf(global, text)) at = m.index;
  return at;
}

function hit(start: number, end: number, ruleId: string, what: string): DetectorHit {
  return {
    start,
    end,
    ruleId,
    confidence: 0.9,
    message: `A ${what} is private contact data; only business contact details belong in the CRM.`,
    suggestion: 'Remove it; record the business phone, email or office address instead.',
  };
}

/** Home addresses, personal phones and personal emails — only with a personal cue (or a personal email provider). */
export const personalContactDetector: Detector = {
  id: 'pii.contact',
  category: 'personal_contact',
  wordCues: {
    personal: (w) => PERSONAL_WORDS.has(w),
    home: (w) => HOME_WORDS.has(w),
    dot: (w) => w === 'dot',
  },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    const { text, lower } = view;
    const hits: DetectorHit[] = [];
    for (const m of cues.has('personal') ? matchesOf(PHONE, text) : []) {
      if (personalContext(lower, m.index, PERSONAL_CUE))
        hits.push(hit(m.index, m.index + m[0].length, 'pii.contact.phone', 'personal phone number'));
    }
    // Cheap pre-checks: an email needs an "@", a spelled-out one the word "dot" ("dot", "[dot]", "(dot)").
    const emailPatterns = [];
    if (text.includes('@')) emailPatterns.push(EMAIL);
    if (cues.has('dot')) emailPatterns.push(SPELLED_EMAIL);
    for (const re of emailPatterns) {
      for (const m of matchesOf(re, text)) {
        if (re === SPELLED_EMAIL && !/\b(?:at|dot)\b|\[|\(/.test(m[0].toLowerCase())) continue;
        const personal = PERSONAL_PROVIDERS.test(m[0]) || personalContext(lower, m.index, PERSONAL_CUE);
        if (personal)
          hits.push(hit(m.index, m.index + m[0].length, 'pii.contact.email', 'personal email address'));
      }
    }
    for (const m of cues.has('home') ? matchesOf(ADDRESS, text) : []) {
      if (personalContext(lower, m.index, HOME_CUE, 60))
        hits.push(hit(m.index, m.index + m[0].length, 'pii.contact.address', 'home address'));
    }
    return hits;
  },
};
