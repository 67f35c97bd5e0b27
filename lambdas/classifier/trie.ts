import type { Mask, Rule } from './lexicon-compile.js';

/**
 * The phrase trie as typed arrays. Nodes are numbered breadth first, each node's children in
 * ascending key order, so the children of a node are consecutive numbers and edge number c leads
 * to node c + 1: an edge is just its key. A snapshot stores these arrays as they are (narrowed
 * to u8/u16 where the values fit, packed-ints.ts), so restoring the trie at a cold start runs no
 * per-node code: interpreted (nothing is optimised yet at a cold start), building ~47,000 node
 * objects, or even one loop over the nodes, took longer than the 50 ms budget.
 */
export interface Trie {
  /** Key (stem) → id; its keys are exactly the keys that occur in the trie. */
  keyIds: Map<string, number>;
  arrays: TrieArrays;
  /** What `ruleList` refers to. */
  rules: readonly Rule[];
  /** Exclusion masks ending at a node, by node (from `maskPairs`). */
  masksAt: Map<number, Mask[]>;
  /** 1 for the few nodes `masksAt` has: the walk tests this instead of a Map lookup at every step. */
  masked: Uint8Array;
}

/** Any integer typed array: the snapshot picks the narrowest type that holds the values. */
export type Ints = Uint8Array | Uint16Array | Int32Array;

/** What a snapshot stores of the trie. */
export interface StoredTrie {
  /** Node n's edges run from `childStart[n]` to `childStart[n + 1]`; edge c leads to node c + 1. */
  childStart: Ints;
  /** Per edge, its key id; ascending within a node. */
  childKey: Ints;
  /** Rules ending at node n: `ruleList` from `ruleStart[n]` to `ruleStart[n + 1]`. */
  ruleStart: Ints;
  /** Rule indices, in node order. */
  ruleList: Ints;
  /** Exclusion masks ending at a node, as pairs `node, mask index` (few nodes have any). */
  maskPairs: Ints;
  /**
   * 1 for each key id that is some phrase's second word or later: a word with no such key ends every
   * walk that reaches it ("the", "is" and the like start phrases but rarely continue one).
   */
  deepKeys: Ints;
  /**
   * The phrases' first two words, as a filter of 2^17 bits: bit `pairBit(node, key)` is set for each
   * first-word node and each key id that continues it. A walk from a word that starts phrases but
   * ends none ("the", "is", "for": a third of a note's words) is looked up here before it is taken,
   * and most go no further. A clear bit is certain; a set one only likely (pairs share bits).
   */
  firstPairs: Ints;
}

export interface TrieArrays extends StoredTrie {
  /** The root's child by key id, or -1: the first step of every phrase is one array read. */
  rootChild: Int32Array;
}

export const STORED_TRIE = [
  'childStart',
  'childKey',
  'ruleStart',
  'ruleList',
  'maskPairs',
  'deepKeys',
  'firstPairs',
] as const satisfies readonly (keyof StoredTrie)[];

/** 2^17 bits, 16 KB: the ~15,000 pairs of the English lexicons set about one bit in nine. */
const PAIR_BITS = 1 << 17;

function pairBit(node: number, key: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ key) & (PAIR_BITS - 1);
}

/** Might a phrase go on from first-word node `node` over key id `key` (see `firstPairs`)? */
export function mayPair(a: TrieArrays, node: number, key: number): boolean {
  const bit = pairBit(node, key);
  return (((a.firstPairs[bit >>> 3] as number) >>> (bit & 7)) & 1) === 1;
}

/** The filter `firstPairs` of a trie's edges (`childStart`, `childKey` as stored). */
function firstPairsOf(childStart: readonly number[], childKey: readonly number[]): Uint8Array {
  const bits = new Uint8Array(PAIR_BITS >>> 3);
  const firstWords = childStart[1] ?? 0;
  for (let node = 1; node <= firstWords; node++) {
    for (let c = childStart[node] as number; c < (childStart[node + 1] as number); c++) {
      const bit = pairBit(node, childKey[c] as number);
      bits[bit >>> 3] = (bits[bit >>> 3] as number) | (1 << (bit & 7));
    }
  }
  return bits;
}

