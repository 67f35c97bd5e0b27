/**
 * Context cues: is one of the cue words within `window` characters before (or after) a span?
 * Cues are regexes matched against the lower-cased text, so they stay data-like and testable.
 */
export function cueBefore(lower: string, start: number, cue: RegExp, window = 40): boolean {
  return cue.test(lower.slice(Math.max(0, start - window), start));
}

export function cueAfter(lower: string, end: number, cue: RegExp, window = 30): boolean {
  return cue.test(lower.slice(end, end + window));
}

/** The digits of a span, separators dropped. */
export function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** Characters a number may be split with: space, dot, dash, a line break. */
export const SEP = '[ .\\-\\n\\u00a0]';
