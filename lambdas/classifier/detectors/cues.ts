/** A character \b counts as part of a word (ASCII letters, digits, "_"). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
}

/**
 * The `window` characters before `start`, less the part of a word the window's edge cuts: a cue is
 * a whole word, and "abcdni" must not pass for "dni" because the window starts at its "d".
 */
export function windowBefore(lower: string, start: number, window: number): string {
  let from = Math.max(0, start - window);
  while (
    from > 0 &&
    from < start &&
    isWordChar(lower.charCodeAt(from - 1)) &&
    isWordChar(lower.charCodeAt(from))
  )
    from++;
  return lower.slice(from, start);
}

/**
 * Context cues: is one of the cue words within `window` characters before a span?
 * Cues are regexes matched against the lower-cased text, so they stay data-like and testable.
 */
export function cueBefore(lower: string, start: number, cue: RegExp, window = 40): boolean {
  return cue.test(windowBefore(lower, start, window));
}

/** Where the run of `chars` that ends `s` starts (`s.length` if it ends in none): `s.replace(/[chars]+$/, '')` without a regex. */
export function trailingRunStart(s: string, chars: string): number {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1] as string)) end--;
  return end;
}

/** The digits of a span, separators dropped. */
export function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** Characters a number may be split with: space, dot, dash, a line break. */
export const SEP = '[ .\\-\\n\\u00a0]';

const NONE: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * Every match of a global regex, found on the shared regex itself: `matchAll` copies the regex on
 * every call, a dozen copies per note. Scans are synchronous, so sharing its lastIndex is safe.
 */
export function matchesOf(re: RegExp, s: string): readonly RegExpExecArray[] {
  if (!re.global) throw new Error(`matchesOf needs a global regex: /${re.source}/${re.flags}`);
  re.lastIndex = 0;
  let m = re.exec(s);
  if (m === null) return NONE;
  const all: RegExpExecArray[] = [];
  while (m !== null) {
    all.push(m);
    if (m[0].length === 0) re.lastIndex++;
    m = re.exec(s);
  }
  return all;
}
