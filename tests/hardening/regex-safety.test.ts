import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RegexSite, regexInventory } from './support/regex-inventory.js';
import { slowestPump, timeRegex } from './support/regex-pump.js';

// Every regular expression in the product code (lambdas/, bot/) is checked for catastrophic
// backtracking. (redos-detector, which checks the lexicon patterns, cannot tell these apart: it
// scores any unanchored pattern or large bounded quantifier as unsafe, so the check is empirical.) Lexicon patterns are checked by tests/lexicons/lexicon-data.test.ts; polynomial
// (quadratic) blow-ups on long inputs, per detector and through the whole classifier, are measured
// by `npm run stress`, which has the time for inputs of 256 KB and more.
const ROOT = process.cwd();
const inventory = regexInventory(ROOT, ['lambdas', 'bot']);

/**
 * `new RegExp(…)` sites: their patterns exist only at run time. Each is either built at module
 * load (captured below by watching the RegExp constructor while the module is imported) or
 * explained here. A new site fails the test until it is classified.
 */
const CONSTRUCTOR_SITES: Record<string, string> = {
  'lambdas/classifier/detectors/date-of-birth.ts': 'load', // DATE, built from month/day lists
  'lambdas/classifier/detectors/personal-contact.ts': 'load', // ADDRESS; and a copy of a literal with the g flag
  'lambdas/classifier/lexicon-compile.ts': 'lexicon patterns, checked by tests/lexicons/lexicon-data.test.ts',
  'lambdas/classifier/pattern-scan.ts':
    'a sticky copy of a lexicon pattern (same source, "y" for "g": the same backtracking), checked with the lexicon patterns',
  'lambdas/classifier/lexicon-snapshot.ts':
    'the same lexicon patterns, restored from the build-time snapshot (tests/classifier/lexicon-snapshot.test.ts: equal to a fresh compile)',
};

const dynamic: RegexSite[] = [];
beforeAll(async () => {
  const Native = globalThis.RegExp;
  const seen: RegExp[] = [];
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args, newTarget) {
      const re = Reflect.construct(target, args, newTarget) as RegExp;
      seen.push(re);
      return re;
    },
  });
  try {
    for (const [file, how] of Object.entries(CONSTRUCTOR_SITES)) {
      if (how !== 'load') continue;
      const before = seen.length;
      await import(`${ROOT}/${file}`);
      for (const re of seen.slice(before))
        dynamic.push({ where: `${file} (built at load)`, source: re.source, flags: re.flags });
    }
  } finally {
    globalThis.RegExp = Native;
  }
});
afterAll(() => {
  dynamic.length = 0;
});

const all = () => [...inventory.literals, ...dynamic];
const compile = (r: RegexSite) => new RegExp(r.source, r.flags);

describe('regular expressions in code', () => {
  it('finds the literals (the TypeScript parser, not a text search) and classifies every RegExp constructor', () => {
    expect(inventory.literals.length).toBeGreaterThan(100);
    const sites = [...new Set(inventory.constructors.map((c) => c.where.replace(/:\d+$/, '')))].sort();
    expect(sites).toEqual(Object.keys(CONSTRUCTOR_SITES).sort());
    // The patterns built at load were captured (DATE and ADDRESS are long alternations).
    expect(dynamic.length).toBeGreaterThanOrEqual(2);
    expect(dynamic.some((d) => d.source.length > 200)).toBe(true);
  });

  it('every one compiles with its flags', () => {
    for (const r of all()) expect(() => compile(r), r.where).not.toThrow();
  });

  it('none backtracks catastrophically: no pumped input of 28 or 40 characters takes noticeable time', () => {
    // Exponential backtracking doubles per character: at 40 characters that is 2^40 steps (hours).
    // Linear and quadratic patterns answer these in microseconds.
    const slow: string[] = [];
    for (const r of all()) {
      const re = compile(r);
      for (const n of [28, 40]) {
        const worst = slowestPump(re, n, 50);
        if (worst.ms > 50) {
          slow.push(
            `${r.where} /${r.source.slice(0, 80)}/${r.flags}: ${Math.round(worst.ms)} ms on ${JSON.stringify(worst.input.slice(0, 40))}`,
          );
          break;
        }
      }
    }
    expect(slow).toEqual([]);
  });

  it('the check itself works: it catches a textbook catastrophic pattern', () => {
    const evil = /^(a+)+$/;
    expect(slowestPump(evil, 26, 50).ms).toBeGreaterThan(50);
    expect(timeRegex(/^a+$/, `${'a'.repeat(40)}!`)).toBeLessThan(50);
  });
});
