import { CATEGORIES, type CategoryId, type Severity } from '../core/categories.js';
import { FuzzyIndex } from './fuzzy.js';
import {
  type ContextFile,
  type ContextRules,
  type ExclusionsFile,
  type LexiconFile,
  patternsOf,
} from './lexicon-schema.js';
import { type PatternScanner, scannerFor } from './pattern-scan.js';
import { expandPhrase } from './phrase.js';
import { type PhraseSet, phraseSetOf, type SequenceTable, SequenceTableBuilder } from './phrase-set.js';
import { stem } from './stem.js';
import { tokenise } from './tokenise.js';
import { flattenTrie, insert, newNode, type Trie } from './trie.js';

/** A lexicon entry ready for matching. */
export interface Rule {
  id: string;
  category: CategoryId;
  severity: Severity;
  confidence: number;
  note: string;
  suggestion: string;
  context: CompiledContext | null;
}

export interface CompiledContext {
  needsPerson: boolean;
  /** Phrases one of which must end right before the match. */
  precededBy: PhraseSet | null;
  /** Phrases one of which must start right after the match. */
  followedBy: PhraseSet | null;
  unlessFollowedBy: PhraseSet | null;
  unlessPrecededBy: PhraseSet | null;
  requireNear: PhraseSet | null;
  unlessNear: PhraseSet | null;
  window: number;
}

export interface Mask {
  id: string;
  /** Empty = masks every lexicon category. */
  categories: ReadonlySet<CategoryId>;
}

export interface PatternRule {
  rule: Rule;
  regex: RegExp;
  /** The note must contain one of these (lower-case) for the regex to run; empty = always run. */
  anchors: readonly string[];
  /** Match against the original-case view instead of the lower-cased one. */
  caseSensitive: boolean;
}

/**
 * Patterns grouped for matching: rules whose regex source and case mode are the same share one
 * regex pass over the note; anchors are indexed so that a note is searched once per anchor at most.
 */
export interface PatternIndex {
  groups: PatternGroup[];
  /** Rule slots (one per PatternRule, in lexicon order) that have no anchors and always run. */
  unanchored: number[];
  /** Anchors of letters and digits only, found inside the note's words (see `AnchorIndex`). */
  words: AnchorIndex;
  /** For each word anchor (by index), the rule slots it wakes. */
  wordSlots: number[][];
  /**
   * "=word" anchors by key (the word stemmed): a word of the note read as that key (as written,
   * as leetspeak, or up to a symbol: "af!lol") wakes the slots. Keys, because the context rules
   * these anchors stand in for match keys too.
   */
  exactWords: Map<string, number[]>;
  /**
   * Any other anchor: a substring search over the note, and the rule slots it wakes. `gate` is the
   * word anchor of its longest run of letters and digits ("b*tch" → "tch"), or -1, and `symbol`
   * its rarest symbol ("*"), or "": the search runs only when a word of the note holds that run
   * and the note has that symbol (one character search, shared by the anchors that name it).
   */
  substrings: { anchor: string; slots: number[]; gate: number; symbol: string }[];
  slotCount: number;
}

export interface PatternGroup {
  /** The shared regex, with a faster way in if it opens with a literal word (see pattern-scan.ts). */
  scanner: PatternScanner;
  caseSensitive: boolean;
  /** Rule slots (indices into the note's wake-up flags) and their rules, in lexicon order. */
  slots: number[];
  rules: Rule[];
}

/** Word anchors indexed by their first two characters, so one word is checked in a few lookups. */
export class AnchorIndex {
  readonly anchors: string[] = [];
  private readonly byPair = new Map<number, number[]>();

  add(anchor: string): number {
    const known = this.anchors.indexOf(anchor);
    if (known !== -1) return known;
    const id = this.anchors.push(anchor) - 1;
    const key = anchor.charCodeAt(0) * 65536 + anchor.charCodeAt(1);
    const bucket = this.byPair.get(key);
    if (bucket) bucket.push(id);
    else this.byPair.set(key, [id]);
    return id;
  }

  /** Ids of the anchors that occur inside `word`, or null when none does. */
  find(word: string): number[] | null {
    if (this.anchors.length === 0) return null;
    let found: number[] | null = null;
    for (let i = 0; i + 1 < word.length; i++) {
      const bucket = this.byPair.get(word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1));
      if (!bucket) continue;
      for (const id of bucket) {
        if (!word.startsWith(this.anchors[id] as string, i)) continue;
        if (!found) found = [id];
        else if (!found.includes(id)) found.push(id);
      }
    }
    return found;
  }
}

export interface CompiledLexicon {
  /** Every phrase and exclusion of every file; its keys are the lexicon's vocabulary. */
  trie: Trie;
  patterns: PatternRule[];
  patternIndex: PatternIndex;
  fuzzy: FuzzyIndex;
  /** Every exclusion mask, in the order the trie numbers them. */
  masks: Mask[];
  /** The key sequences every phrase set is drawn from. */
  sequences: SequenceTable;
  /** Keys of the shared "person" list, for needsPerson. */
  personKeys: PhraseSet;
  /** Every key made only of digits, in phrases, exclusions and context rules alike. */
  numberKeys: Set<string>;
  rules: Rule[];
}

