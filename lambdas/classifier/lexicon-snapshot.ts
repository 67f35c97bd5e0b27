import type { CategoryId, Severity } from '../core/categories.js';
import { FuzzyIndex } from './fuzzy.js';
import {
  type CompiledContext,
  type CompiledLexicon,
  type Mask,
  type PatternRule,
  type Rule,
  withPatternIndex,
} from './lexicon-compile.js';
import { packInts, unpackInts } from './packed-ints.js';
import { addSequence, type PhraseSet, type SequenceTable } from './phrase-set.js';
import { type Ints, makeTrie, narrowest, STORED_TRIE, type StoredTrie } from './trie.js';

/**
 * The compiled lexicon as plain JSON, written at build time (scripts/compile-lexicons.ts) so that
 * a Lambda or the CLI restores the matcher in milliseconds instead of validating the lexicon files
 * and expanding, tokenising and stemming ~32,000 phrase variants on every cold start. The trie and
 * the phrase sets are typed arrays, stored as their bytes (packed-ints.ts).
 */
export interface LexiconSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Every key; the first `trieKeys` are the trie's, numbered as in its `keyIds`. */
  keys: string[];
  trieKeys: number;
  /** The trie's stored arrays (trie.ts), packed. */
  trie: Record<keyof StoredTrie, string>;
  rules: SnapshotRule[];
  masks: { id: string; categories: string[] }[];
  /** The sequence table (phrase-set.ts), packed: per sequence its length and key ids. */
  sequences: string;
  /** Phrase sets, their bitmaps packed; contexts and `personKeys` refer to them by index. */
  phraseSets: { bits: string; longest: number }[];
  patterns: { rule: number; source: string; flags: string; anchors: string[]; caseSensitive: boolean }[];
  fuzzyWords: string[];
  personKeys: number;
  numberKeys: number[];
}

interface SnapshotRule {
  id: string;
  category: string;
  severity: string;
  confidence: number;
  note: string;
  suggestion: string;
  /** [needsPerson, …one phrase set index per CONTEXT_SETS name (-1: none), window], or null. */
  context: number[] | null;
}

export const SNAPSHOT_VERSION = 4;

const CONTEXT_SETS = [
  'precededBy',
  'followedBy',
  'unlessFollowedBy',
  'unlessPrecededBy',
  'requireNear',
  'unlessNear',
] as const;

/** Writes a compiled lexicon as a snapshot (the inverse of `restoreLexicon`). */
export function snapshotLexicon(lexicon: CompiledLexicon): LexiconSnapshot {
  const { trie } = lexicon;
  // The trie's keys keep their ids; the sequence table adds the keys it has of its own.
  const keyId = numbering(new Map(trie.keyIds));
  const sequences = lexicon.sequences.sequences.flatMap((seq) => [seq.length, ...seq.map(keyId)]);
  const phraseSets: LexiconSnapshot['phraseSets'] = [];
  const phraseSetId = numbering(new Map<PhraseSet, number>(), (set) =>
    phraseSets.push({ bits: packInts(set.bits), longest: set.longest }),
  );
  const setId = (set: PhraseSet | null) => (set === null ? -1 : phraseSetId(set));
  const ruleIds = new Map(lexicon.rules.map((r, i) => [r, i]));
  const rules = lexicon.rules.map((r) => ({
    id: r.id,
    category: r.category,
    severity: r.severity,
    confidence: r.confidence,
    note: r.note,
    suggestion: r.suggestion,
    context: r.context && [
      r.context.needsPerson ? 1 : 0,
      ...CONTEXT_SETS.map((name) => setId((r.context as CompiledContext)[name])),
      r.context.window,
    ],
  }));
  const personKeys = setId(lexicon.personKeys);
  const numberKeys = [...lexicon.numberKeys].map(keyId);
  return {
    version: SNAPSHOT_VERSION,
    keys: [...trie.keyIds.keys(), ...keyId.added()],
    trieKeys: trie.keyIds.size,
    trie: Object.fromEntries(STORED_TRIE.map((name) => [name, packInts(trie.arrays[name])])) as Record<
      keyof StoredTrie,
      string
    >,
    rules,
    masks: lexicon.masks.map((m) => ({ id: m.id, categories: [...m.categories] })),
    sequences: packInts(narrowest(sequences)),
    phraseSets,
    patterns: lexicon.patterns.map((p) => ({
      rule: ruleIds.get(p.rule) as number,
      source: p.regex.source,
      flags: p.regex.flags,
      anchors: [...p.anchors],
      caseSensitive: p.caseSensitive,
    })),
    fuzzyWords: lexicon.fuzzy.words(),
    personKeys,
    numberKeys,
  };
}

