import { findingJson } from '../classifier/finding-json.js';
import { defaultClassifier } from '../classifier/index.js';
import { redactText } from '../classifier/redact.js';
import type { Finding, ScanRecord } from '../classifier/types.js';
import { InputError } from '../core/errors.js';
import type { CorpusRecord } from '../corpus/corpus-schema.js';
import { parseJsonl } from '../corpus/read-jsonl.js';
import { formatFindings, type Style } from './format-report.js';
import { readInput } from './read-input.js';

export interface ScanOptions {
  file: string;
  input: 'text' | 'jsonl';
  format: 'text' | 'json' | 'jsonl';
  redact: boolean;
  style: Style;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Returns the exit code: 0, or 1 when some input lines were malformed (the good ones are still scanned). */
export async function scanCommand(opts: ScanOptions): Promise<number> {
  const text = await readInput(opts.file);
  const classifier = defaultClassifier();
  if (opts.input === 'text') {
    const findings = classifier.scanText(text);
    if (opts.format === 'text') {
      opts.out(formatFindings(text, findings, opts.style));
      if (opts.redact) opts.out(`\nredacted:\n${redactText(text, findings)}`);
    } else {
      const record = {
        id: opts.file,
        findings: findings.map(findingJson),
        ...(opts.redact ? { redacted: redactText(text, findings) } : {}),
      };
      opts.out(JSON.stringify(record));
    }
    return 0;
  }
  const parsed = parseJsonl(text);
  let bad = 0;
  for (const line of parsed) {
    if (line.error !== undefined) {
      bad++;
      opts.err(`noteguard: ${opts.file}: ${line.error} (skipped)`);
      continue;
    }
    const record = line.record as CorpusRecord;
    const findings = classifier.scanRecord(toScanRecord(record));
    if (opts.format === 'text') {
      opts.out(reportRecord(record, findings, opts.style));
    } else {
      opts.out(JSON.stringify({ id: record.id, findings: findings.map(findingJson) }));
    }
  }
  if (parsed.length === 0) throw new InputError(`${opts.file}: no records`);
  return bad > 0 ? 1 : 0;
}

export function toScanRecord(r: CorpusRecord): ScanRecord {
  return r.kind === 'note'
    ? { id: r.id, kind: 'note', text: r.text }
    : { id: r.id, kind: 'lead', fields: r.fields };
}

function reportRecord(record: CorpusRecord, findings: Finding[], style: Style): string {
  if (record.kind === 'note') return formatFindings(record.text, findings, style, record.id);
  const parts = [style.bold(record.id)];
  for (const [field, value] of Object.entries(record.fields)) {
    const own = findings.filter((f) => f.field === field);
    if (own.length > 0) parts.push(formatFindings(value, own, style, `  field ${field}`));
  }
  if (findings.length === 0) parts.push('  no findings');
  return parts.join('\n');
}
