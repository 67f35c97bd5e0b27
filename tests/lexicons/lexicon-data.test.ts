import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isSafePattern } from 'redos-detector';
import { describe, expect, it } from 'vitest';
import { phraseKeys } from '../../lambdas/classifier/lexicon-compile.js';
import { loadLexicons } from '../../lambdas/classifier/lexicon-load.js';
import { expandPhrase } from '../../lambdas/classifier/phrase.js';
import { CATEGORY_IDS } from '../../lambdas/core/categories.js';
import { EN_RAW } from '../../lexicons/en/index.js';

const dir = join(process.cwd(), 'lexicons', 'en');
const bundle = loadLexicons();

describe('English lexicon data', () => {
  it('lists every JSON file of lexicons/en in the bundle, one file per category', () => {
    const onDisk = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(Object.keys(EN_RAW.files).sort()).toEqual(onDisk);
    for (const name of onDisk) expect(CATEGORY_IDS).toContain(name);
  });

  it('validates every file against the zod schema (loadLexicons throws on the first error)', () => {
    expect(bundle.files.length).toBe(Object.keys(EN_RAW.files).length);
  });

  it('has unique entry ids, each prefixed with its category', () => {
    const ids = bundle.files.flatMap((f) => f.entries.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of bundle.files)
      for (const e of f.entries) expect(e.id.startsWith(`${f.category}.`)).toBe(true);
  });

  it('has no phrase twice, within or across files (compared after expansion and stemming)', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const f of bundle.files) {
      for (const e of f.entries) {
        for (const phrase of e.phrases.flatMap((p) => expandPhrase(p) as string[])) {
          const key = phraseKeys(phrase).join(' ');
          const where = `${e.id}: "${phrase}"`;
          const before = seen.get(key);
          if (before) dupes.push(`${where} repeats ${before}`);
          else seen.set(key, where);
        }
      }
    }
    expect(dupes).toEqual([]);
  });

  it('compiles every pattern, and none can backtrack catastrophically', () => {
    const unsafe: string[] = [];
    for (const f of bundle.files) {
      for (const e of f.entries) {
        for (const source of e.patterns) {
          expect(() => new RegExp(source, 'gu')).not.toThrow();
          // redos-detector's parser does not take named groups; the group's name changes nothing about backtracking.
          const result = isSafePattern(source.replace(/\(\?<(?![=!])\w+>/g, '(?:'), {
            unicode: true,
            timeout: 5000,
          });
          if (!result.safe) unsafe.push(`${e.id}: ${source}`);
        }
      }
    }
    expect(unsafe).toEqual([]);
  });

  it('gives every entry a note and a suggestion written as sentences', () => {
    for (const f of bundle.files) {
      for (const e of f.entries) {
        expect(e.note, e.id).toMatch(/^[A-Z'"].*[.!]$/s);
        expect(e.suggestion, e.id).toMatch(/^[A-Z'"].*[.!'"]$/s);
      }
    }
  });
});
