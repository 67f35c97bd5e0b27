import type { Classifier } from '../classifier/classifier.js';
import { maskedPreview } from '../classifier/redact.js';
import type { Finding, ScanRecord, Tuning } from '../classifier/types.js';
import type { CsvPosition } from './csv-stream.js';
import type { AuditObject } from './detect-object.js';
import type { ExportEvent, ExportRecord, Owner } from './export-records.js';
import type { FindingRow } from './findings-csv-writer.js';
import type { ProgressSnapshot } from './progress.js';
import { addRecord, addSkipped, emptySummary, type SummaryFinding, type SummaryState } from './summary.js';

/** One export to read: a file in the CLI, anything iterable in tests. */
export interface AuditSource {
  name: string;
  object: AuditObject;
  size: number;
  read(from?: CsvPosition): AsyncIterable<ExportEvent>;
}

/** A scanned record with findings, as the store receives it. */
export interface AuditedRecord {
  record: ExportRecord;
  findings: Finding[];
  /** Masked previews, one per finding, same order. */
  previews: string[];
  owner?: Owner;
}

export interface StoreStats {
  storedNotes: number;
  storedFindings: number;
  alreadyStored: number;
}

/** Where `--store` puts records with findings (DynamoDB in the CLI). */
export interface AuditStore {
  add(r: AuditedRecord): Promise<void>;
  /** Writes what is buffered; after it resolves, everything added so far is stored. */
  flush(): Promise<void>;
  stats(): StoreStats;
}

/** `input` indexes the sources; `at` is where the next record starts (absent: the first data row). */
export interface AuditPosition {
  input: number;
  at?: CsvPosition;
}

export interface AuditProgressState {
  position: AuditPosition;
  findingsBytes: number;
  summary: SummaryState;
  store?: StoreStats;
}

export interface AuditPorts {
  classifier: Pick<Classifier, 'scanRecord'>;
  /** Per-organisation tuning (allow list…) when the store has settings. */
  tuningFor?: (record: ExportRecord) => Tuning | undefined;
  ownerOf: (ownerId: string | undefined) => Owner | undefined;
  findings: { append(row: FindingRow): void; sync(): number };
  store?: AuditStore;
  saveCheckpoint(state: AuditProgressState): void;
  progress: { update(p: ProgressSnapshot): void; log(line: string): void };
  signal: AbortSignal;
  now: () => number;
}

export interface AuditRunOptions {
  sources: readonly AuditSource[];
  /** Continue from a checkpoint. */
  resume?: { position: AuditPosition; summary: SummaryState };
  checkpointEveryMs?: number;
  /** Malformed rows printed as they are met; the rest are only counted (summary.json lists more). */
  printSkipped?: number;
}

export interface AuditOutcome {
  status: 'complete' | 'stopped';
  summary: SummaryState;
  position: AuditPosition;
}

function scanRecordOf(r: ExportRecord): ScanRecord {
  return r.body
    ? { id: r.recordId, kind: 'note', text: r.body.text }
    : { id: r.recordId, kind: 'lead', fields: r.fields ?? {} };
}

