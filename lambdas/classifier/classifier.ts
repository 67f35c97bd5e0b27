import { CATEGORIES } from '../core/categories.js';
import type { Detector } from './detectors/detector.js';
import { runsIn, setDigitRuns } from './detectors/digit-runs.js';
import { WordCueTable } from './detectors/word-cues.js';
import { type CompiledLexicon, compileLexicon, type LexiconBundle } from './lexicon-compile.js';
import { LexiconMatcher } from './lexicon-match.js';
import { normalise } from './normalise.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { TokenScratch, tokenise } from './tokenise.js';
import { applyTuning } from './tuning.js';
import type { Candidate, Finding, ScanRecord, Tuning } from './types.js';

export interface Classifier {
  /** Findings for one text, offsets into that text, sorted by start. */
  scanText(text: string, tuning?: Tuning): Finding[];
  /** Notes: the text; leads: every text field, each finding carrying its field name. */
  scanRecord(record: ScanRecord, tuning?: Tuning): Finding[];
}

export type ClassifierOptions = (
  | { lexicons: LexiconBundle }
  /** Already compiled, e.g. restored from the build-time snapshot (lexicon-snapshot.ts). */
  | { compiled: CompiledLexicon }
) & { detectors: readonly Detector[] };

/**
 * Builds the matcher once; the returned classifier is reusable across scans. It keeps a cache of the
 * words it has read and scratch space for one note, which is safe because a scan is synchronous:
 * two scans never overlap.
 */
export function createClassifier(options: ClassifierOptions): Classifier {
  const lexicon = 'compiled' in options ? options.compiled : compileLexicon(options.lexicons);
  const { detectors } = options;
  const wordCues = new WordCueTable(detectors);
  const matcher = new LexiconMatcher(lexicon, (word) => wordCues.bitsOf(word));
  // Scans are synchronous and nothing keeps a note's tokens past its scan.
  const scratch = new TokenScratch();

  function scanText(text: string, tuning?: Tuning): Finding[] {
    if (text.length === 0) return [];
    const view = normalise(text);
    const tokens = tokenise(view.lower, matcher.words, scratch);
    // The number detectors' digit runs, read from the words with digits (the tokeniser's units of
    // `lower` have the same digits and separators as `text`).
    setDigitRuns(view, runsIn(scratch.units.current, view.lower.length, scratch.digitWords));
    const candidates: Candidate[] = [];
    const read = matcher.read(view.lower, tokens, view.text, scratch.digitWords);
    for (const c of read.candidates) candidates.push(toOriginal(c, view));
    for (let d = 0; d < detectors.length; d++) {
      const detector = detectors[d] as Detector;
      for (const hit of detector.detect(view, wordCues.cuesFor(d, read.cueBits))) {
        candidates.push({
          category: hit.category ?? detector.category,
          start: view.origStart(hit.start),
          end: view.origEnd(hit.end),
          severity: hit.severity ?? CATEGORIES[hit.category ?? detector.category].severity,
          confidence: hit.confidence,
          ruleId: hit.ruleId,
          message: hit.message,
          suggestion: hit.suggestion,
        });
      }
    }
    return resolveOverlaps(applyTuning(withoutPlaceholders(candidates, text), text, tuning));
  }

  function scanRecord(record: ScanRecord, tuning?: Tuning): Finding[] {
    if (record.kind === 'note') return scanText(record.text, tuning);
    const findings: Finding[] = [];
    for (const [field, value] of Object.entries(record.fields)) {
      if (typeof value !== 'string') continue;
      for (const f of scanText(value, tuning)) findings.push({ ...f, field });
    }
    return findings;
  }

  return { scanText, scanRecord };
}

/** A candidate of the matcher (its own object) with offsets into the original text. */
function toOriginal(c: Candidate, view: ReturnType<typeof normalise>): Candidate {
  const start = view.origStart(c.start);
  const end = view.origEnd(c.end);
  // Most notes are their own view (plain ASCII): the offsets stand, and the candidate needs no copy.
  if (start === c.start && end === c.end) return c;
  return { ...c, start, end };
}

// What redaction writes. A redacted note written back to the CRM comes back through the webhook:
// its placeholders must not be found again ("pw is [REDACTED:credentials]" is not a password).
const PLACEHOLDER = /\[REDACTED:[a-z_]+\]/g;

/** Drops candidates that overlap a redaction placeholder in the original text. */
function withoutPlaceholders(candidates: Candidate[], text: string): Candidate[] {
  if (!text.includes('[REDACTED:')) return candidates;
  const ranges = [...text.matchAll(PLACEHOLDER)].map((m) => [m.index, m.index + m[0].length] as const);
  return candidates.filter((c) => !ranges.some(([s, e]) => c.start < e && c.end > s));
}
