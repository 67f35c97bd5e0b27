import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultClassifier, type Finding } from '../../lambdas/classifier/index.js';
import { redactText } from '../../lambdas/classifier/redact.js';
import { CATEGORY_IDS } from '../../lambdas/core/categories.js';
import { ScanRunner } from './support/scan-runner.js';

// Property-based tests of the classifier and its redaction on adversarial text. The seed is fixed so
// a run is repeatable; NOTEGUARD_FC_SEED / NOTEGUARD_FC_RUNS explore further (`npm run stress` does).
const SEED = Number(process.env.NOTEGUARD_FC_SEED ?? 20261102);
const RUNS = Number(process.env.NOTEGUARD_FC_RUNS ?? 250);
const params = { seed: SEED, numRuns: RUNS, endOnFailure: true } as const;

const classifier = defaultClassifier();

// ---------------------------------------------------------------------------------------------
// Generators: note-like text made of sensitive phrases, filler, and everything Unicode can throw.

const SENSITIVE = [
  'She is pregnant',
  'he is a moron',
  'party animal',
  'SSN 536-22-8471',
  'card 4111 1111 1111 1111',
  'pw is Summer2024!',
  'password: hunter2x',
  'IBAN GB82 WEST 1234 5698 7654 32',
  'DOB 04/22/1956',
  'born in 1961',
  'his personal cell 415-555-0134',
  'dana.rep@gmail.com',
  'he is gay',
  'she is a lesbian',
  'union member',
  'was arrested for DUI',
  'undocumented immigrant',
  'going through a nasty divorce',
  'behind on rent',
  'devout Muslim',
  'votes Republican',
  'fat and ugly',
  'heavy drinker',
  'fucking idiot',
  'is 67 years old',
  'out for chemo',
  'AKIAIOSFODNN7EXAMPLE',
  'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  'UK NI QQ 12 34 56 C',
  'm0r0n',
  'p r e g n a n t',
];
const FILLER = [
  'Met Dana',
  'deal will slip',
  'renewal approved',
  'PO next week',
  'call back',
  'ok',
  'the',
  'a',
];
const SEPARATORS = [' ', '  ', '. ', ', ', '\n', '\t', ' - ', '! ', '? ', '; ', '…', '\r\n'];

/** One "unit" of hostile Unicode. */
const hostileUnit = fc.oneof(
  // lone surrogates (high or low), which no well-formed string has
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  // combining marks, several on one base letter
  fc
    .array(fc.integer({ min: 0x300, max: 0x36f }), { minLength: 1, maxLength: 6 })
    .map((cs) => `e${String.fromCharCode(...cs)}`),
  // right-to-left text, with and without the RLO/LRO overrides and isolates
  fc.constantFrom('שלום', 'مرحبا', '\u202Eevil\u202C', '\u2067טקסט\u2069', 'ﻻ', '\u200F'),
  // emoji: ZWJ families, skin tones, flags, keycaps, variation selectors
  fc.constantFrom('👨‍👩‍👧‍👦', '👍🏽', '🇬🇧', '1️⃣', '🤰', '❤️', '🏳️‍🌈', '🧑🏿‍🦯'),
  // zero-width and invisible characters, BOM, NUL and other controls
  fc.constantFrom('\u200B', '\u200D', '\uFEFF', '\u00AD', '\u2060', '\u0000', '\u0007', '\u001B'),
  // full-width letters, Cyrillic/Greek look-alikes, ligatures that NFKC expands
  fc.constantFrom('ｐｒｅｇｎａｎｔ', 'сancer', 'ﬁnance', 'ﷺ', 'Å', 'İstanbul', 'ß', 'ǅ', '㎏'),
  // any code point at all
  fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
);

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SENSITIVE) },
  { weight: 3, arbitrary: fc.constantFrom(...FILLER) },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 3, arbitrary: hostileUnit },
);

/** Note-like text: sensitive phrases and filler interleaved with hostile Unicode. */
const noteText = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''));
/** Anything: arbitrary UTF-16 code units, lone surrogates included. */
const anyText = fc.string({
  unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), hostileUnit),
  maxLength: 200,
});
const text = fc.oneof(noteText, anyText);

// ---------------------------------------------------------------------------------------------

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Offset `i` does not split a surrogate pair. */
const onCodePointBoundary = (s: string, i: number) =>
  i <= 0 || i >= s.length || !(isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i)));

