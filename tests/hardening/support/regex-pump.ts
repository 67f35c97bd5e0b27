/**
 * Empirical backtracking checks: run a regex over "pumped" inputs — a word the pattern looks for,
 * then one or two characters repeated, then a character that makes the match fail — and time it.
 */

/** Characters that stand for the usual classes: letters, digits, spaces, punctuation, non-ASCII. */
export const PUMP_CHARS = [
  'a',
  'x',
  'A',
  '1',
  '0',
  ' ',
  '\n',
  '\t',
  '.',
  '-',
  '_',
  '@',
  '/',
  '+',
  '=',
  ':',
  '#',
  '<',
  '>',
  '"',
  "'",
  '(',
  ')',
  '[',
  ']',
  '!',
  '?',
  ',',
  ';',
  '&',
  '*',
  '%',
  '\\',
  'é',
  '\u00a0',
  'ש',
];
export const PUMP_PAIRS = [
  'a ',
  '1 ',
  'a.',
  '1-',
  'a@',
  'a-',
  '1.',
  'a/',
  'a1',
  '<a',
  'a=',
  ' -',
  '.1',
  'ab',
];
const SUFFIXES = ['', '!', '\u0000'];

/** Words a pattern looks for (its literal letter runs), so the pump starts where matching does. */
export function literalWords(source: string, max = 4): string[] {
  const words = new Set<string>();
  for (const m of source.replace(/\\[a-zA-Z]/g, ' ').matchAll(/[a-zA-Z][a-zA-Z' ]{1,30}/g)) {
    const w = m[0].trim();
    if (w.length >= 2) words.add(w);
    if (words.size >= max) break;
  }
  return [...words];
}

/** Every pumped input of `n` repetitions for `source` (prefix × pump × suffix). */
export function pumpedInputs(source: string, n: number): string[] {
  const prefixes = ['', ...literalWords(source).flatMap((w) => [w, `${w} `, `${w}:`])];
  const out: string[] = [];
  for (const prefix of prefixes)
    for (const pump of [...PUMP_CHARS, ...PUMP_PAIRS])
      for (const suffix of SUFFIXES) out.push(prefix + pump.repeat(n) + suffix);
  return out;
}

/** Milliseconds to run `re` over `input` the way the code does (every match for a global regex). */
export function timeRegex(re: RegExp, input: string): number {
  const started = performance.now();
  if (re.global) {
    re.lastIndex = 0;
    for (const _ of input.matchAll(re));
  } else re.test(input);
  return performance.now() - started;
}

/**
 * Catastrophic (exponential) backtracking shows at a few dozen characters: 2^30 steps take seconds.
 * Returns the slowest pumped input of `n` repetitions and its time (the first over `stopAboveMs`).
 */
export function slowestPump(
  re: RegExp,
  n: number,
  stopAboveMs = Number.POSITIVE_INFINITY,
): { input: string; ms: number } {
  let worst = { input: '', ms: 0 };
  for (const input of pumpedInputs(re.source, n)) {
    const ms = timeRegex(re, input);
    if (ms > worst.ms) worst = { input, ms };
    if (ms > stopAboveMs) break;
  }
  return worst;
}
