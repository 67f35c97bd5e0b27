// The context rules of lexicon entries (`precededBy`, `unlessNear`, `needsPerson`, …), checked on
// a hit of the matcher against the words around it, in its sentence.
import type { CompiledContext, CompiledLexicon } from './lexicon-compile.js';
import type { TokenKeys } from './lexicon-match.js';
import { type PhraseSet, startingWith } from './phrase-set.js';
import { isCapitalised, type Token } from './tokenise.js';

/** A hit's words: token range [first, last). */
export interface HitSpan {
  first: number;
  last: number;
}

/** A note as the context rules read it. */
export interface Reading {
  /** The normalised text in its own case, for telling names. */
  text: string;
  tokens: readonly Token[];
  keys: readonly TokenKeys[];
  lexicon: CompiledLexicon;
}

/** Does sequence `id` of the table continue from token j + 1 (its first key read at j)? */
function continues(r: Reading, id: number, j: number, sentence: number): number {
  const seq = r.lexicon.sequences.sequences[id] as string[];
  for (let k = 1; k < seq.length; k++) {
    const other = r.keys[j + k];
    if (other === undefined || (r.tokens[j + k] as Token).sentence !== sentence) return -1;
    if (!other.keys.includes(seq[k] as string)) return -1;
  }
  return j + seq.length;
}

/** Where a phrase of `set` starting at token j ends (reading each token every way it can be read), or -1. */
function startsAt(set: PhraseSet, r: Reading, j: number): number {
  const tk = r.keys[j];
  if (!tk) return -1;
  const sentence = (r.tokens[j] as Token).sentence;
  const table = r.lexicon.sequences;
  for (const first of tk.keys) {
    for (const id of startingWith(set, table, first)) {
      const end = continues(r, id, j, sentence);
      if (end !== -1) return end;
    }
  }
  return -1;
}

/** Does a phrase of `set` end right before token `end`, within `sentence`? */
function endsAt(set: PhraseSet, r: Reading, end: number, sentence: number): boolean {
  for (let j = end - 1; j >= 0 && j >= end - set.longest; j--) {
    if ((r.tokens[j] as Token).sentence !== sentence) return false;
    for (const first of (r.keys[j] as TokenKeys).keys) {
      for (const id of startingWith(set, r.lexicon.sequences, first)) {
        if (continues(r, id, j, sentence) === end) return true;
      }
    }
  }
  return false;
}

/** Is token j in the note and in `sentence`? */
function inSentence(tokens: readonly Token[], j: number, sentence: number): boolean {
  return j >= 0 && j < tokens.length && (tokens[j] as Token).sentence === sentence;
}

/** Does a phrase of `set` start within `w` words of the hit (not inside it), in its sentence? */
function near(set: PhraseSet, r: Reading, hit: HitSpan, w: number, sentence: number): boolean {
  for (let j = hit.first - w; j < hit.last + w; j++) {
    if (j >= hit.first && j < hit.last) continue;
    if (inSentence(r.tokens, j, sentence) && startsAt(set, r, j) !== -1) return true;
  }
  return false;
}

// Plain functions, not closures: a scan checks a few contexts a note and made two closures for each.
export function contextAllows(ctx: CompiledContext, r: Reading, hit: HitSpan): boolean {
  const { tokens } = r;
  const sentence = (tokens[hit.first] as Token).sentence;
  if (ctx.precededBy && !endsAt(ctx.precededBy, r, hit.first, sentence)) return false;
  if (
    ctx.followedBy &&
    !(inSentence(tokens, hit.last, sentence) && startsAt(ctx.followedBy, r, hit.last) !== -1)
  )
    return false;
  const w = ctx.window;
  if (ctx.unlessFollowedBy) {
    for (let j = hit.last; j < hit.last + w && inSentence(tokens, j, sentence); j++) {
      if (startsAt(ctx.unlessFollowedBy, r, j) !== -1) return false;
    }
  }
  if (ctx.unlessPrecededBy) {
    // A phrase that ends right before the match, or within the window before it.
    for (let j = hit.first - 1; j >= hit.first - w - 3 && inSentence(tokens, j, sentence); j--) {
      const end = startsAt(ctx.unlessPrecededBy, r, j);
      if (end !== -1 && end <= hit.first && end >= hit.first - w + 1) return false;
    }
  }
  if (ctx.unlessNear && near(ctx.unlessNear, r, hit, w, sentence)) return false;
  if (ctx.requireNear && !near(ctx.requireNear, r, hit, w, sentence)) return false;
  if (ctx.needsPerson && !hasPerson(r, hit, sentence)) return false;
  return true;
}

// A capitalised first word followed by one of these is probably a name as subject ("Dana has cancer").
// "is"/"was" are left out: "Acme is being sued" reads the same as "Dana is pregnant", and a company
// must not pass for a person.
const NAME_FOLLOWERS = new Set(['s', 'has', 'had', 'said', 'says', 'told', 'just', 'recently']);

/** A pronoun, a person noun or a capitalised name in the sentence, outside the match itself. */
function hasPerson(r: Reading, hit: HitSpan, sentence: number): boolean {
  const { tokens } = r;
  let j = hit.first;
  while (j > 0 && (tokens[j - 1] as Token).sentence === sentence) j--;
  const sentenceStart = j;
  for (; j < tokens.length && (tokens[j] as Token).sentence === sentence; j++) {
    if (j >= hit.first && j < hit.last) continue;
    const t = tokens[j] as Token;
    // A merged spelled-out word ("r e h a b") is no name.
    const capitalised = !t.spelled && isCapitalised(r.text, t.start);
    if (capitalised && (j !== sentenceStart || NAME_FOLLOWERS.has(tokens[j + 1]?.surface ?? ''))) return true;
    if (startsAt(r.lexicon.personKeys, r, j) !== -1) return true;
  }
  return false;
}