function checkFindings(s: string, findings: Finding[]): void {
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(s.length);
    expect(onCodePointBoundary(s, f.start), `start ${f.start} splits a surrogate pair`).toBe(true);
    expect(onCodePointBoundary(s, f.end), `end ${f.end} splits a surrogate pair`).toBe(true);
    expect(CATEGORY_IDS).toContain(f.category);
    expect(f.confidence).toBeGreaterThanOrEqual(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
  }
  // Sorted by start and never overlapping (redaction relies on it).
  for (let i = 1; i < findings.length; i++) {
    expect((findings[i] as Finding).start).toBeGreaterThanOrEqual((findings[i - 1] as Finding).end);
  }
}

/** Where each finding's placeholder sits in the redacted text (redaction keeps everything else). */
function placeholderRegions(findings: Finding[]) {
  const regions: { finding: Finding; start: number; end: number }[] = [];
  let shift = 0;
  for (const f of findings) {
    const placeholder = `[REDACTED:${f.category}]`;
    const start = f.start + shift;
    regions.push({ finding: f, start, end: start + placeholder.length });
    shift += placeholder.length - (f.end - f.start);
  }
  return regions;
}

/** The redacted text, rebuilt independently of redactText: unflagged text and one placeholder per finding. */
function expectedRedaction(s: string, findings: Finding[]): string {
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += `${s.slice(at, f.start)}[REDACTED:${f.category}]`;
    at = f.end;
  }
  return out + s.slice(at);
}

describe('classifier properties (fast-check)', () => {
  it('never throws, and every finding is inside the text, on code-point boundaries, sorted and disjoint', () => {
    fc.assert(
      fc.property(text, (s) => {
        checkFindings(s, classifier.scanText(s));
      }),
      params,
    );
  });

  it('lead records: every field scanned the same as on its own, offsets inside that field', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), text, { maxKeys: 4 }),
        (fields) => {
          const found = classifier.scanRecord({ id: 'x', kind: 'lead', fields });
          for (const [name, value] of Object.entries(fields)) {
            const mine = found.filter((f) => f.field === name).map(({ field: _f, ...rest }) => rest);
            expect(mine).toEqual(classifier.scanText(value));
            checkFindings(value, mine);
          }
          expect(found.every((f) => f.field !== undefined && Object.hasOwn(fields, f.field))).toBe(true);
        },
      ),
      { ...params, numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('is deterministic: the same text (even a fresh copy of it) gives the same findings', () => {
    fc.assert(
      fc.property(text, (s) => {
        const first = classifier.scanText(s);
        const copy = [...s].join('');
        expect(classifier.scanText(copy)).toEqual(first);
        expect(classifier.scanText(s)).toEqual(first);
      }),
      params,
    );
  });

  it('answers quickly for every generated text', () => {
    let slowest = 0;
    fc.assert(
      fc.property(text, (s) => {
        const started = performance.now();
        classifier.scanText(s);
        slowest = Math.max(slowest, performance.now() - started);
      }),
      params,
    );
    // Generated texts are under ~2 KB: even a loaded CI machine scans them in well under this.
    expect(slowest).toBeLessThan(500);
  });

  it('redaction removes every flagged span, and re-scanning the redacted text finds none of the same findings', () => {
    fc.assert(
      fc.property(text, (s) => {
        const findings = classifier.scanText(s);
        const redacted = redactText(s, findings);
        // Exactly the unflagged text with one placeholder per finding: no flagged character survives.
        expect(redacted).toBe(expectedRedaction(s, findings));
        const regions = placeholderRegions(findings);
        for (const r of regions) {
          expect(redacted.slice(r.start, r.end)).toBe(`[REDACTED:${r.finding.category}]`);
        }
        const again = classifier.scanText(redacted);
        checkFindings(redacted, again);
        for (const f of again) {
          for (const r of regions) {
            if (f.category !== r.finding.category || f.end <= r.start || f.start >= r.end) continue;
            // KNOWN CLASSIFIER BUG (reported, see "placeholders" below): some categories flag the
            // words of their own placeholder ("[REDACTED:sexual_orientation]"), and "credentials"
            // in "[REDACTED:credentials]" is a cue word, so the text after it is flagged as a
            // password ("[REDACTED:credentials]…okhe" → "]…okhe"). A finding that starts inside a
            // placeholder is that bug, tracked by its own test; one that starts in the text around
            // one is the same finding found again, and fails here.
            if (regions.some((p) => f.start >= p.start && f.start < p.end)) continue;
            expect.fail(
              `re-scan found ${f.category} again at ${f.start}-${f.end} (${JSON.stringify(
                redacted.slice(f.start, f.end),
              )}) in ${JSON.stringify(redacted)}`,
            );
          }
        }
      }),
      params,
    );
  });
});

