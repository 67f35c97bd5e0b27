import { CATEGORIES, type CategoryId, type Severity } from '../core/categories.js';
import { FuzzyIndex } from './fuzzy.js';
import type { ContextFile, ContextRules, ExclusionsFile, LexiconFile } from './lexicon-schema.js';
import { expandPhrase } from './phrase.js';
import { stem } from './stem.js';
import { tokenise } from './tokenise.js';

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

/** Phrase lists as key sequences indexed by their first key. */
export type PhraseSet = Map<string, string[][]>;

export interface CompiledContext {
  needsPerson: boolean;
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

export interface TrieNode {
  next: Map<string, TrieNode>;
  rules: Rule[];
  masks: Mask[];
}

export interface PatternRule {
  rule: Rule;
  regex: RegExp;
  /** The note must contain one of these (lower-case) for the regex to run; empty = always run. */
  anchors: readonly string[];
  /** Match against the original-case view instead of the lower-cased one. */
  caseSensitive: boolean;
}

export interface CompiledLexicon {
  root: TrieNode;
  patterns: PatternRule[];
  fuzzy: FuzzyIndex;
  /** Every key that occurs in the trie: a token with one of these needs no fuzzy lookup. */
  vocabulary: Set<string>;
  /** Keys of the shared "person" list, for needsPerson. */
  personKeys: PhraseSet;
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

/** Keys of a lexicon phrase: the same tokeniser and stemmer the notes go through. */
export function phraseKeys(phrase: string): string[] {
  return tokenise(phrase, phrase).map((t) => stem(t.surface));
}

function newNode(): TrieNode {
  return { next: new Map(), rules: [], masks: [] };
}

function insert(root: TrieNode, keys: string[]): TrieNode {
  let node = root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) {
      child = newNode();
      node.next.set(key, child);
    }
    node = child;
  }
  return node;
}

function expandAll(phrases: readonly string[]): string[] {
  return phrases.flatMap((p) => {
    const result = expandPhrase(p);
    if (typeof result === 'string') throw new Error(`phrase "${p}" ${result}`);
    return result;
  });
}

function compilePhraseSet(items: readonly string[] | undefined, context: ContextFile): PhraseSet | null {
  if (!items || items.length === 0) return null;
  const set: PhraseSet = new Map();
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
      const first = keys[0];
      if (first === undefined) continue;
      const bucket = set.get(first);
      if (bucket) bucket.push(keys);
      else set.set(first, [keys]);
    }
  }
  return set;
}

function compileContext(rules: ContextRules | undefined, context: ContextFile): CompiledContext | null {
  if (!rules) return null;
  return {
    needsPerson: rules.needsPerson ?? false,
    unlessFollowedBy: compilePhraseSet(rules.unlessFollowedBy, context),
    unlessPrecededBy: compilePhraseSet(rules.unlessPrecededBy, context),
    requireNear: compilePhraseSet(rules.requireNear, context),
    unlessNear: compilePhraseSet(rules.unlessNear, context),
    window: rules.window ?? 3,
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
  const vocabulary = new Set<string>();
  const rules: Rule[] = [];
  for (const file of bundle.files) {
    for (const entry of file.entries) {
      const rule: Rule = {
        id: entry.id,
        category: file.category,
        severity: (entry.severity as Severity | undefined) ?? CATEGORIES[file.category].severity,
        confidence: entry.confidence ?? 0.85,
        note: entry.note,
        suggestion: entry.suggestion,
        context: compileContext(entry.context, bundle.context),
      };
      rules.push(rule);
      for (const phrase of expandAll(entry.phrases)) {
        const keys = phraseKeys(phrase);
        if (keys.length === 0) continue;
        insert(root, keys).rules.push(rule);
        for (const key of keys) vocabulary.add(key);
        if (entry.fuzzy !== false) {
          for (const t of tokenise(phrase, phrase)) fuzzy.add(t.surface);
        }
      }
      for (const source of entry.patterns) {
        patterns.push({
          rule,
          regex: compilePattern(source, entry.id),
          anchors: entry.anchors ?? [],
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
  for (const exclusion of exclusions) {
    const mask: Mask = { id: exclusion.id, categories: new Set(exclusion.categories) };
    for (const phrase of expandAll(exclusion.phrases)) {
      const keys = phraseKeys(phrase);
      if (keys.length === 0) continue;
      insert(root, keys).masks.push(mask);
      for (const key of keys) vocabulary.add(key);
    }
  }
  const personKeys = compilePhraseSet(['@person'], bundle.context) ?? new Map();
  return { root, patterns, fuzzy, vocabulary, personKeys, rules };
}
