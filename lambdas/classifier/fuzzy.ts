/**
 * One-edit misspellings of long lexicon words ("pregnent", "alcoholc"). The index is just the set
 * of words: a lookup spells out every string one edit (insert, delete, substitute, swap) away from
 * the token and keeps those that are words. That costs a few hundred set lookups per new token
 * (the matcher caches tokens), and building the index costs nothing at a cold start.
 */
export const FUZZY_MIN_LENGTH = 8;

const WORD = /^[a-z]+$/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export class FuzzyIndex {
  private readonly known = new Set<string>();

  add(word: string): void {
    if (word.length >= FUZZY_MIN_LENGTH && WORD.test(word)) this.known.add(word);
  }

  /** The words the index holds, in the order added (what a lexicon snapshot stores). */
  words(): string[] {
    return [...this.known];
  }

  /** The lexicon word within one edit of `token` (same first letter), if exactly one. */
  lookup(token: string): string | undefined {
    if (token.length < FUZZY_MIN_LENGTH || token.length > 64 || !WORD.test(token)) return undefined;
    let found: string | undefined;
    let ambiguous = false;
    const consider = (candidate: string) => {
      if (candidate === token || candidate[0] !== token[0] || !this.known.has(candidate)) return;
      if (found !== undefined && found !== candidate) ambiguous = true;
      found = candidate;
    };
    const n = token.length;
    for (let i = 0; i <= n; i++) {
      const head = token.slice(0, i);
      const tail = token.slice(i);
      for (const c of LETTERS) consider(head + c + tail); // insertion
      if (i === n) break;
      const rest = token.slice(i + 1);
      consider(head + rest); // deletion
      for (const c of LETTERS) consider(head + c + rest); // substitution
      if (i + 1 < n) consider(head + (token[i + 1] as string) + (token[i] as string) + token.slice(i + 2)); // swap
    }
    return ambiguous ? undefined : found;
  }
}