/** JavaScript's `\s` (Unicode mode), by UTF-16 code unit. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Where the n-th whitespace-delimited word before `pos` starts, or 0 when there are fewer. */
function wordsBack(text: string, pos: number, n: number): number {
  let i = pos;
  for (let k = 0; k < n; k++) {
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    if (i === 0) return 0;
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

/**
 * maskedPreview, with the same result, on the text from three words before the finding:
 * maskedPreview walks two words back with regexes over everything before the span, which on a
 * long note costs more than the scan. The third word keeps its leading "…" exactly as it was.
 */
function previewOf(text: string, f: Finding, all: readonly Finding[]): string {
  const from = wordsBack(text, f.start, 3);
  if (from === 0) return maskedPreview(text, f, all);
  const shift = (o: Finding) => ({ category: o.category, start: o.start - from, end: o.end - from });
  return maskedPreview(text.slice(from), shift(f), all.map(shift));
}

/** Masked previews of every finding, each masking the other findings of its field too. */
export function previewsOf(r: ExportRecord, findings: readonly Finding[]): string[] {
  const byField = new Map<string | undefined, Finding[]>();
  for (const f of findings) {
    const list = byField.get(f.field);
    if (list) list.push(f);
    else byField.set(f.field, [f]);
  }
  return findings.map((f) => {
    const text = f.field === undefined ? (r.body?.text ?? '') : (r.fields?.[f.field] ?? '');
    return previewOf(text, f, byField.get(f.field) ?? [f]);
  });
}

/**
 * The audit use case: reads every source in order, scans each record, appends its findings
 * (masked previews only) to findings.csv, adds it to the running summary and, with a store,
 * stores records with findings. Every `checkpointEveryMs` (and when `signal` aborts) it flushes
 * the outputs and saves where it is, so a stopped or crashed audit resumes without loss or
 * duplicates. Malformed rows are reported with their line and skipped.
 */
export async function runAudit(ports: AuditPorts, options: AuditRunOptions): Promise<AuditOutcome> {
  const summary = options.resume?.summary ?? emptySummary();
  let position: AuditPosition = options.resume?.position ?? { input: 0 };
  // Bytes of the sources before each one, for the progress figure.
  const before = [0];
  for (const s of options.sources) before.push((before[before.length - 1] as number) + s.size);
  const bytesBefore = (input: number) => before[Math.min(input, options.sources.length)] as number;
  const printSkipped = options.printSkipped ?? 50;
  const every = options.checkpointEveryMs ?? 5000;
  let printed = 0;
  let lastCheckpoint = ports.now();
  let lastYield = lastCheckpoint;

  const snapshot = (): ProgressSnapshot => ({
    doneBytes: bytesBefore(position.input) + (position.at?.offset ?? 0),
    records: summary.totals.records,
    findings: summary.totals.findings,
    skipped: summary.totals.skippedRows,
  });
  const checkpoint = async () => {
    await ports.store?.flush();
    const findingsBytes = ports.findings.sync();
    ports.saveCheckpoint({
      position,
      findingsBytes,
      summary,
      ...(ports.store ? { store: ports.store.stats() } : {}),
    });
    lastCheckpoint = ports.now();
  };

  for (let input = position.input; input < options.sources.length; input++) {
    const source = options.sources[input] as AuditSource;
    const from = input === position.input ? position.at : undefined;
    position = from ? { input, at: from } : { input };
    for await (const event of source.read(from)) {
      if (ports.signal.aborted) break;
      if (event.type === 'bad') {
        addSkipped(summary, { file: source.name, line: event.line, message: event.message }, source.object);
        if (printed < printSkipped) {
          ports.progress.log(`noteguard: ${source.name}: line ${event.line}: ${event.message} (skipped)`);
        } else if (printed === printSkipped) {
          ports.progress.log(
            'noteguard: more malformed rows are counted but not printed (summary.json lists them)',
          );
        }
        printed++;
      } else {
        await auditRecord(ports, summary, source, event.record, event.line);
      }
      position = { input, at: { offset: event.end, line: event.nextLine } };
      ports.progress.update(snapshot());
      const now = ports.now();
      if (now - lastCheckpoint >= every) await checkpoint();
      // A megabyte of short rows parses without touching the event loop: let Ctrl-C in.
      if (now - lastYield >= 50) {
        lastYield = now;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (ports.signal.aborted) {
      await checkpoint();
      ports.progress.update(snapshot());
      return { status: 'stopped', summary, position };
    }
    position = { input: input + 1 };
  }
  await ports.store?.flush();
  ports.findings.sync();
  ports.progress.update(snapshot());
  return { status: 'complete', summary, position };
}

async function auditRecord(
  ports: AuditPorts,
  summary: SummaryState,
  source: AuditSource,
  record: ExportRecord,
  line: number,
): Promise<void> {
  const findings = ports.classifier.scanRecord(scanRecordOf(record), ports.tuningFor?.(record));
  const owner = ports.ownerOf(record.ownerId);
  const ownerLabel = owner?.name ?? owner?.email ?? record.ownerId ?? '';
  const previews = previewsOf(record, findings);
  const facts: SummaryFinding[] = findings.map((f, i) => ({
    category: f.category,
    severity: f.severity,
    ruleId: f.ruleId,
    field: f.field ?? record.body?.field ?? '',
    preview: previews[i] as string,
  }));
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    const fact = facts[i] as SummaryFinding;
    ports.findings.append({
      recordId: record.recordId,
      object: record.object,
      field: fact.field,
      owner: ownerLabel,
      category: f.category,
      severity: f.severity,
      ruleId: f.ruleId,
      preview: fact.preview,
      confidence: f.confidence,
      ownerId: record.ownerId ?? '',
      createdDate: record.createdDate ?? '',
      file: source.name,
      line,
    });
  }
  addRecord(
    summary,
    {
      file: source.name,
      line,
      object: record.object,
      recordId: record.recordId,
      ...(record.ownerId ? { ownerId: record.ownerId } : {}),
      ...(owner?.name || owner?.email ? { owner: (owner.name ?? owner.email) as string } : {}),
      ...(record.createdDate ? { createdDate: record.createdDate } : {}),
    },
    facts,
  );
  if (ports.store && findings.length > 0) {
    await ports.store.add({ record, findings, previews, ...(owner ? { owner } : {}) });
  }
}
