import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import built from '../../dist/lexicons-en.js';
import { compileLexicon } from '../../lambdas/classifier/lexicon-compile.js';
import { loadLexicons } from '../../lambdas/classifier/lexicon-load.js';
import {
  restoreLexicon,
  SNAPSHOT_VERSION,
  snapshotLexicon,
} from '../../lambdas/classifier/lexicon-snapshot.js';
import { childOf } from '../../lambdas/classifier/trie.js';

const compiled = compileLexicon(loadLexicons());
const snapshot = snapshotLexicon(compiled);

/** Every phrase of the trie as "key key key → rule ids", walked through the child arrays. */
function phrases(lexicon: typeof compiled): string[] {
  const { arrays, keyIds, rules } = lexicon.trie;
  const keys = [...keyIds.keys()];
  const out: string[] = [];
  const walk = (node: number, path: string[]) => {
    const ruleIds: string[] = [];
    for (let r = arrays.ruleStart[node] as number; r < (arrays.ruleStart[node + 1] as number); r++)
      ruleIds.push(rules[arrays.ruleList[r] as number]?.id ?? '?');
    if (ruleIds.length > 0) out.push(`${path.join(' ')} → ${ruleIds.join(',')}`);
    for (let c = arrays.childStart[node] as number; c < (arrays.childStart[node + 1] as number); c++) {
      const key = arrays.childKey[c] as number;
      expect(childOf(arrays, node, key)).toBe(c + 1);
      walk(c + 1, [...path, keys[key] as string]);
    }
  };
  walk(0, []);
  return out.sort();
}

describe('lexicon snapshot (what a cold start restores instead of compiling)', () => {
  it('restores exactly what the compiler built, through JSON', () => {
    const restored = restoreLexicon(JSON.parse(JSON.stringify(snapshot)));
    expect(isDeepStrictEqual(restored, compiled)).toBe(true);
  });

  it('holds every phrase of every lexicon file, reachable key by key', () => {
    const all = phrases(restoreLexicon(snapshot));
    expect(all).toEqual(phrases(compiled));
    // "pregnant" alone, "knocked up" over two keys (stems), both health.
    expect(all).toContain('pregnant → health.pregnancy');
    expect(all.some((p) => p.startsWith('knock up → health.'))).toBe(true);
  });

  it('is told apart from a snapshot that lost something', () => {
    const broken = restoreLexicon(snapshot);
    broken.masks.pop();
    expect(isDeepStrictEqual(broken, compiled)).toBe(false);
  });

  it('dist/lexicons-en.js is the snapshot of the lexicon files as they are now (else: npm run build)', () => {
    expect(built).toEqual(snapshot);
  });

  it('refuses a snapshot of another format version', () => {
    expect(() =>
      restoreLexicon({ ...snapshot, version: (SNAPSHOT_VERSION + 1) as typeof SNAPSHOT_VERSION }),
    ).toThrow(/run npm run build/);
  });
});