export interface LexiconBundle {
  files: readonly LexiconFile[];
  context: ContextFile;
  exclusions: ExclusionsFile;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};
const HAS_LEET = /[013457@$!|]/;
const HAS_LETTER = /\p{L}/u;

/** The letters a leetspeak word stands for ("1d10t" → "idiot"), or null when it has none. */
export function deLeet(surface: string): string | null {
  if (!HAS_LEET.test(surface) || !HAS_LETTER.test(surface)) return null;
  let out = '';
  for (const c of surface) out += LEET[c] ?? c;
  return out === surface ? null : out;
}

// Lexicon words repeat a lot (shared context lists, phrase groups): stem each once per process.
const STEMS = new Map<string, string>();

function stemWord(word: string): string {
  let key = STEMS.get(word);
  if (key === undefined) {
    key = stem(word);
    if (STEMS.size >= 100_000) STEMS.clear();
    STEMS.set(word, key);
  }
  return key;
}

// Most phrases are plain words of letters and digits split by single spaces: their words are
// exactly the tokens, unless three single characters in a row could merge ("r e h a b").
const PLAIN_PHRASE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** The token surfaces of a lexicon phrase, as `tokenise` gives them (with a fast path for plain phrases). */
export function phraseSurfaces(phrase: string): string[] {
  if (PLAIN_PHRASE.test(phrase)) {
    const words = phrase.split(' ');
    let singles = 0;
    for (const w of words) {
      singles = w.length === 1 ? singles + 1 : 0;
      if (singles >= 3) break;
    }
    if (singles < 3) return words;
  }
  return tokenise(phrase).map((t) => t.surface);
}

/** Keys of a lexicon phrase: the same tokeniser and stemmer the notes go through. */
export function phraseKeys(phrase: string): string[] {
  return phraseSurfaces(phrase).map(stemWord);
}

function expandAll(phrases: readonly string[]): string[] {
  return phrases.flatMap((p) => {
    const result = expandPhrase(p);
    if (typeof result === 'string') throw new Error(`phrase "${p}" ${result}`);
    return result;
  });
}

/** Phrase sets of one compileLexicon: the sequence table, and the sets by their items (entries repeat lists). */
interface PhraseSetMemo {
  sequences: SequenceTableBuilder;
  sets: Map<string, PhraseSet>;
}

function compilePhraseSet(
  items: readonly string[] | undefined,
  context: ContextFile,
  memo: PhraseSetMemo,
): PhraseSet | null {
  if (!items || items.length === 0) return null;
  const memoKey = items.join('\n');
  const known = memo.sets.get(memoKey);
  if (known) return known;
  const ids: number[] = [];
  for (const item of items) {
    let phrases: readonly string[];
    if (item.startsWith('@')) {
      const list = context.lists[item.slice(1)];
      if (!list) throw new Error(`unknown word list ${item}`);
      phrases = list;
    } else {
      phrases = [item];
    }
    for (const phrase of expandAll(phrases)) {
      const keys = phraseKeys(phrase);
      if (keys.length > 0) ids.push(memo.sequences.idOf(keys));
    }
  }
  const set = phraseSetOf(memo.sequences.table, ids);
  memo.sets.set(memoKey, set);
  return set;
}

function compileContext(
  rules: ContextRules | undefined,
  context: ContextFile,
  memo: PhraseSetMemo,
): CompiledContext | null {
  if (!rules) return null;
  return {
    needsPerson: rules.needsPerson ?? false,
    precededBy: compilePhraseSet(rules.precededBy, context, memo),
    followedBy: compilePhraseSet(rules.followedBy, context, memo),
    unlessFollowedBy: compilePhraseSet(rules.unlessFollowedBy, context, memo),
    unlessPrecededBy: compilePhraseSet(rules.unlessPrecededBy, context, memo),
    requireNear: compilePhraseSet(rules.requireNear, context, memo),
    unlessNear: compilePhraseSet(rules.unlessNear, context, memo),
    window: rules.window ?? 3,
  };
}

// The tokeniser's word characters: an anchor made only of these lies inside one word of the note.
const WORD_ANCHOR = /^[\p{L}\p{N}]{2,}$/u;
const WORD_RUN = /[\p{L}\p{N}]{2,}/gu;
const DIGITS = /^\d+$/;
// Symbols by how rarely notes hold them, rarest first (a guess, not a measurement).
const RARE_SYMBOLS = '|~^`\\{}[]<>*@!$#&=+%;_"?/()\':,-.';

