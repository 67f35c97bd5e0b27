import { describe, expect, it } from 'vitest';
import type { CorpusRecord } from '../../lambdas/corpus/corpus-schema.js';
import { parseJsonl } from '../../lambdas/corpus/read-jsonl.js';
import { score } from '../../lambdas/eval/score.js';

const records: CorpusRecord[] = [
  {
    id: 'a',
    kind: 'note',
    text: 'x',
    labels: [
      { category: 'health', start: 0, end: 5 },
      { category: 'age', start: 10, end: 12 },
    ],
  },
  { id: 'b', kind: 'note', text: 'y', labels: [] },
  {
    id: 'c',
    kind: 'lead',
    fields: { Description: 'z' },
    labels: [{ category: 'health', start: 0, end: 4, field: 'Description' }],
  },
];

describe('score (taxonomy.md matching rule)', () => {
  it('matches on equal category and overlapping span, same field for leads', () => {
    const report = score(records, [
      {
        id: 'a',
        findings: [
          { category: 'health', start: 4, end: 9 },
          { category: 'health', start: 20, end: 22 },
        ],
      },
      { id: 'b', findings: [{ category: 'lifestyle', start: 0, end: 1 }] },
      { id: 'c', findings: [{ category: 'health', start: 0, end: 4, field: 'Title' }] },
    ]);
    const health = report.categories.find((c) => c.category === 'health');
    // Findings: a/4-9 matches; a/20-22 no; c in the wrong field no → precision 1/3. Labels: a matched, c not → recall 1/2.
    expect(health).toMatchObject({ labels: 2, findings: 3, matchedFindings: 1, matchedLabels: 1 });
    expect(health?.precision).toBeCloseTo(1 / 3);
    expect(health?.recall).toBeCloseTo(1 / 2);
    expect(health?.f1).toBeCloseTo(0.4);
    const age = report.categories.find((c) => c.category === 'age');
    expect(age).toMatchObject({ labels: 1, findings: 0, recall: 0, f1: 0 });
    expect(report.micro).toMatchObject({ labels: 3, findings: 4, matchedFindings: 1, matchedLabels: 1 });
    expect(report.micro.precision).toBeCloseTo(0.25);
    expect(report.micro.recall).toBeCloseTo(1 / 3);
    expect(report.cleanRecords).toBe(1);
    expect(report.flaggedCleanRecords).toBe(1);
    expect(report.falsePositives.map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(report.falseNegatives.map((f) => [f.id, f.category])).toEqual([
      ['a', 'age'],
      ['c', 'health'],
    ]);
  });

  it('a category with wrong category but same span is not a match', () => {
    const report = score(records.slice(0, 1), [
      { id: 'a', findings: [{ category: 'religion', start: 0, end: 5 }] },
    ]);
    expect(report.micro.matchedFindings).toBe(0);
  });
});

describe('parseJsonl', () => {
  it('reports malformed lines by number and keeps the good ones', () => {
    const parsed = parseJsonl(
      [
        '{"id":"a","kind":"note","text":"ok","labels":[]}',
        '{not json',
        '',
        '{"id":"b","kind":"memo","text":"x"}',
        '{"id":"c","kind":"lead","fields":{"Title":"t"}}',
      ].join('\n'),
    );
    expect(parsed.map((p) => [p.line, p.record?.id ?? null, p.error?.slice(0, 7) ?? null])).toEqual([
      [1, 'a', null],
      [2, null, 'line 2:'],
      [4, null, 'line 4:'],
      [5, 'c', null],
    ]);
  });
});
