import type { CategoryId } from '../core/categories.js';
import { contextAllows, type Reading } from './context-rules.js';
import { spelledBits } from './detectors/word-cues.js';
import type { CompiledLexicon, Mask, PatternGroup, PatternIndex, Rule } from './lexicon-compile.js';
import { deLeet } from './lexicon-compile.js';
import { NoteFlags } from './note-flags.js';
import {
  containsLiteral,
  type LiteralSearch,
  literalSearch,
  nextMatch,
  numberStarts,
} from './pattern-scan.js';
import { lastKeysOf, mayEndWith, type PhraseSet } from './phrase-set.js';
import { stem } from './stem.js';
import type { Token } from './tokenise.js';
import { childOf, mayPair, type Trie } from './trie.js';
import { truncate } from './truncate.js';
import type { Candidate } from './types.js';
import { type Word, WordTable } from './word-table.js';

/** How a token was read: as written, as leetspeak, or as a misspelling of a lexicon word. */
type KeyKind = 0 | 1 | 2;
const KIND_CONFIDENCE = [1, 0.95, 0.75] as const;

export interface TokenKeys {
  keys: string[];
  kinds: KeyKind[];
  /** Ids of the word anchors (see `PatternIndex.words`) inside this word that wake rule slots, or null. */
  anchors: number[] | null;
  /**
   * The word anchors inside this word that gate substring searches (`PatternIndex.substrings`),
   * as bits (see `gateBitsOf`): ORed over a note's words like the cue bits, not marked
   * one by one ("nt" of "want" gates "c*nt", "st" of "still" gates "st@rd": most notes hold both).
   */
  gateBits: number;
  /** Rule slots this word wakes as an "=word" anchor, or null. */
  exact: number[] | null;
  /**
   * Trie key ids of `keys` for stepping down the trie past a phrase's first word (-1: no phrase has
   * it there); empty when no key of the word continues any phrase.
   */
  ids: number[];
  /** The trie nodes a phrase starting at this word reaches, with their confidence factors. */
  starts: number[] | null;
  startFactors: number[];
  /** No phrase ends at this word alone: a walk from it needs the next word to continue one. */
  startsNeedNext: boolean;
  /** The detectors' word cues this word satisfies (see detectors/word-cues.ts). */
  cueBits: number;
  /** The last note (`LexiconMatcher.notes`) whose regexes this word woke: a word met again wakes nothing new. */
  wokenIn: number;
}

/** What reading a note asks of each word first, as bits (copied onto its Word with its keys). */
// biome-ignore lint/suspicious/noConstEnum: inlined by esbuild, which is why it is one
const enum WordReads {
  /** A phrase starts at the word (`starts`). */
  STARTS = 1,
  /** ... and needs the next word to continue it (`startsNeedNext`). */
  NEEDS_NEXT = 2,
  /** The word wakes regexes (`exact` or `anchors`). */
  WAKES = 4,
}

/** The `WordReads` of a word's keys. */
function readsOf(tk: TokenKeys): number {
  return (
    (tk.starts !== null ? WordReads.STARTS : 0) |
    (tk.startsNeedNext ? WordReads.NEEDS_NEXT : 0) |
    (tk.exact !== null || tk.anchors !== null ? WordReads.WAKES : 0)
  );
}

/**
 * Bits for the word anchors that gate substring searches, one each for the first 31 (in the order
 * the substrings name them); a substring whose gate has none is not gated. `gates`: each substring's
 * gate (a word anchor id, or -1).
 */
export function gateBitsOf(
  gates: readonly number[],
  anchorCount: number,
): { gateBit: Int32Array; substringGates: number[] } {
  const gateBit = new Int32Array(anchorCount);
  let bits = 0;
  const substringGates = gates.map((gate) => {
    if (gate === -1) return 0;
    if (gateBit[gate] === 0 && bits < 31) gateBit[gate] = 1 << bits++;
    return gateBit[gate] as number;
  });
  return { gateBit, substringGates };
}