/** Groups patterns that share a regex and indexes their anchors (see `PatternIndex`). */
export function indexPatterns(patterns: readonly PatternRule[]): PatternIndex {
  const groups = new Map<string, PatternGroup>();
  const words = new AnchorIndex();
  const wordSlots: number[][] = [];
  const substrings = new Map<string, number[]>();
  const exactWords = new Map<string, number[]>();
  const unanchored: number[] = [];
  patterns.forEach((p, slot) => {
    const key = `${p.caseSensitive ? 'c' : 'l'}${p.regex.flags}/${p.regex.source}`;
    let group = groups.get(key);
    if (!group) {
      group = { scanner: scannerFor(p.regex), caseSensitive: p.caseSensitive, slots: [], rules: [] };
      groups.set(key, group);
    }
    group.slots.push(slot);
    group.rules.push(p.rule);
    if (p.anchors.length === 0) unanchored.push(slot);
    for (const anchor of new Set(p.anchors)) {
      if (anchor.startsWith('=')) {
        const key = stem(anchor.slice(1));
        const slots = exactWords.get(key) ?? [];
        exactWords.set(key, slots);
        if (!slots.includes(slot)) slots.push(slot);
      } else if (WORD_ANCHOR.test(anchor)) {
        const id = words.add(anchor);
        const slots = wordSlots[id] ?? [];
        wordSlots[id] = slots;
        slots.push(slot);
      } else {
        const slots = substrings.get(anchor) ?? [];
        substrings.set(anchor, slots);
        slots.push(slot);
      }
    }
  });
  const gated = [...substrings].map(([anchor, slots]) => {
    const runs = anchor.match(WORD_RUN) ?? [];
    const run = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
    const symbol = [...RARE_SYMBOLS].find((c) => anchor.includes(c)) ?? '';
    return { anchor, slots, gate: run === '' ? -1 : words.add(run), symbol };
  });
  for (let id = 0; id < words.anchors.length; id++) wordSlots[id] ??= [];
  return {
    groups: [...groups.values()],
    unanchored,
    words,
    wordSlots,
    exactWords,
    substrings: gated,
    slotCount: patterns.length,
  };
}

function compilePattern(source: string, id: string): RegExp {
  try {
    return new RegExp(source, source.includes('(?<hit>') ? 'gud' : 'gu');
  } catch (err) {
    throw new Error(`${id}: pattern ${source} does not compile`, { cause: err });
  }
}

/** Builds the matcher once (cold start): one trie over every phrase of every file. */
export function compileLexicon(bundle: LexiconBundle): CompiledLexicon {
  const root = newNode();
  const patterns: PatternRule[] = [];
  const fuzzy = new FuzzyIndex();
  const rules: Rule[] = [];
  const memo: PhraseSetMemo = { sequences: new SequenceTableBuilder(), sets: new Map() };
  for (const file of bundle.files) {
    for (const entry of file.entries) {
      const rule: Rule = {
        id: entry.id,
        category: file.category,
        severity: (entry.severity as Severity | undefined) ?? CATEGORIES[file.category].severity,
        confidence: entry.confidence ?? 0.85,
        note: entry.note,
        suggestion: entry.suggestion,
        context: compileContext(entry.context, bundle.context, memo),
      };
      rules.push(rule);
      for (const phrase of expandAll(entry.phrases)) {
        // One tokenisation per phrase serves both the keys and the fuzzy index (as phraseKeys does).
        const surfaces = phraseSurfaces(phrase);
        const keys = surfaces.map(stemWord);
        if (keys.length === 0) continue;
        insert(root, keys).rules.push(rule);
        if (entry.fuzzy !== false) {
          for (const surface of surfaces) fuzzy.add(surface);
        }
      }
      for (const { source, anchors } of patternsOf(entry)) {
        patterns.push({
          rule,
          regex: compilePattern(source, entry.id),
          anchors,
          caseSensitive: entry.caseSensitive ?? false,
        });
      }
    }
  }
  const exclusions = [
    ...bundle.exclusions.exclusions,
    // A category file's own exclusions mask that category unless they name others.
    ...bundle.files.flatMap((f) =>
      f.exclusions.map((x) => ({ ...x, categories: x.categories.length > 0 ? x.categories : [f.category] })),
    ),
  ];
  const masks: Mask[] = [];
  for (const exclusion of exclusions) {
    const mask: Mask = { id: exclusion.id, categories: new Set(exclusion.categories) };
    masks.push(mask);
    for (const phrase of expandAll(exclusion.phrases)) {
      const keys = phraseKeys(phrase);
      if (keys.length === 0) continue;
      insert(root, keys).masks.push(mask);
    }
  }
  const personKeys = compilePhraseSet(['@person'], bundle.context, memo) as PhraseSet;
  const trie = flattenTrie(root, rules, masks);
  const sequences = memo.sequences.table;
  // Numbers skip the token cache (lexicon-match.ts); these are the ones that can still match something.
  const numberKeys = new Set<string>();
  for (const key of [...trie.keyIds.keys(), ...sequences.sequences.flat()]) {
    if (DIGITS.test(key)) numberKeys.add(key);
  }
  return withPatternIndex({ trie, sequences, patterns, fuzzy, masks, personKeys, numberKeys, rules });
}

/** The lexicon with its patterns indexed (compiled here or restored from a snapshot). */
export function withPatternIndex(parts: Omit<CompiledLexicon, 'patternIndex'>): CompiledLexicon {
  return { ...parts, patternIndex: indexPatterns(parts.patterns) };
}
