/**
 * The phrase lists of context rules ("precededBy": ["@person", "my"], …), compiled. Every list
 * of one lexicon draws on one table of key sequences, each stored once and indexed by its first
 * key; a list is a bitmap over that table. ~200 lists hold ~22,000 sequences but only ~3,000
 * distinct ones, and a bitmap restores from a snapshot without a loop.
 */
export interface SequenceTable {
  sequences: string[][];
  /** Sequence ids by their first key. */
  byFirst: Map<string, number[]>;
}

export interface PhraseSet {
  /** Bit `id` set: sequence `id` of the table is in this list. */
  bits: Uint8Array;
  /** The most keys in one of its sequences. */
  longest: number;
  /** Its own sequence ids by first key, built on first use (see `startingWith`). */
  byFirst: Map<string, number[]> | undefined;
  /** The last keys of its sequences, built on first use (see `mayEndWith`). */
  lastKeys: Set<string> | undefined;
}

export function has(set: PhraseSet, id: number): boolean {
  return (((set.bits[id >> 3] ?? 0) >> (id & 7)) & 1) === 1;
}

const NONE: readonly number[] = [];

/**
 * The ids of the set's sequences that start with `key`, in table order. A context rule asks this of
 * every word near a match: the table's own index would hand it every sequence of every list that
 * starts with the word (hundreds for "the") to test one by one.
 */
export function startingWith(set: PhraseSet, table: SequenceTable, key: string): readonly number[] {
  set.byFirst ??= indexByFirst(set, table);
  return set.byFirst.get(key) ?? NONE;
}

/** The last keys of the set's sequences, built on first use. */
export function lastKeysOf(set: PhraseSet, table: SequenceTable): ReadonlySet<string> {
  if (set.lastKeys === undefined) {
    const lastKeys = new Set<string>();
    forEachSequence(set, table, (seq) => lastKeys.add(seq.at(-1) as string));
    set.lastKeys = lastKeys;
  }
  return set.lastKeys;
}

/** Might a sequence of the set end with `key`? (Does one end with it: a test before a full `endsAt`.) */
export function mayEndWith(set: PhraseSet, table: SequenceTable, key: string): boolean {
  return lastKeysOf(set, table).has(key);
}

function indexByFirst(set: PhraseSet, table: SequenceTable): Map<string, number[]> {
  const byFirst = new Map<string, number[]>();
  forEachSequence(set, table, (seq, id) => {
    const first = seq[0] as string;
    const ids = byFirst.get(first);
    if (ids) ids.push(id);
    else byFirst.set(first, [id]);
  });
  return byFirst;
}

/** Each sequence of the set, in table order (building an index: not on a scan's path). */
function forEachSequence(
  set: PhraseSet,
  table: SequenceTable,
  visit: (seq: string[], id: number) => void,
): void {
  const count = Math.min(table.sequences.length, set.bits.length * 8);
  for (let id = 0; id < count; id++) if (has(set, id)) visit(table.sequences[id] as string[], id);
}

/** Adds sequences (or finds them) while lexicons compile. */
export class SequenceTableBuilder {
  readonly table: SequenceTable = { sequences: [], byFirst: new Map() };
  private readonly ids = new Map<string, number>();

  idOf(seq: string[]): number {
    // Keys are tokens, so they hold no spaces: the joined sequence names it.
    const joined = seq.join(' ');
    let id = this.ids.get(joined);
    if (id === undefined) {
      id = addSequence(this.table, seq);
      this.ids.set(joined, id);
    }
    return id;
  }
}

export function addSequence(table: SequenceTable, seq: string[]): number {
  const id = table.sequences.push(seq) - 1;
  const first = seq[0] as string;
  const bucket = table.byFirst.get(first);
  if (bucket) bucket.push(id);
  else table.byFirst.set(first, [id]);
  return id;
}

export function phraseSetOf(table: SequenceTable, ids: readonly number[]): PhraseSet {
  const bits = new Uint8Array((Math.max(-1, ...ids) >> 3) + 1);
  let longest = 0;
  for (const id of ids) {
    bits[id >> 3] = (bits[id >> 3] as number) | (1 << (id & 7));
    longest = Math.max(longest, (table.sequences[id] as string[]).length);
  }
  return { bits, longest, byFirst: undefined, lastKeys: undefined };
}
