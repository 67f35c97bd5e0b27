import type { NormalisedText } from '../normalise.js';
import { cueBefore, matchesOf, trailingRunStart } from './cues.js';
import type { Detector, DetectorHit, NoteCues } from './detector.js';

// Secrets recognisable by shape alone (providers chose these prefixes so scanners can find them).
// `hints`: every match contains one of these, so without one the pattern is not run at all.
const KEY_SHAPES: { id: string; pattern: RegExp; what: string; hints: string[] }[] = [
  {
    id: 'pii.credentials.stripe_key',
    pattern: /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,99}\b/g,
    what: 'A payment API key',
    hints: ['_'],
  },
  {
    id: 'pii.credentials.aws_access_key',
    pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
    what: 'A cloud access key',
    hints: ['AKIA', 'ASIA'],
  },
  {
    id: 'pii.credentials.github_token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{40,255})\b/g,
    what: 'A code-hosting token',
    hints: ['_'],
  },
  {
    id: 'pii.credentials.slack_token',
    pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g,
    what: 'A chat bot token',
    hints: ['xox'],
  },
  {
    id: 'pii.credentials.jwt',
    pattern: /\beyJ[A-Za-z0-9_-]{5,2000}\.eyJ[A-Za-z0-9_-]{5,4000}\.[A-Za-z0-9_-]{5,2000}/g,
    what: 'A signed access token',
    hints: ['eyJ'],
  },
  {
    id: 'pii.credentials.google_key',
    pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g,
    what: 'An API key',
    hints: ['AIza'],
  },
  {
    id: 'pii.credentials.private_key',
    pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g,
    what: 'A private key',
    hints: ['-----BEGIN '],
  },
];

// A 40-character secret (AWS secret access keys and the like) counts only beside a cue or a key id:
// a run of exactly 40 key characters not followed by "=" (found as whole runs, no lookbehind).
const KEY_RUN = /[A-Za-z0-9+/]{40,}/g;
const SECRET_CUE = /\b(?:secret|secret key|access key|akia[0-9a-z]{16})\b[^\n]{0,12}$/;
// Word cues standing in for passes over the text, each true for some word of every text its
// pattern can match: every key shape has a "_" (checked on the text) or one of KEY_WORD; every
// SECRET_CUE one of SECRET_WORD; every CUED_VALUE keyword has a whole word of CUED_WORD (the
// keyword stands between word boundaries: "pass" of "pass word", "code" of "door code", "ficode" of
// "wi-ficode"; "passed", "pinged" and "barcode" are none), or is "api" before a word starting
// "key"; every SLASH_PAIR has a "/" (checked on the text) and one of SLASH_WORD.
const KEY_WORD = /xox|eyj|aiza|akia|asia|^begin$/;
const SECRET_WORD = /secret|^access$|akia/;
const CUED_WORD =
  /^(?:pass(?:words?|wd|codes?)?|pwd?|pins?|pincode|(?:door|gate|alarm|lock|entry|access|wifi|fi)?code|login|creds|credentials|apikey|secret|token)$/;
const SLASH_WORD = /^(?:user|username|login|admin|root|u)$/;