/** The child of `node` over key id `key`, or -1. */
export function childOf(a: TrieArrays, node: number, key: number): number {
  if (node === 0) return key < a.rootChild.length ? (a.rootChild[key] as number) : -1;
  let lo = a.childStart[node] as number;
  let hi = a.childStart[node + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = a.childKey[mid] as number;
    if (k === key) return mid + 1;
    if (k < key) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** The arrays of a stored trie plus the root's table (sized by the key count). */
function trieArrays(stored: StoredTrie, keyCount: number): TrieArrays {
  const rootChild = new Int32Array(keyCount).fill(-1);
  const rootEdges = stored.childStart[1] ?? 0;
  for (let c = 0; c < rootEdges; c++) rootChild[stored.childKey[c] as number] = c + 1;
  return { ...stored, rootChild };
}

/** The trie over `keys` (numbered by position) from its arrays, as flattened or restored from a snapshot. */
export function makeTrie(
  keys: readonly string[],
  stored: StoredTrie,
  rules: readonly Rule[],
  masks: readonly Mask[],
): Trie {
  const arrays = trieArrays(stored, keys.length);
  const masksAt = new Map<number, Mask[]>();
  const masked = new Uint8Array(Math.max(0, arrays.childStart.length - 1));
  const pairs = arrays.maskPairs;
  for (let i = 0; i < pairs.length; i += 2) {
    const node = pairs[i] as number;
    masked[node] = 1;
    const list = masksAt.get(node) ?? [];
    masksAt.set(node, list);
    list.push(masks[pairs[i + 1] as number] as Mask);
  }
  return { keyIds: new Map(keys.map((k, i) => [k, i])), arrays, rules, masksAt, masked };
}

/** The trie as the compiler builds it, one object per node, before it is flattened. */
export interface TrieNode {
  next: Map<string, TrieNode>;
  rules: Rule[];
  masks: Mask[];
}

export function newNode(): TrieNode {
  return { next: new Map(), rules: [], masks: [] };
}

/** The node reached from `root` over `keys`, created as needed. */
export function insert(root: TrieNode, keys: readonly string[]): TrieNode {
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

/** Numbers the nodes breadth first (children by ascending key id; keys in the order first met). */
export function flattenTrie(root: TrieNode, rules: readonly Rule[], masks: readonly Mask[]): Trie {
  const keyIds = new Map<string, number>();
  const ruleIds = new Map(rules.map((r, i) => [r, i]));
  const maskIds = new Map(masks.map((m, i) => [m, i]));
  const nodes: TrieNode[] = [root];
  const childStart: number[] = [];
  const childKey: number[] = [];
  const ruleStart: number[] = [];
  const ruleList: number[] = [];
  const maskPairs: number[] = [];
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n] as TrieNode;
    const children = [...node.next].map(([key, child]) => {
      if (!keyIds.has(key)) keyIds.set(key, keyIds.size);
      return { key: keyIds.get(key) as number, child };
    });
    children.sort((a, b) => a.key - b.key);
    childStart.push(childKey.length);
    for (const { key, child } of children) {
      childKey.push(key);
      nodes.push(child);
    }
    ruleStart.push(ruleList.length);
    for (const rule of node.rules) ruleList.push(ruleIds.get(rule) as number);
    for (const mask of node.masks) maskPairs.push(n, maskIds.get(mask) as number);
  }
  childStart.push(childKey.length);
  ruleStart.push(ruleList.length);
  // Edges below the root's own are the keys that continue a phrase (computed here, not at a cold start).
  const deepKeys = new Array<number>(keyIds.size).fill(0);
  for (let c = childStart[1] ?? 0; c < childKey.length; c++) deepKeys[childKey[c] as number] = 1;
  const stored: StoredTrie = {
    childStart: narrowest(childStart),
    childKey: narrowest(childKey),
    ruleStart: narrowest(ruleStart),
    ruleList: narrowest(ruleList),
    maskPairs: narrowest(maskPairs),
    deepKeys: narrowest(deepKeys),
    firstPairs: firstPairsOf(childStart, childKey),
  };
  return makeTrie([...keyIds.keys()], stored, rules, masks);
}

/** The narrowest integer typed array that holds every value (all ≥ 0). */
export function narrowest(values: readonly number[]): Ints {
  const max = values.reduce((m, v) => Math.max(m, v), 0);
  if (max < 256) return Uint8Array.from(values);
  if (max < 65536) return Uint16Array.from(values);
  return Int32Array.from(values);
}
