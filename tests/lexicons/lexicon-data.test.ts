import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isSafePattern } from 'redos-detector';
import { describe, expect, it } from 'vitest';
import { phraseKeys } from '../../lambdas/classifier/lexicon-compile.js';
import { loadLexicons } from '../../lambdas/classifier/lexicon-load.js';
import { patternsOf } from '../../lambdas/classifier/lexicon-schema.js';
import { expandPhrase } from '../../lambdas/classifier/phrase.js';
import { CATEGORY_IDS } from '../../lambdas/core/categories.js';
import { EN_RAW } from '../../lexicons/en/index.js';

const dir = join(process.cwd(), 'lexicons', 'en');
const bundle = loadLexicons();

// redos-detector explores every path through a pattern; a pattern it cannot finish within this
// budget is reported, never passed: a huge alternation belongs in phrases and context rules.
const REDOS_TIMEOUT_MS = 2000;
const checked = new Map<string, string | null>();

/** Why redos-detector could not prove `source` safe (as the classifier runs it, flag `u`), or null. */
function redosProblem(source: string, timeout = REDOS_TIMEOUT_MS): string | null {
  const known = checked.get(source);
  if (known !== undefined && timeout === REDOS_TIMEOUT_MS) return known;
  // redos-detector's parser does not take named groups; the group's name changes nothing about backtracking.
  const result = isSafePattern(source.replace(/\(\?<(?![=!])\w+>/g, '(?:'), { unicode: true, timeout });
  let problem: string | null = null;
  if (result.error === 'timedOut') problem = `not proven safe: the analysis timed out after ${timeout} ms`;
  else if (result.error === 'hitMaxSteps') problem = 'not proven safe: too many paths to analyse';
  else if (!result.safe)
    problem = `can backtrack catastrophically (score ${result.score.infinite ? 'infinite' : result.score.value})`;
  if (timeout === REDOS_TIMEOUT_MS) checked.set(source, problem);
  return problem;
}

describe('the ReDoS check itself', () => {
  it('flags patterns that backtrack catastrophically and passes plain ones', () => {
    expect(redosProblem('(a+)+$')).toMatch(/catastrophically/); // exponential
    expect(redosProblem('\\s+\\s+$')).toMatch(/catastrophically/); // polynomial
    expect(redosProblem('\\bdue\\s+in\\b')).toMatch(/catastrophically/); // quadratic over a long run of spaces
    expect(redosProblem('\\bjailed\\b(?! development)')).toBeNull();
    expect(redosProblem('(?<= )(?!1[0-5])[1-9]\\d\\b(?![/:.,]\\d|%)')).toBeNull();
  });

  it('reports a pattern it could not finish analysing instead of passing it', () => {
    const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima'.split(' ');
    expect(redosProblem(`\\b(?:${words.join('|')}) (?:${words.join('|')})\\b`, 1)).toMatch(/timed out/);
  });
});

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

  it.each(
    bundle.files.map((f) => [f.category, f] as const),
  )('%s: every pattern compiles, has anchors, and is proven safe from catastrophic backtracking', (_category, file) => {
    const problems: string[] = [];
    for (const e of file.entries) {
      for (const { source, anchors } of patternsOf(e)) {
        if (anchors.length === 0) problems.push(`${e.id}: pattern without anchors: ${source}`);
        expect(() => new RegExp(source, 'gu')).not.toThrow();
        const problem = redosProblem(source);
        if (problem) problems.push(`${e.id}: ${problem}: ${source}`);
      }
    }
    expect(problems).toEqual([]);
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
