/**
 * One-edit misspellings of long lexicon words ("pregnent", "alcoholc"), SymSpell style: every
 * word and each of its one-letter deletions point to the word, so a lookup costs one deletion
 * pass over the token, and candidates are confirmed with a real edit-distance check.
 */
export const FUZZY_MIN_LENGTH = 8;

export class FuzzyIndex {
  private readonly index = new Map<string, string[]>();
  /** Words already added: lexicon words repeat across phrases, and adding one twice changes nothing. */
  private readonly added = new Set<string>();

  add(word: string): void {
    if (this.added.has(word)) return;
    this.added.add(word);
    if (word.length < FUZZY_MIN_LENGTH || !/^[a-z]+$/.test(word)) return;
    for (const variant of deletions(word)) {
      const list = this.index.get(variant);
      if (!list) this.index.set(variant, [word]);
      else if (!list.includes(word)) list.push(word);
    }
  }

  /** The lexicon word within one edit (insert, delete, substitute, swap) of `token`, if exactly one. */
  lookup(token: string): string | undefined {
    if (token.length < FUZZY_MIN_LENGTH || !/^[a-z]+$/.test(token)) return undefined;
    let found: string | undefined;
    for (const variant of deletions(token)) {
      for (const word of this.index.get(variant) ?? []) {
        if (word !== token && word[0] === token[0] && withinOneEdit(token, word)) {
          if (found !== undefined && found !== word) return undefined; // ambiguous: don't guess
          found = word;
        }
      }
    }
    return found;
  }
}

function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}
