import type { CategoryId } from '../core/categories.js';

interface Span {
  category: CategoryId;
  start: number;
  end: number;
}

/** Replaces every finding's span with `[REDACTED:category]`; findings must not overlap (the classifier guarantees it). */
export function redactText(text: string, findings: readonly Span[]): string {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    out += `${text.slice(at, f.start)}[REDACTED:${f.category}]`;
    at = f.end;
  }
  return out + text.slice(at);
}

const WORD = /[\p{L}\p{N}]+/gu;
const DIGIT = /\p{N}/u;

/** Masks one flagged span: numbers keep their last 4 digits (of 8+), words their first and last letter (of 4+), secrets nothing. */
export function maskSpan(span: string, category: CategoryId): string {
  if (category === 'credentials') return '********';
  return span.replace(WORD, (word) => {
    const digits = [...word].filter((c) => DIGIT.test(c)).length;
    if (digits * 2 >= word.length)
      return word.length >= 8 ? '*'.repeat(word.length - 4) + word.slice(-4) : '*'.repeat(word.length);
    const chars = [...word];
    if (chars.length < 4) return '*'.repeat(chars.length);
    return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
  });
}

/**
 * What we store instead of the flagged text: the masked span with a couple of words either side
 * for context, every other finding in that window masked too. Never the raw span.
 */
export function maskedPreview(
  text: string,
  finding: Span,
  all: readonly Span[] = [finding],
  words = 2,
): string {
  let from = finding.start;
  for (let n = 0; n < words && from > 0; n++) {
    const before = text.slice(0, from).replace(/[\s]+$/u, '');
    const cut = before.search(/\S+$/u);
    if (cut < 0) break;
    from = cut;
  }
  let to = finding.end;
  for (let n = 0; n < words && to < text.length; n++) {
    const m = /^\s*\S+/u.exec(text.slice(to));
    if (!m) break;
    to += m[0].length;
  }
  const inside = all.filter((f) => f.end > from && f.start < to).sort((a, b) => a.start - b.start);
  let out = '';
  let at = from;
  for (const f of inside) {
    const s = Math.max(f.start, at);
    const e = Math.min(f.end, to);
    if (e <= s) continue;
    out += text.slice(at, s) + maskSpan(text.slice(s, e), f.category);
    at = e;
  }
  out += text.slice(at, to);
  return `${from > 0 ? '…' : ''}${out.replace(/\s+/gu, ' ').trim()}${to < text.length ? '…' : ''}`;
}
