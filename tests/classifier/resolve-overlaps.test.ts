import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOverlaps } from '../../lambdas/classifier/resolve-overlaps.js';
import type { Candidate } from '../../lambdas/classifier/types.js';

const cand = (start: number, end: number, ruleId: string, extra: Partial<Candidate> = {}): Candidate => ({
  category: 'credentials',
  start,
  end,
  severity: 'high',
  confidence: 0.9,
  ruleId,
  message: 'm',
  suggestion: 's',
  ...extra,
});
const spans = (cs: Candidate[]) => cs.map((c) => [c.ruleId, c.start, c.end]);

describe('resolveOverlaps', () => {
  it('keeps the higher-ranked of two overlapping candidates and returns them sorted by start', () => {
    const out = resolveOverlaps([
      cand(10, 20, 'lex.b', { category: 'health', confidence: 0.8 }),
      cand(15, 25, 'lex.a', { category: 'health', confidence: 0.9 }),
      cand(0, 5, 'lex.c', { category: 'age', confidence: 0.5 }),
    ]);
    expect(spans(out)).toEqual([
      ['lex.c', 0, 5],
      ['lex.a', 15, 25],
    ]);
  });

  it('keeps the remainder of an identifier hit that runs into a stronger one of the same category', () => {
    // "Summer2024!AKIAIOSFODNN7EXAMPLE": the cued value 0–31 and the key 11–31.
    const out = resolveOverlaps([
      cand(0, 31, 'pii.credentials.cued'),
      cand(11, 31, 'pii.credentials.aws', { confidence: 0.97 }),
    ]);
    expect(spans(out)).toEqual([
      ['pii.credentials.cued', 0, 11],
      ['pii.credentials.aws', 11, 31],
    ]);
  });

  it('does not split lexicon matches, other categories, or leave remainders under 4 characters', () => {
    expect(
      spans(
        resolveOverlaps([
          cand(0, 10, 'lex.x', { category: 'health' }),
          cand(3, 10, 'lex.y', { category: 'health', confidence: 0.95 }),
        ]),
      ),
    ).toEqual([['lex.y', 3, 10]]);
    expect(
      spans(
        resolveOverlaps([
          cand(0, 10, 'pii.a', { category: 'government_id' }),
          cand(5, 10, 'pii.b', { confidence: 0.95 }),
        ]),
      ),
    ).toEqual([['pii.b', 5, 10]]);
    expect(
      spans(resolveOverlaps([cand(0, 13, 'pii.a'), cand(3, 13, 'pii.b', { confidence: 0.95 })])),
    ).toEqual([['pii.b', 3, 13]]);
  });

  it('keeps the result disjoint and sorted over many overlapping candidates', () => {
    const many = Array.from({ length: 40_000 }, (_, i) => cand(i * 3, i * 3 + 5, `pii.r${i % 2}`));
    const out = resolveOverlaps(many);
    expect(out.length).toBeGreaterThan(19_000);
    for (let i = 1; i < out.length; i++)
      expect((out[i] as Candidate).start).toBeGreaterThanOrEqual((out[i - 1] as Candidate).end);
  });

  it('gives the same result whatever order the candidates come in, few or many', () => {
    const candidate = fc.record({
      start: fc.integer({ min: 0, max: 60 }),
      length: fc.integer({ min: 1, max: 12 }),
      severity: fc.constantFrom('high', 'medium', 'low') as fc.Arbitrary<Candidate['severity']>,
      confidence: fc.constantFrom(0.75, 0.9, 0.95),
      category: fc.constantFrom('credentials', 'health') as fc.Arbitrary<Candidate['category']>,
      pii: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), fc.integer(), (specs, seed) => {
        // Distinct rule ids: the ranking is then a total order, so no input order can change the result.
        const all = specs.map((c, i) =>
          cand(c.start, c.start + c.length, `${c.pii ? 'pii' : 'lex'}.r${i}`, {
            severity: c.severity,
            confidence: c.confidence,
            category: c.category,
          }),
        );
        const shuffled = [...all];
        let r = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          r = (Math.imul(r, 1664525) + 1013904223) | 0;
          const j = (r >>> 0) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as Candidate, shuffled[i] as Candidate];
        }
        expect(resolveOverlaps(shuffled)).toEqual(resolveOverlaps(all));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
