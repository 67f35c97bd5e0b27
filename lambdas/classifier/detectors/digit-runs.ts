// The number detectors (SSN, card, NI number) each ran a regex over the whole note: a µs per 1 KB
// note for each pass, though most notes hold only short numbers. The tokeniser notes where the words
// with digits start; from there one short walk finds the runs of digits a long number could lie in,
// and each regex is tried only where such a run starts a group of digits.
import type { NormalisedText } from '../normalise.js';
import { isDigit, tryAt } from '../pattern-scan.js';
import { Utf16Units } from '../utf16-units.js';

/**
 * Digits joined by up to three separators (space, dot, dash, line break) in a row: "536-22-8471",
 * "4111 1111 1111 1111", "5 4 9 - 9 6". Every number the detectors look for lies inside one run:
 * their own separators are among these and never more than three in a row.
 */
export interface DigitRun {
  start: number;
  end: number;
  /** How many digits it has. */
  digits: number;
}

/** Runs with fewer digits are not kept: the shortest number a detector reads from runs has 6. */
export const MIN_RUN_DIGITS = 6;

function isSeparator(c: number): boolean {
  return c === 32 || c === 46 || c === 45 || c === 10;
}

/**
 * The runs of at least 6 digits that start inside the spans `spans` (start, end pairs, ascending) of
 * the first `length` units of `u`; a run may go on past its span. Given the whole text as one span, every run; given the words
 * that hold a digit (every digit is in one), the same runs for far fewer characters read.
 */
export function runsIn(u: Uint16Array, length: number, spans: readonly number[]): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const spanEnd = spans[k + 1] as number;
    i = Math.max(i, spans[k] as number);
    while (i < spanEnd) {
      if (!isDigit(u[i] as number)) {
        i++;
        continue;
      }
      // A run starts here: had a digit before it been within reach, its run would have reached here.
      const start = i;
      let digits = 0;
      let end = i;
      for (let gap = 0; i < length; i++) {
        const c = u[i] as number;
        if (isDigit(c)) {
          digits++;
          end = i + 1;
          gap = 0;
        } else if (isSeparator(c) && gap < 3) gap++;
        else break;
      }
      if (digits >= MIN_RUN_DIGITS) runs.push({ start, end, digits });
      i = end; // separators after a run's last digit may lead to the next one
    }
  }
  return runs;
}

// The runs of the note being scanned: handed over by the engine, which has its words, or found
// here by reading the whole text when a detector runs on its own (tests, tools).
let lastView: NormalisedText | null = null;
let lastRuns: DigitRun[] = [];
const units = new Utf16Units();

/** The engine's runs for the view it is about to hand the detectors. */
export function setDigitRuns(view: NormalisedText, runs: DigitRun[]): void {
  lastView = view;
  lastRuns = runs;
}

/** The digit runs of `view.text` with at least 6 digits. */
export function digitRuns(view: NormalisedText): DigitRun[] {
  if (view !== lastView)
    setDigitRuns(view, runsIn(units.of(view.text), view.text.length, [0, view.text.length]));
  return lastRuns;
}

/**
 * What a global regex finds, for a sticky one whose every match starts at a digit that follows no
 * digit and holds at least `minDigits` digits, all in one run: it is tried only there, and only
 * while the run has that many digits left, left to right, each try after a match starting where
 * the match ended (as a global regex resumes).
 */
export function matchesInRuns(sticky: RegExp, view: NormalisedText, minDigits: number): RegExpExecArray[] {
  const { text } = view;
  const out: RegExpExecArray[] = [];
  for (const run of digitRuns(view)) {
    if (run.digits < minDigits) continue;
    // Digits of the run before p: a match, whose digits all lie in the run, needs `minDigits` from p on.
    let before = 0;
    for (let p = run.start; p < run.end && run.digits - before >= minDigits; p++) {
      if (!isDigit(text.charCodeAt(p))) continue;
      if (p > run.start && isDigit(text.charCodeAt(p - 1))) {
        before++;
        continue;
      }
      const m = tryAt(sticky, text, p);
      if (m === null) {
        before++;
        continue;
      }
      out.push(m);
      for (let q = p; q < p + m[0].length; q++) if (isDigit(text.charCodeAt(q))) before++;
      p += m[0].length - 1;
    }
  }
  return out;
}
