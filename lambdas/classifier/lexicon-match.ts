import type { CategoryId } from '../core/categories.js';
import type { CompiledContext, CompiledLexicon, Mask, PhraseSet, Rule, TrieNode } from './lexicon-compile.js';
import { deLeet } from './lexicon-compile.js';
import { stem } from './stem.js';
import type { Token } from './tokenise.js';
import type { Candidate } from './types.js';

/** How a token was read: as written, as leetspeak, or as a misspelling of a lexicon word. */
type KeyKind = 0 | 1 | 2;
const KIND_CONFIDENCE = [1, 0.95, 0.75] as const;

interface TokenKeys {
  keys: string[];
  kinds: KeyKind[];
}

const CACHE_LIMIT = 50_000;

/** Matches lexicon phrases over stems; one instance per compiled lexicon (it caches token keys). */
export class LexiconMatcher {
  private readonly cache = new Map<string, TokenKeys>();

  constructor(private readonly lexicon: CompiledLexicon) {}

  private keysOf(surface: string): TokenKeys {
    const cached = this.cache.get(surface);
    if (cached) return cached;
    const { vocabulary, fuzzy } = this.lexicon;
    const primary = stem(surface);
    const result: TokenKeys = { keys: [primary], kinds: [0] };
    const leet = deLeet(surface);
    if (leet !== null) {
      const leetKey = stem(leet);
      if (leetKey !== primary) {
        result.keys.push(leetKey);
        result.kinds.push(1);
      }
    }
    if (!result.keys.some((k) => vocabulary.has(k))) {
      const word = fuzzy.lookup(leet ?? surface);
      if (word !== undefined) {
        result.keys.push(stem(word));
        result.kinds.push(2);
      }
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(surface, result);
    return result;
  }

  match(lower: string, tokens: readonly Token[], text: string = lower): Candidate[] {
    const keys = tokens.map((t) => this.keysOf(t.surface));
    const hits: Hit[] = [];
    const masks: MaskHit[] = [];
    for (let i = 0; i < tokens.length; i++) this.walk(tokens, keys, i, hits, masks);
    for (const { rule, regex, anchors, caseSensitive } of this.lexicon.patterns) {
      if (anchors.length > 0 && !anchors.some((a) => lower.includes(a))) continue;
      for (const m of (caseSensitive ? text : lower).matchAll(regex)) {
        const span = m.indices?.groups?.hit ?? [m.index, m.index + m[0].length];
        const [first, last] = tokenRange(tokens, span[0], span[1]);
        if (first > last) continue;
        hits.push({ rule, first, last: last + 1, start: span[0], end: span[1], confidence: rule.confidence });
      }
    }
    const out: Candidate[] = [];
    for (const hit of hits) {
      if (masks.some((m) => masked(m, hit))) continue;
      if (hit.rule.context && !contextAllows(hit.rule.context, tokens, keys, hit, this.lexicon.personKeys))
        continue;
      const { rule } = hit;
      out.push({
        category: rule.category,
        start: hit.start,
        end: hit.end,
        severity: rule.severity,
        confidence: hit.confidence,
        ruleId: rule.id,
        message: rule.note,
        suggestion: rule.suggestion,
      });
    }
    return out;
  }

  /** Every phrase that starts at token i; a token may be read several ways (as written, leet, fuzzy). */
  private walk(tokens: readonly Token[], keys: TokenKeys[], i: number, hits: Hit[], masks: MaskHit[]): void {
    const root = this.lexicon.root;
    const first = keys[i] as TokenKeys;
    // Fast path: most words start no phrase at all.
    let any = false;
    for (const k of first.keys) if (root.next.has(k)) any = true;
    if (!any) return;
    let frontier: { node: TrieNode; factor: number }[] = [{ node: root, factor: 1 }];
    for (let j = i; j < keys.length && frontier.length > 0; j++) {
      const tk = keys[j] as TokenKeys;
      const next: { node: TrieNode; factor: number }[] = [];
      for (const state of frontier) {
        for (let k = 0; k < tk.keys.length; k++) {
          const child = state.node.next.get(tk.keys[k] as string);
          if (!child) continue;
          const factor = state.factor * KIND_CONFIDENCE[tk.kinds[k] as KeyKind];
          next.push({ node: child, factor });
          for (const rule of child.rules) {
            const start = (tokens[i] as Token).start;
            const end = (tokens[j] as Token).end;
            hits.push({ rule, first: i, last: j + 1, start, end, confidence: rule.confidence * factor });
          }
          for (const mask of child.masks) masks.push({ mask, first: i, last: j + 1 });
        }
      }
      frontier = next;
    }
  }
}

interface Hit {
  rule: Rule;
  /** Token range [first, last). */
  first: number;
  last: number;
  /** Offsets into the normalised text. */
  start: number;
  end: number;
  confidence: number;
}

interface MaskHit {
  mask: Mask;
  first: number;
  last: number;
}

function masked(m: MaskHit, hit: Hit): boolean {
  if (m.last <= hit.first || m.first >= hit.last) return false;
  return m.mask.categories.size === 0 || m.mask.categories.has(hit.rule.category as CategoryId);
}

/** Index range [first, last] of tokens overlapping [start, end). */
function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo - 1;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < end) last++;
  return [lo, last];
}