/** Rebuilds the compiled lexicon from a snapshot; throws on a snapshot of another format version. */
export function restoreLexicon(snapshot: LexiconSnapshot): CompiledLexicon {
  if (snapshot.version !== SNAPSHOT_VERSION) {
    throw new Error(
      `lexicon snapshot format ${snapshot.version}, this code reads ${SNAPSHOT_VERSION}: run npm run build`,
    );
  }
  const { keys } = snapshot;
  const sequences = restoreSequences(keys, unpackInts(snapshot.sequences));
  const sets: PhraseSet[] = snapshot.phraseSets.map((p) => ({
    bits: unpackInts(p.bits) as Uint8Array,
    longest: p.longest,
    byFirst: undefined,
    lastKeys: undefined,
  }));
  const setAt = (id: number) => (id === -1 ? null : (sets[id] as PhraseSet));
  const rules: Rule[] = snapshot.rules.map((r) => ({
    id: r.id,
    category: r.category as CategoryId,
    severity: r.severity as Severity,
    confidence: r.confidence,
    note: r.note,
    suggestion: r.suggestion,
    context: r.context && restoreContext(r.context, setAt),
  }));
  const masks: Mask[] = snapshot.masks.map((m) => ({
    id: m.id,
    categories: new Set(m.categories as CategoryId[]),
  }));
  const stored = Object.fromEntries(
    STORED_TRIE.map((name) => [name, unpackInts(snapshot.trie[name])]),
  ) as unknown as StoredTrie;
  const trie = makeTrie(keys.slice(0, snapshot.trieKeys), stored, rules, masks);
  const patterns: PatternRule[] = snapshot.patterns.map((p) => ({
    rule: rules[p.rule] as Rule,
    regex: new RegExp(p.source, p.flags),
    anchors: p.anchors,
    caseSensitive: p.caseSensitive,
  }));
  const fuzzy = new FuzzyIndex();
  for (const word of snapshot.fuzzyWords) fuzzy.add(word);
  const personKeys = setAt(snapshot.personKeys) as PhraseSet;
  const numberKeys = new Set(snapshot.numberKeys.map((id) => keys[id] as string));
  return withPatternIndex({ trie, sequences, patterns, fuzzy, masks, personKeys, numberKeys, rules });
}

function restoreSequences(keys: readonly string[], packed: Ints): SequenceTable {
  const table: SequenceTable = { sequences: [], byFirst: new Map() };
  for (let at = 0; at < packed.length; ) {
    const seq: string[] = [];
    for (let n = packed[at++] as number; n > 0; n--) seq.push(keys[packed[at++] as number] as string);
    addSequence(table, seq);
  }
  return table;
}

function restoreContext(c: number[], setAt: (id: number) => PhraseSet | null): CompiledContext {
  const [
    needsPerson,
    precededBy,
    followedBy,
    unlessFollowedBy,
    unlessPrecededBy,
    requireNear,
    unlessNear,
    window,
  ] = c as [number, number, number, number, number, number, number, number];
  return {
    needsPerson: needsPerson === 1,
    precededBy: setAt(precededBy),
    followedBy: setAt(followedBy),
    unlessFollowedBy: setAt(unlessFollowedBy),
    unlessPrecededBy: setAt(unlessPrecededBy),
    requireNear: setAt(requireNear),
    unlessNear: setAt(unlessNear),
    window,
  };
}

interface Numbering<T> {
  (value: T): number;
  /** The values numbered here, in order, after those the map started with. */
  added(): T[];
}

/** Numbers values in the order first met, after those already in `ids`; `onNew` stores a new one. */
function numbering<T>(ids: Map<T, number>, onNew: (value: T) => void = () => {}): Numbering<T> {
  const added: T[] = [];
  const id = (value: T) => {
    let n = ids.get(value);
    if (n === undefined) {
      n = ids.size;
      ids.set(value, n);
      added.push(value);
      onNew(value);
    }
    return n;
  };
  return Object.assign(id, { added: () => added });
}
