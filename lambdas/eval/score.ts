import { CATEGORY_IDS, type CategoryId } from '../core/categories.js';
import type { CorpusRecord, Label } from '../corpus/corpus-schema.js';

/** What the classifier said about one record (the `scan --format jsonl` line). */
export interface Prediction {
  id: string;
  findings: readonly { category: CategoryId; start: number; end: number; field?: string }[];
}

export interface CategoryScore {
  category: CategoryId;
  labels: number;
  findings: number;
  /** Findings that overlap a label of the same category (and field). */
  matchedFindings: number;
  /** Labels overlapped by a finding of the same category (and field). */
  matchedLabels: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  records: number;
  cleanRecords: number;
  /** Clean records (no labels) with at least one finding. */
  flaggedCleanRecords: number;
  categories: CategoryScore[];
  micro: Omit<CategoryScore, 'category'>;
  falsePositives: { id: string; category: CategoryId; start: number; end: number; field?: string }[];
  falseNegatives: { id: string; category: CategoryId; start: number; end: number; field?: string }[];
}

type Span = { category: CategoryId; start: number; end: number; field?: string };

function overlaps(a: Span, b: Span): boolean {
  return (
    a.category === b.category && (a.field ?? '') === (b.field ?? '') && a.start < b.end && b.start < a.end
  );
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/**
 * taxonomy.md's scoring: a finding matches a label when the categories are equal and the spans
 * overlap (same field for leads). Precision = matched findings / findings; recall = matched
 * labels / labels; micro-averages pool the counts of every category.
 */
export function score(records: readonly CorpusRecord[], predictions: readonly Prediction[]): EvalReport {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const counts = new Map<CategoryId, { labels: number; findings: number; mf: number; ml: number }>();
  for (const c of CATEGORY_IDS) counts.set(c, { labels: 0, findings: 0, mf: 0, ml: 0 });
  const falsePositives: EvalReport['falsePositives'] = [];
  const falseNegatives: EvalReport['falseNegatives'] = [];
  let cleanRecords = 0;
  let flaggedCleanRecords = 0;
  for (const record of records) {
    const findings = byId.get(record.id)?.findings ?? [];
    const labels: readonly Label[] = record.labels;
    if (labels.length === 0) {
      cleanRecords++;
      if (findings.length > 0) flaggedCleanRecords++;
    }
    for (const f of findings) {
      const c = counts.get(f.category);
      if (!c) continue;
      c.findings++;
      if (labels.some((l) => overlaps(f, l))) c.mf++;
      else falsePositives.push({ id: record.id, ...f });
    }
    for (const l of labels) {
      const c = counts.get(l.category) as { labels: number; ml: number };
      c.labels++;
      if (findings.some((f) => overlaps(f, l))) c.ml++;
      else
        falseNegatives.push({
          id: record.id,
          category: l.category,
          start: l.start,
          end: l.end,
          field: l.field,
        });
    }
  }
  const categories: CategoryScore[] = CATEGORY_IDS.map((category) => {
    const c = counts.get(category) as { labels: number; findings: number; mf: number; ml: number };
    const precision = ratio(c.mf, c.findings);
    const recall = ratio(c.ml, c.labels);
    return {
      category,
      labels: c.labels,
      findings: c.findings,
      matchedFindings: c.mf,
      matchedLabels: c.ml,
      precision,
      recall,
      f1: f1(precision, recall),
    };
  });
  const sum = (k: 'labels' | 'findings' | 'matchedFindings' | 'matchedLabels') =>
    categories.reduce((acc, c) => acc + c[k], 0);
  const mp = ratio(sum('matchedFindings'), sum('findings'));
  const mr = ratio(sum('matchedLabels'), sum('labels'));
  return {
    records: records.length,
    cleanRecords,
    flaggedCleanRecords,
    categories,
    micro: {
      labels: sum('labels'),
      findings: sum('findings'),
      matchedFindings: sum('matchedFindings'),
      matchedLabels: sum('matchedLabels'),
      precision: mp,
      recall: mr,
      f1: f1(mp, mr),
    },
    falsePositives,
    falseNegatives,
  };
}