/** Does a phrase of `set` start at token j (reading each token every way it can be read)? */
function startsAt(set: PhraseSet, keys: readonly TokenKeys[], tokens: readonly Token[], j: number): number {
  const tk = keys[j];
  if (!tk) return -1;
  const sentence = (tokens[j] as Token).sentence;
  for (const first of tk.keys) {
    for (const seq of set.get(first) ?? []) {
      let ok = true;
      for (let k = 1; k < seq.length && ok; k++) {
        const other = keys[j + k];
        ok =
          other !== undefined &&
          (tokens[j + k] as Token).sentence === sentence &&
          other.keys.includes(seq[k] as string);
      }
      if (ok) return j + seq.length;
    }
  }
  return -1;
}

function contextAllows(
  ctx: CompiledContext,
  tokens: readonly Token[],
  keys: readonly TokenKeys[],
  hit: Hit,
  personKeys: PhraseSet,
): boolean {
  const sentence = (tokens[hit.first] as Token).sentence;
  const sameSentence = (j: number) =>
    j >= 0 && j < tokens.length && (tokens[j] as Token).sentence === sentence;
  const w = ctx.window;
  if (ctx.unlessFollowedBy) {
    for (let j = hit.last; j < hit.last + w && sameSentence(j); j++) {
      if (startsAt(ctx.unlessFollowedBy, keys, tokens, j) !== -1) return false;
    }
  }
  if (ctx.unlessPrecededBy) {
    // A phrase that ends right before the match, or within the window before it.
    for (let j = hit.first - 1; j >= hit.first - w - 3 && sameSentence(j); j--) {
      const end = startsAt(ctx.unlessPrecededBy, keys, tokens, j);
      if (end !== -1 && end <= hit.first && end >= hit.first - w + 1) return false;
    }
  }
  const near = (set: PhraseSet) => {
    for (let j = hit.first - w; j < hit.last + w; j++) {
      if (j >= hit.first && j < hit.last) continue;
      if (sameSentence(j) && startsAt(set, keys, tokens, j) !== -1) return true;
    }
    return false;
  };
  if (ctx.unlessNear && near(ctx.unlessNear)) return false;
  if (ctx.requireNear && !near(ctx.requireNear)) return false;
  if (ctx.needsPerson && !hasPerson(tokens, keys, hit, sentence, personKeys)) return false;
  return true;
}

// A capitalised first word followed by one of these is probably a name as subject ("Dana has cancer").
// "is"/"was" are left out: "Acme is being sued" reads the same as "Dana is pregnant", and a company
// must not pass for a person.
const NAME_FOLLOWERS = new Set(['s', 'has', 'had', 'said', 'says', 'told', 'just', 'recently']);

/** A pronoun, a person noun or a capitalised name in the sentence, outside the match itself. */
function hasPerson(
  tokens: readonly Token[],
  keys: readonly TokenKeys[],
  hit: Hit,
  sentence: number,
  personKeys: PhraseSet,
): boolean {
  let j = hit.first;
  while (j > 0 && (tokens[j - 1] as Token).sentence === sentence) j--;
  const sentenceStart = j;
  for (; j < tokens.length && (tokens[j] as Token).sentence === sentence; j++) {
    if (j >= hit.first && j < hit.last) continue;
    const t = tokens[j] as Token;
    if (t.capitalised && (j !== sentenceStart || NAME_FOLLOWERS.has(tokens[j + 1]?.surface ?? '')))
      return true;
    if (startsAt(personKeys, keys, tokens, j) !== -1) return true;
  }
  return false;
}