/** A number that is no key of any phrase or context rule and holds no anchor: it matches nothing. */
const INERT: TokenKeys = {
  keys: [],
  kinds: [],
  ids: [],
  anchors: null,
  gateBits: 0,
  exact: null,
  starts: null,
  startFactors: [],
  startsNeedNext: true,
  cueBits: 0,
  wokenIn: -1,
};

// The letters and digits a word starts with, before any symbol kept inside it ("af!lol" → "af").
const LEADING_WORD = /^[\p{L}\p{N}]+/u;

/** A surrogate pair starts at i: an empty match there must step over both halves. */
function isPairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
}

function isNumber(surface: string): boolean {
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Matches lexicon phrases over stems; one instance per compiled lexicon (it caches each word's keys). */
export class LexiconMatcher {
  /** The words seen so far, each with its keys: pass it to `tokenise` so tokens arrive interned. */
  readonly words = new WordTable();
  /** The keys of the note being read, word by word. */
  private readonly noteKeys: TokenKeys[] = [];
  /** Per-note scratch for `runPatterns`: the rule slots a note wakes and the pattern groups to run. */
  private readonly awake: NoteFlags;
  private readonly wanted: NoteFlags;
  /**
   * Each word anchor's gate bit (0 if it gates no search), and each substring's gate as a bit (0:
   * ungated; past 31 gates, the rest go ungated: a gate may let too much through, never too little).
   */
  private readonly gateBit: Int32Array;
  private readonly substringGates: number[];
  /** The pattern group of each rule slot. */
  private readonly groupOfSlot: Int32Array;
  /** The distinct symbols the substring anchors name, each substring's one (-1: none), and per note whether it was seen. */
  private readonly symbols: string[] = [];
  private readonly symbolOfSubstring: number[];
  private readonly symbolSeen: Int8Array;
  /** Each substring anchor, searched for from its rarest character. */
  private readonly substringSearch: LiteralSearch[];
  /** The note's words with digits (start, end pairs), if the caller gave them, and the `numberStarts` found from them. */
  private digitWords: readonly number[] | undefined;
  private readonly starts: number[] = [];
  /** How many digits `starts` is for (0: not found yet for this note). */
  private startsDigits = 0;
  /**
   * Per pattern group, when its every rule must follow a phrase (`precededBy`) and its every match
   * is a number alone: its gate. Such a group is tried only at numbers right after such a phrase.
   */
  private readonly gates: (NumberGate | null)[];
  private readonly gatedStarts: number[] = [];
  /** How many notes `read` has read: each word's `wokenIn` is one of these. */
  private notes = 0;

  /**
   * @param wordBits the detectors' word-cue bits of a word, computed once per distinct word with
   *   its keys (numbers satisfy no word cue).
   */
  constructor(
    private readonly lexicon: CompiledLexicon,
    private readonly wordBits: (word: string) => number = () => 0,
  ) {
    const index = lexicon.patternIndex;
    this.awake = new NoteFlags(index.slotCount);
    ({ gateBit: this.gateBit, substringGates: this.substringGates } = gateBitsOf(
      index.substrings.map(({ gate }) => gate),
      index.words.anchors.length,
    ));
    this.wanted = new NoteFlags(index.groups.length);
    this.groupOfSlot = new Int32Array(index.slotCount);
    index.groups.forEach((group, g) => {
      for (const slot of group.slots) this.groupOfSlot[slot] = g;
    });
    this.symbolOfSubstring = index.substrings.map(({ symbol }) => {
      if (symbol === '') return -1;
      const known = this.symbols.indexOf(symbol);
      return known !== -1 ? known : this.symbols.push(symbol) - 1;
    });
    this.symbolSeen = new Int8Array(this.symbols.length);
    this.substringSearch = index.substrings.map(({ anchor }) => literalSearch(anchor));
    this.gates = index.groups.map((group) => {
      if (!group.scanner.numberOnly) return null;
      const sets = group.rules.map((rule) => rule.context?.precededBy);
      return sets.every((set) => set !== undefined)
        ? { sets: sets as PhraseSet[], lastWords: undefined }
        : null;
    });
  }

  /**
   * The keys of a token without a word: a long number (ticket numbers, ids: too many to keep) is
   * looked up by itself, a merged spelled-out word is interned here.
   */
  private keysOfWordless(surface: string): TokenKeys {
    if (isNumber(surface)) return this.numberKeys(surface);
    const word = this.words.word(surface);
    if (word.keys === undefined) this.fill(word);
    return word.keys as TokenKeys;
  }

  /** A word's keys, computed once, and the copy of what `read` asks of them first. */
  private fill(word: Word): void {
    const tk = isNumber(word.surface) ? this.numberKeys(word.surface) : this.wordKeys(word.surface);
    word.keys = tk;
    word.reads = readsOf(tk);
    word.cueBits = tk.cueBits;
    word.gateBits = tk.gateBits;
    // A word read one way (most are) has one start node and one key id that may continue a phrase.
    word.onlyStart = tk.starts?.length === 1 ? (tk.starts[0] as number) : -1;
    const continuing = tk.ids.filter((id) => id !== -1);
    word.onlyId = continuing.length === 0 ? -1 : continuing.length === 1 ? (continuing[0] as number) : -2;
  }

  /** A number is its own key: no stemming, no leetspeak, no misspellings. */
  private numberKeys(surface: string): TokenKeys {
    const found = this.lexicon.patternIndex.words.find(surface);
    // A number has no symbols: one lookup, not the word path of exactOf.
    const exact = this.lexicon.patternIndex.exactWords.get(surface) ?? null;
    if (found === null && exact === null && !this.lexicon.numberKeys.has(surface)) return INERT;
    return this.withStarts({
      keys: [surface],
      kinds: [0],
      ids: [],
      anchors: this.waking(found),
      gateBits: this.gatesOf(found),
      exact,
      starts: null,
      startFactors: [],
      startsNeedNext: true,
      cueBits: 0,
      wokenIn: -1,
    });
  }

  private wordKeys(surface: string): TokenKeys {
    const { trie, fuzzy } = this.lexicon;
    const primary = stem(surface);
    const found = this.lexicon.patternIndex.words.find(surface);
    const result: TokenKeys = {
      keys: [primary],
      kinds: [0],
      ids: [],
      anchors: this.waking(found),
      gateBits: this.gatesOf(found),
      exact: null,
      starts: null,
      startFactors: [],
      startsNeedNext: true,
      cueBits: this.wordBits(surface),
      wokenIn: -1,
    };
    const leet = deLeet(surface);
    if (leet !== null) {
      const leetKey = stem(leet);
      if (leetKey !== primary) {
        result.keys.push(leetKey);
        result.kinds.push(1);
      }
    }
    if (!result.keys.some((k) => trie.keyIds.has(k))) {
      const word = fuzzy.lookup(leet ?? surface);
      if (word !== undefined) {
        result.keys.push(stem(word));
        result.kinds.push(2);
      }
    }
    result.exact = this.exactOf(surface, result.keys);
    return this.withStarts(result);
  }

  /** Of the word anchors found in a word, those that wake rule slots (the others only gate searches). */
  private waking(found: number[] | null): number[] | null {
    const { wordSlots } = this.lexicon.patternIndex;
    const waking = found?.filter((id) => (wordSlots[id] as number[]).length > 0) ?? [];
    return waking.length > 0 ? waking : null;
  }

  /** The gate bits of the word anchors found in a word. */
  private gatesOf(found: number[] | null): number {
    let bits = 0;
    for (const id of found ?? []) bits |= this.gateBit[id] as number;
    return bits;
  }

  /** Rule slots woken by this word as an "=word" anchor (see `PatternIndex.exactWords`), or null. */
  private exactOf(surface: string, keys: readonly string[]): number[] | null {
    const { exactWords } = this.lexicon.patternIndex;
    if (exactWords.size === 0) return null;
    const head = LEADING_WORD.exec(surface)?.[0];
    const readings = head !== undefined && head !== surface ? [...keys, stem(head)] : keys;
    let slots: number[] | null = null;
    for (const key of readings) {
      const woken = exactWords.get(key);
      if (woken) slots = slots ? [...slots, ...woken] : woken;
    }
    return slots;
  }

  /** Fills in the trie nodes a phrase starting at this token reaches (computed once per word). */
  private withStarts(tk: TokenKeys): TokenKeys {
    const { trie } = this.lexicon;
    for (let k = 0; k < tk.keys.length; k++) {
      const id = trie.keyIds.get(tk.keys[k] as string) ?? -1;
      tk.ids.push(id !== -1 && trie.arrays.deepKeys[id] === 1 ? id : -1);
      const child = id === -1 ? -1 : childOf(trie.arrays, 0, id);
      if (child === -1) continue;
      tk.starts ??= [];
      tk.starts.push(child);
      const a = trie.arrays;
      if (a.ruleStart[child] !== a.ruleStart[child + 1] || trie.masked[child] === 1)
        tk.startsNeedNext = false;
      tk.startFactors.push(KIND_CONFIDENCE[tk.kinds[k] as KeyKind]);
    }
    if (tk.ids.every((id) => id === -1)) tk.ids = [];
    return tk;
  }

  match(lower: string, tokens: readonly Token[], text: string = lower): Candidate[] {
    return this.read(lower, tokens, text).candidates;
  }

  /**
   * The lexicon's candidates and, from the same pass over the words, the note's word-cue bits.
   * `digitWords`: the words of `lower` that hold a digit, as start, end pairs (the tokeniser's, see
   * `TokenScratch`); with them, a regex that opens with a number is tried only where one starts.
   */
  read(
    lower: string,
    tokens: readonly Token[],
    text: string = lower,
    digitWords?: readonly number[],
  ): { candidates: Candidate[]; cueBits: number } {
    this.digitWords = digitWords;
    this.startsDigits = 0;
    // Reused from note to note (a scan is synchronous); cut to this note's length, so that reading
    // past its last word finds nothing.
    const keys = this.noteKeys;
    truncate(keys, tokens.length);
    let cueBits = 0;
    let gateBits = 0;
    const note = ++this.notes;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const w = t.word;
      // Most tokens are words (a merged spelled-out word or a long number is not): what is asked of
      // every one is read from the word, its keys object only where it wakes regexes.
      if (w !== undefined) {
        if (w.keys === undefined) this.fill(w);
        keys[i] = w.keys as TokenKeys;
        cueBits |= w.cueBits;
        gateBits |= w.gateBits;
        if ((w.reads & WordReads.WAKES) !== 0) this.wakeOnce(w.keys as TokenKeys, note);
        continue;
      }
      const tk = this.keysOfWordless(t.surface);
      keys[i] = tk;
      // A spelled-out word ("d.o.b") is read as the detectors' regexes read it (rare: not cached).
      cueBits |= t.spelled ? spelledBits(this.wordBits, t.surface) : tk.cueBits;
      gateBits |= tk.gateBits;
      if ((readsOf(tk) & WordReads.WAKES) !== 0) this.wakeOnce(tk, note);
    }
    const hits: Hit[] = [];
    const masks: MaskHit[] = [];
    // Most words start no phrase at all, and many that do need a next word that continues none:
    // only the others are walked.
    for (let i = 0; i < tokens.length; i++) {
      const w = (tokens[i] as Token).word;
      if (w !== undefined) {
        const reads = w.reads;
        if ((reads & WordReads.STARTS) === 0) continue;
        if ((reads & WordReads.NEEDS_NEXT) !== 0) {
          const next = tokens[i + 1]?.word;
          const id = next !== undefined ? next.onlyId : -2;
          if (id === -1) continue;
          if (id >= 0 && w.onlyStart !== -1) {
            if (!mayPair(this.lexicon.trie.arrays, w.onlyStart, id)) continue;
          } else if (!this.mayGoOn(keys[i] as TokenKeys, keys[i + 1])) continue;
        }
      } else {
        const reads = readsOf(keys[i] as TokenKeys);
        if ((reads & WordReads.STARTS) === 0) continue;
        if ((reads & WordReads.NEEDS_NEXT) !== 0 && !this.mayGoOn(keys[i] as TokenKeys, keys[i + 1]))
          continue;
      }
      this.walk(tokens, keys, i, hits, masks);
    }
    this.runPatterns(lower, text, tokens, keys, gateBits, hits);
    const out: Candidate[] = [];
    // One reading of the note for all its context checks, made only if one is needed.
    let reading: Reading | undefined;
    for (const hit of hits) {
      if (isMasked(masks, hit)) continue;
      if (hit.rule.context) {
        reading ??= { text, tokens, keys, lexicon: this.lexicon };
        if (!contextAllows(hit.rule.context, reading, hit)) continue;
      }
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
    return { candidates: out, cueBits };
  }

  /** `wake` for the note's first word with these keys (a word met again wakes nothing new). */
  private wakeOnce(tk: TokenKeys, note: number): void {
    if (tk.wokenIn === note) return;
    tk.wokenIn = note;
    this.wake(tk);
  }

  /** Marks the rule slots a word wakes ("=word" anchors and the word anchors it holds). */
  private wake(tk: TokenKeys): void {
    const { awake } = this;
    if (tk.exact !== null) for (const slot of tk.exact) awake.set(slot);
    if (tk.anchors === null) return;
    const { wordSlots } = this.lexicon.patternIndex;
    for (const id of tk.anchors) {
      for (const slot of wordSlots[id] as number[]) awake.set(slot);
    }
  }

  /** Might a phrase starting at a word go on into the next word (`next`, if any)? */
  private mayGoOn(tk: TokenKeys, next: TokenKeys | undefined): boolean {
    if (next === undefined || next.ids.length === 0) return false;
    const starts = tk.starts as number[];
    for (let s = 0; s < starts.length; s++) {
      for (let k = 0; k < next.ids.length; k++) {
        const id = next.ids[k] as number;
        if (id !== -1 && mayPair(this.lexicon.trie.arrays, starts[s] as number, id)) return true;
      }
    }
    return false;
  }

  /**
   * Runs the regexes whose anchors the note has, each shared regex once. `gateBits`: the gate bits
   * of the note's words.
   */
  private runPatterns(
    lower: string,
    text: string,
    tokens: readonly Token[],
    keys: readonly TokenKeys[],
    gateBits: number,
    hits: Hit[],
  ): void {
    const index = this.lexicon.patternIndex;
    if (index.slotCount === 0) return;
    const awake = this.awake;
    const wanted = this.wanted;
    // The words' anchors were marked as the words were read (`wake`).
    for (const slot of index.unanchored) awake.set(slot);
    // Each symbol is looked for once per note, and only if an anchor that names it is still in play.
    const symbolSeen = this.symbolSeen;
    symbolSeen.fill(-1);
    for (let s = 0; s < index.substrings.length; s++) {
      const gate = this.substringGates[s] as number;
      if (gate !== 0 && (gateBits & gate) === 0) continue;
      const symbol = this.symbolOfSubstring[s] as number;
      if (symbol !== -1) {
        if (symbolSeen[symbol] === -1)
          symbolSeen[symbol] = lower.includes(this.symbols[symbol] as string) ? 1 : 0;
        if (symbolSeen[symbol] === 0) continue;
      }
      if (!containsLiteral(lower, this.substringSearch[s] as LiteralSearch)) continue;
      for (const slot of (index.substrings[s] as PatternIndex['substrings'][number]).slots) awake.set(slot);
    }
    if (awake.list.length > 0) {
      for (const slot of awake.list) wanted.set(this.groupOfSlot[slot] as number);
      // In group order, whatever order they were woken in: findings must not depend on it.
      for (let g = 0; g < index.groups.length; g++)
        if (wanted.has(g)) this.runGroup(g, lower, text, tokens, keys, hits);
      wanted.clear();
    }
    awake.clear();
  }

  /** Pattern group `g`'s shared regex over the note: a hit for each of its rules the note woke. */
  private runGroup(
    g: number,
    lower: string,
    text: string,
    tokens: readonly Token[],
    keys: readonly TokenKeys[],
    hits: Hit[],
  ): void {
    const group = this.lexicon.patternIndex.groups[g] as PatternGroup;
    const awake = this.awake;
    // exec over the shared regex (matchAll would copy it for every note), from where the last match ended.
    const view = group.caseSensitive ? text : lower;
    let starts = this.numberStartsFor(group.scanner.numberDigits, lower);
    const gate = this.gates[g];
    if (starts !== undefined && gate) starts = this.afterPhrases(group, gate, starts, tokens, keys);
    let from = 0;
    for (
      let m = nextMatch(group.scanner, view, 0, starts);
      m !== null;
      m = nextMatch(group.scanner, view, from, starts)
    ) {
      from = m.index + m[0].length;
      if (m[0].length === 0) from += isPairAt(view, from) ? 2 : 1;
      const span = m.indices?.groups?.hit ?? [m.index, m.index + m[0].length];
      const [first, last] = tokenRange(tokens, span[0], span[1]);
      if (first > last) continue;
      for (let k = 0; k < group.slots.length; k++) {
        if (!awake.has(group.slots[k] as number)) continue;
        const rule = group.rules[k] as Rule;
        hits.push({
          rule,
          first,
          last: last + 1,
          start: span[0],
          end: span[1],
          confidence: rule.confidence,
        });
      }
    }
  }

  /**
   * Of the places a group's number may start, those right after a phrase that one of its woken rules
   * must follow: a hit anywhere else fails that rule's `precededBy`. The numbers are matched alone,
   * so a match left untried could not have reached the next place either.
   */
  private afterPhrases(
    group: PatternGroup,
    gate: NumberGate,
    starts: readonly number[],
    tokens: readonly Token[],
    keys: readonly TokenKeys[],
  ): number[] {
    const out = this.gatedStarts;
    truncate(out);
    for (let s = 0; s < starts.length; s++) {
      const at = starts[s] as number;
      // The number's own word: the hit's first token.
      const first = firstEndingAfter(tokens, at);
      const token = tokens[first];
      const before = tokens[first - 1];
      // A phrase that ends right before the number ends with the word before it, in its sentence.
      if (token === undefined || before === undefined || before.sentence !== token.sentence) continue;
      if (this.mayFollow(group, gate, (keys[first - 1] as TokenKeys).keys)) out.push(at);
    }
    return out;
  }

  /** Can a phrase that one of the group's woken rules must follow end with one of `keys`? */
  private mayFollow(group: PatternGroup, gate: NumberGate, keys: readonly string[]): boolean {
    const table = this.lexicon.sequences;
    // Most numbers follow a word that ends none of the group's phrases ("for 40", "up to 12"): one
    // lookup in the last words of all of them says so, before any rule's own.
    if (gate.lastWords === undefined) {
      gate.lastWords = new Set();
      for (const set of gate.sets) for (const key of lastKeysOf(set, table)) gate.lastWords.add(key);
    }
    let any = false;
    for (let j = 0; j < keys.length && !any; j++) any = gate.lastWords.has(keys[j] as string);
    if (!any) return false;
    for (let k = 0; k < group.slots.length; k++) {
      if (!this.awake.has(group.slots[k] as number)) continue;
      const set = gate.sets[k] as PhraseSet;
      for (let j = 0; j < keys.length; j++) if (mayEndWith(set, table, keys[j] as string)) return true;
    }
    return false;
  }

  /** Where a regex opening with a number of `digits` digits can match in this note, if that is known. */
  private numberStartsFor(digits: number, lower: string): readonly number[] | undefined {
    if (digits === 0 || this.digitWords === undefined) return undefined;
    // Text and lower have the same digits, spaces and offsets: the places hold for either.
    if (this.startsDigits !== digits) {
      numberStarts(lower, this.digitWords, digits, this.starts);
      this.startsDigits = digits;
    }
    return this.starts;
  }

  /** Every phrase that starts at token i; a token may be read several ways (as written, leet, fuzzy). */
  private walk(tokens: readonly Token[], keys: TokenKeys[], i: number, hits: Hit[], masks: MaskHit[]): void {
    // Followed depth first, without allocating.
    const { starts, startFactors } = keys[i] as TokenKeys;
    if (starts === null) return;
    for (let k = 0; k < starts.length; k++) {
      descend(
        this.lexicon.trie,
        tokens,
        keys,
        i,
        i,
        starts[k] as number,
        startFactors[k] as number,
        hits,
        masks,
      );
    }
  }
}

/** Records what ends at `node` (reached over tokens i..j) and follows the trie into token j + 1. */
function descend(
  trie: Trie,
  tokens: readonly Token[],
  keys: readonly TokenKeys[],
  i: number,
  j: number,
  node: number,
  factor: number,
  hits: Hit[],
  masks: MaskHit[],
): void {
  const a = trie.arrays;
  const ruleEnd = a.ruleStart[node + 1] as number;
  for (let r = a.ruleStart[node] as number; r < ruleEnd; r++) {
    const rule = trie.rules[a.ruleList[r] as number] as Rule;
    const start = (tokens[i] as Token).start;
    const end = (tokens[j] as Token).end;
    hits.push({ rule, first: i, last: j + 1, start, end, confidence: rule.confidence * factor });
  }
  if (trie.masked[node] === 1)
    for (const mask of trie.masksAt.get(node) ?? []) masks.push({ mask, first: i, last: j + 1 });
  if (a.childStart[node + 1] === a.childStart[node]) return;
  const tk = keys[j + 1];
  if (!tk) return;
  for (let k = 0; k < tk.ids.length; k++) {
    const id = tk.ids[k] as number;
    const child = id === -1 ? -1 : childOf(a, node, id);
    if (child !== -1) {
      const f = factor * KIND_CONFIDENCE[tk.kinds[k] as KeyKind];
      descend(trie, tokens, keys, i, j + 1, child, f, hits, masks);
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

/** A number group's rules' `precededBy` phrases, and the last words of all of them (built on first use). */
interface NumberGate {
  sets: PhraseSet[];
  lastWords: Set<string> | undefined;
}

interface MaskHit {
  mask: Mask;
  first: number;
  last: number;
}

function isMasked(masks: readonly MaskHit[], hit: Hit): boolean {
  for (const m of masks) if (masked(m, hit)) return true;
  return false;
}

function masked(m: MaskHit, hit: Hit): boolean {
  if (m.last <= hit.first || m.first >= hit.last) return false;
  return m.mask.categories.size === 0 || m.mask.categories.has(hit.rule.category as CategoryId);
}

/** The index of the first token that ends after `at` (`tokens.length` if none). */
function firstEndingAfter(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index range [first, last] of tokens overlapping [start, end). */
function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  const lo = firstEndingAfter(tokens, start);
  let last = lo - 1;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < end) last++;
  return [lo, last];
}
