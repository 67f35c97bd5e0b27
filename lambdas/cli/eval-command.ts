import { defaultClassifier } from '../classifier/index.js';
import { parseJsonlStrict } from '../corpus/read-jsonl.js';
import { type EvalReport, score } from '../eval/score.js';
import { readInput } from './read-input.js';
import { toScanRecord } from './scan-command.js';

export interface EvalOptions {
  corpus: string;
  json: boolean;
  errors: boolean;
  out: (line: string) => void;
}

export async function evalCommand(opts: EvalOptions): Promise<number> {
  const records = parseJsonlStrict(await readInput(opts.corpus));
  const classifier = defaultClassifier();
  const predictions = records.map((r) => ({ id: r.id, findings: classifier.scanRecord(toScanRecord(r)) }));
  const report = score(records, predictions);
  if (opts.json) {
    const { falsePositives, falseNegatives, ...summary } = report;
    opts.out(JSON.stringify(opts.errors ? report : summary, null, 2));
    return 0;
  }
  opts.out(formatTable(report, opts.corpus));
  if (opts.errors) {
    const textOf = new Map(records.map((r) => [r.id, r]));
    const show = (kind: string, e: EvalReport['falsePositives'][number]) => {
      const r = textOf.get(e.id);
      const t = r?.kind === 'note' ? r.text : (r?.fields[e.field ?? ''] ?? '');
      opts.out(
        `${kind} ${e.id} ${e.category} ${e.field ?? ''} "${t.slice(e.start, e.end)}"  …${t.slice(Math.max(0, e.start - 40), e.end + 40).replace(/\n/g, ' ')}…`,
      );
    };
    for (const e of report.falsePositives) show('FP', e);
    for (const e of report.falseNegatives) show('FN', e);
  }
  return 0;
}

const pct = (x: number) => x.toFixed(3);

export function formatTable(r: EvalReport, corpus: string): string {
  const rows = [`corpus: ${corpus} (${r.records} records, ${r.cleanRecords} clean)`, ''];
  rows.push(
    `${'category'.padEnd(20)} ${'labels'.padStart(6)} ${'found'.padStart(6)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)}`,
  );
  for (const c of r.categories) {
    rows.push(
      `${c.category.padEnd(20)} ${String(c.labels).padStart(6)} ${String(c.findings).padStart(6)} ${pct(c.precision).padStart(6)} ${pct(c.recall).padStart(6)} ${pct(c.f1).padStart(6)}`,
    );
  }
  const m = r.micro;
  rows.push(
    `${'micro'.padEnd(20)} ${String(m.labels).padStart(6)} ${String(m.findings).padStart(6)} ${pct(m.precision).padStart(6)} ${pct(m.recall).padStart(6)} ${pct(m.f1).padStart(6)}`,
  );
  rows.push('');
  const share = r.cleanRecords === 0 ? 0 : (100 * r.flaggedCleanRecords) / r.cleanRecords;
  rows.push(`clean records flagged: ${r.flaggedCleanRecords} of ${r.cleanRecords} (${share.toFixed(1)}%)`);
  return rows.join('\n');
}
