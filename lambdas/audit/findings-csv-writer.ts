import { closeSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { csvField } from './csv-stream.js';

export interface FindingRow {
  recordId: string;
  object: string;
  field: string;
  owner: string;
  category: string;
  severity: string;
  ruleId: string;
  /** The masked preview: never the raw flagged text. */
  preview: string;
  confidence: number;
  ownerId: string;
  createdDate: string;
  file: string;
  line: number;
}

export const FINDINGS_HEADER = [
  'record_id',
  'object',
  'field',
  'owner',
  'category',
  'severity',
  'rule_id',
  'masked_preview',
  'confidence',
  'owner_id',
  'created_date',
  'source_file',
  'source_line',
];

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula: note text is
 * untrusted, so such cells get a leading apostrophe (OWASP "CSV injection").
 */
function cell(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

const FLUSH_AT = 64 * 1024;

/**
 * findings.csv, appended in 64 KB writes. `flush()` returns the file's length, which the
 * checkpoint records; a resumed run cuts the file back to it, dropping rows written after it.
 */
export class FindingsCsvWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private bytes: number;
  private closed = false;

  private constructor(
    private readonly fd: number,
    bytes: number,
  ) {
    this.bytes = bytes;
  }

  static create(path: string): FindingsCsvWriter {
    const w = new FindingsCsvWriter(openSync(path, 'w'), 0);
    w.pending.push(`${FINDINGS_HEADER.join(',')}\r\n`);
    return w;
  }

  static resume(path: string, bytes: number): FindingsCsvWriter {
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, bytes);
    return new FindingsCsvWriter(fd, bytes);
  }

  append(r: FindingRow): void {
    const line = `${[
      cell(r.recordId),
      cell(r.object),
      cell(r.field),
      cell(r.owner),
      r.category,
      r.severity,
      cell(r.ruleId),
      cell(r.preview),
      r.confidence.toFixed(2),
      cell(r.ownerId),
      r.createdDate,
      cell(r.file),
      String(r.line),
    ].join(',')}\r\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= FLUSH_AT) this.flush();
  }

  /** Writes what is buffered; returns the file's length in bytes. */
  flush(): number {
    if (this.pending.length > 0) {
      const data = this.pending.join('');
      // Written as a string: no Buffer per flush for the garbage collector to chase.
      const bytes = Buffer.byteLength(data, 'utf8');
      const written = writeSync(this.fd, data, this.bytes, 'utf8');
      if (written !== bytes) throw new Error(`short write to findings.csv (${written} of ${bytes} bytes)`);
      this.bytes += bytes;
      this.pending = [];
      this.pendingChars = 0;
    }
    return this.bytes;
  }

  /** Flushes and makes the bytes durable before a checkpoint names them. */
  sync(): number {
    const bytes = this.flush();
    fsyncSync(this.fd);
    return bytes;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}
