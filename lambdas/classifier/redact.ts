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

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
const KEEPS_LAST_FOUR = new Set<CategoryId>(['payment_card', 'bank_account', 'personal_contact']);

/** Masks one flagged span: card/account/phone numbers keep their last 4 digits (of 8+), words their first and last letter (of 4+), secrets nothing. */
export function maskSpan(span: string, category: CategoryId): string {
  if (category === 'credentials') return '********';
  const chars = [...span];
  const digits = chars.filter((c) => DIGIT.test(c)).length;
  const alnum = chars.filter((c) => LETTER_OR_DIGIT.test(c)).length;
  if (digits * 2 >= alnum) {
    // Cards, accounts and phones keep the last 4 digits of a long number, as receipts do; ids and
    // birth dates keep nothing (an SSN's last 4 is itself used to authenticate).
    let keep = digits >= 8 && KEEPS_LAST_FOUR.has(category) ? 4 : 0;
    const out = chars.reverse().map((c) => {
      if (!LETTER_OR_DIGIT.test(c)) return c;
      if (keep > 0 && DIGIT.test(c)) {
        keep--;
        return c;
      }
      return '*';
    });
    return out.reverse().join('');
  }
  return span.replace(WORD, (word) => {
    const letters = [...word];
    if (letters.length < 4) return '*'.repeat(letters.length);
    return letters[0] + '*'.repeat(letters.length - 2) + letters[letters.length - 1];
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
    const m = /^[^\p{L}\p{N}]*[\p{L}\p{N}]\S*/u.exec(text.slice(to));
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