describe('adversarial inputs (explicit)', () => {
  const MB = 1 << 20;
  // Scanned in a child process with a deadline, so a runaway scan fails the test instead of hanging it.
  const runner = new ScanRunner();
  afterAll(() => runner.kill());

  async function scanRepeated(unit: string, count: number, deadlineMs: number) {
    const outcome = await runner.scan({ unit, count }, deadlineMs);
    if ('timedOut' in outcome) {
      expect.fail(`${count} × ${JSON.stringify(unit)} was still scanning after ${deadlineMs} ms`);
    }
    expect(outcome.error).toBeUndefined();
    const s = unit.repeat(count);
    checkFindings(s, outcome.findings as Finding[]);
    return outcome;
  }

  // 1 MB of one repeated character (or code point). This machine: 0.1–1.5 s each; the deadline
  // leaves room for a loaded CI machine.
  it.each([
    ['a', 'a', MB],
    ['space', ' ', MB],
    ['digit', '7', MB],
    ['combining acute accent', '\u0301', MB],
    ['emoji (surrogate pairs)', '🤰', MB / 2],
    ['lone high surrogate', '\uD800', MB],
    ['zero-width joiner', '\u200D', MB],
  ])('1 MB of %s: returns within the deadline, no finding out of bounds', async (_name, unit, count) => {
    await scanRepeated(unit, count, 10_000);
  });

  // KNOWN CLASSIFIER BUG (reported, not fixed here: lambdas/classifier/ is being changed by the
  // classifier work): a long run of one consonant or non-Latin letter ("b", Hebrew, CJK, Arabic)
  // is one huge token, and the Porter stemmer's unanchored /[^aeiouy]+y/ is quadratic on it: 16 K
  // "b" take 0.7 s, 64 K Hebrew letters 20 s, 1 MB does not finish in practice. Fix: do not stem
  // tokens longer than any real word. `npm run stress` measures these (with a deadline); add them
  // to the list above once fixed.

  it('emoji sequences, RTL overrides and lone surrogates around real findings keep exact offsets', () => {
    const s = '\u202E👨‍👩‍👧‍👦 \uDC00She is pregnant\uD800. 🇬🇧 SSN 536-22-8471 ‮ שלום';
    const findings = classifier.scanText(s);
    checkFindings(s, findings);
    expect(findings.map((f) => [f.category, s.slice(f.start, f.end)])).toEqual([
      ['health', 'pregnant'],
      ['government_id', '536-22-8471'],
    ]);
  });

  // Found by the re-scan property with NOTEGUARD_FC_RUNS=3000: a password run into a key yields
  // two overlapping credentials candidates; both secrets must go.
  it('a password run into an access key is redacted whole', () => {
    const s = 'Met Dana. pw is Summer2024!AKIAIOSFODNN7EXAMPLE';
    const redacted = redactText(s, classifier.scanText(s));
    expect(redacted).not.toContain('Summer2024');
    expect(classifier.scanText(redacted)).toEqual([]);
  });

  // The placeholder redaction writes must never be flagged itself: a redacted note written back to
  // the CRM comes back through the webhook.
  it('placeholders: no "[REDACTED:<category>]" written by redaction is ever flagged', () => {
    const hits: string[] = [];
    for (const id of CATEGORY_IDS) {
      for (const s of [
        `He said [REDACTED:${id}] today.`,
        `pw is [REDACTED:${id}]`,
        `; [REDACTED:${id}]\u2067טקסט\u2069 - `,
        `[REDACTED:${id}]…okhe is a [REDACTED:derogatory]`,
      ]) {
        for (const f of classifier.scanText(s)) hits.push(`${f.category}: ${s.slice(f.start, f.end)}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