// "pw is X", "password: X", "passcode X", "PIN (0917)", "door code … is 4719#", "admin / X". A
// keyword that starts another is listed after it ("pin code" before "pins?"): the first that
// matches is kept, and "pin" alone took "code" for the value of "pin code is 4719".
// Matched on the lower-cased text (same length; a value is cut from the text by its offsets): a
// regex without the i flag compares each character once, not in both cases.
const CUED_VALUE =
  /\b(?:passwords?|passwd|pass ?word|pwd|pw|passcodes?|pass ?code|pin ?code|pins?|(?:door|gate|alarm|lock|entry|access|wifi|wi-fi) ?code|login|creds|credentials|api ?key|secret|token)\b(?!-)(?:\s+(?:is|was|=)|\s*[:=(]|\s+for\s[^\n:=]{1,40}?\s(?:is|:))?\s*(?<value>[^\s"'()<>,;]{3,64})/dg;
const SLASH_PAIR =
  /\b(?:user(?:name)?|login|admin|root|u)\b\s*[:=]?\s*(?:[^\s/]{1,40}\s*)?\/\s*(?<value>[^\s"'()<>,;]{4,64})/dg;

// Words that follow "password"/"login" in ordinary business talk and are not secrets.
const NOT_A_SECRET = new Set([
  'reset',
  'resets',
  'policy',
  'policies',
  'flow',
  'flows',
  'manager',
  'managers',
  'expired',
  'expiry',
  'expires',
  'change',
  'changes',
  'changed',
  'requirements',
  'rules',
  'field',
  'fields',
  'protected',
  'page',
  'pages',
  'screen',
  'portal',
  'prompt',
  'issue',
  'issues',
  'problem',
  'problems',
  'link',
  'links',
  'email',
  'emails',
  'sso',
  'mfa',
  '2fa',
  'the',
  'their',
  'his',
  'her',
  'our',
  'your',
  'for',
  'and',
  'was',
  'will',
  'has',
  'have',
  'had',
  'not',
  'with',
  'via',
  'from',
  'into',
  'that',
  'this',
  'to',
  'is',
  'are',
  'be',
  'been',
  'on',
  'in',
  'at',
  'of',
  'or',
  'as',
  'by',
  'an',
  'a',
  'it',
  'too',
  'again',
  'working',
  'works',
  'work',
  'failed',
  'failing',
  'fails',
  'lockout',
  'locked',
  'access',
  'details',
  'info',
  'setup',
  'set',
  'sharing',
  'rotation',
  'rotate',
  'rotated',
  'vault',
  'storage',
  'complexity',
  'length',
  'strength',
  'history',
  'hint',
  'hints',
  'recovery',
  'self-service',
  'support',
  'request',
  'requests',
  'ticket',
  'tickets',
  'screen.',
  'required',
  'needed',
  'expiration',
  'management',
  'less',
  'free',
  'auth',
  'authentication',
  'provider',
  'options',
  'method',
  'methods',
  'codes',
  'code',
  'number',
  'numbers',
  'pad',
  'entry',
  'reader',
  'readers',
  'holder',
  'holders',
  'card',
  'cards',
  'bucket',
  'limit',
]);

// Hoisted: a regex literal in a function is a new object at every call.
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const CODE_CUE = /^(?:pins?|pin ?code|.*code)$/i;
const DIGIT_CODE = /^\d{3,8}[#*]?$/;
const DIGIT = /\d/;
const NOT_ALNUM = /[^A-Za-z0-9]/;
const MIXED_CASE = /[a-z][A-Z]|[A-Z]{2}[a-z]/;
const CUE_WORD = /^\S+(?: ?code)?/;

/** Does `value` look like a secret rather than an ordinary word? */
function looksSecret(value: string, cueWord: string): boolean {
  // Trailing . ! ? : are punctuation, unless a "!" is among them and the value is long ("Summer2024!").
  const end = trailingRunStart(value, '.!?:');
  const tail = value.slice(end);
  const v = tail !== '' && !(tail.includes('!') && value.length > 4) ? value.slice(0, end) : value;
  if (v.length < 3 || NOT_A_SECRET.has(v.toLowerCase())) return false;
  // A user name or email after "login:" is not the secret.
  if (EMAIL.test(v)) return false;
  if (CODE_CUE.test(cueWord)) return DIGIT_CODE.test(v);
  return DIGIT.test(v) || NOT_ALNUM.test(v) || MIXED_CASE.test(v);
}

function hitOf(start: number, end: number, ruleId: string, confidence: number, what: string): DetectorHit {
  return {
    start,
    end,
    ruleId,
    confidence,
    message: `${what} in a CRM note gives anyone who reads it access to the account.`,
    suggestion:
      'Remove it and have the owner rotate it; share secrets only through a password manager or vault.',
  };
}

/** Passwords, PINs, API keys and tokens: known key shapes anywhere, other values only after a cue. */
export const credentialsDetector: Detector = {
  id: 'pii.credentials',
  category: 'credentials',
  wordCues: {
    shape: (w) => KEY_WORD.test(w),
    secret: (w) => SECRET_WORD.test(w),
    cued: (w) => CUED_WORD.test(w),
    api: (w) => w.endsWith('api'),
    key: (w) => w.startsWith('key'),
    slash: (w) => SLASH_WORD.test(w),
  },
  detect(view: NormalisedText, cues: NoteCues): DetectorHit[] {
    const hits: DetectorHit[] = [];
    const { text, lower } = view;
    const keyHint = cues.has('shape') || text.includes('_');
    for (const shape of keyHint ? KEY_SHAPES : []) {
      if (!shape.hints.some((h) => text.includes(h))) continue;
      for (const m of matchesOf(shape.pattern, text))
        hits.push(hitOf(m.index, m.index + m[0].length, shape.id, 0.97, shape.what));
    }
    const secretCue = cues.has('secret');
    for (const m of secretCue ? matchesOf(KEY_RUN, text) : []) {
      if (m[0].length !== 40 || text[m.index + 40] === '=') continue;
      if (
        /[0-9]/.test(m[0]) &&
        /[A-Z]/.test(m[0]) &&
        /[a-z]/.test(m[0]) &&
        cueBefore(lower, m.index, SECRET_CUE, 70)
      ) {
        hits.push(hitOf(m.index, m.index + 40, 'pii.credentials.secret_key', 0.9, 'A secret key'));
      }
    }
    const patterns = [];
    if (cues.has('cued') || (cues.has('api') && cues.has('key'))) patterns.push(CUED_VALUE);
    if (cues.has('slash') && text.includes('/')) patterns.push(SLASH_PAIR);
    for (const pattern of patterns) {
      for (const m of matchesOf(pattern, lower)) {
        const [start, rawEnd] = m.indices?.groups?.value as [number, number];
        const raw = text.slice(start, rawEnd);
        // Trailing sentence punctuation is not part of a password ("… is hunter2." ), but "!" inside a long one is.
        const value = raw.slice(0, trailingRunStart(raw, '.,:;?'));
        const cueWord = pattern === CUED_VALUE ? (CUE_WORD.exec(m[0])?.[0] ?? '') : 'password';
        if (!looksSecret(value, cueWord)) continue;
        hits.push(
          hitOf(start, start + value.length, 'pii.credentials.cued', 0.9, 'A password or access code'),
        );
      }
    }
    return hits;
  },
};
