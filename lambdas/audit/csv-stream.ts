/**
 * A streaming RFC 4180 CSV parser that works on bytes, so every record carries its exact byte
 * offset in the file (what `--resume` seeks to) and its physical line number (what a malformed
 * row is reported with). Memory stays bounded: only the record being parsed is held, and a record
 * longer than `maxRecordBytes` (an unbalanced quote swallowing the file) is reported and skipped.
 *
 * Accepts what Salesforce's data export writes: a header row, quoted fields with `""` escapes,
 * commas and line breaks inside quotes, `\n` or `\r\n` line ends, UTF-8 with or without a BOM.
 */

import { open } from 'node:fs/promises';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export type CsvEvent =
  | {
      type: 'row';
      fields: string[];
      /** Physical line (1-based) where the record starts. */
      line: number;
      /** Byte offset just past the record's line end: where the next record starts. */
      end: number;
      /** Physical line of the next record. */
      nextLine: number;
    }
  | { type: 'error'; message: string; line: number; end: number; nextLine: number };

export interface CsvPosition {
  /** Byte offset in the file of the first byte handed to the parser. */
  offset: number;
  /** Physical line number at `offset`. */
  line: number;
}

export const DEFAULT_MAX_RECORD_BYTES = 8 * 2 ** 20;

type Parsed =
  | { kind: 'more' }
  | { kind: 'row'; fields: string[]; next: number; lines: number }
  | { kind: 'error'; message: string; next: number; lines: number };

/** Counts line breaks (`\n`, `\r\n`, or a lone `\r`) in b[from, to), and where the first one ends. */
function countBreaks(b: Buffer, from: number, to: number): { n: number; firstEnd: number } {
  let n = 0;
  let firstEnd = -1;
  let i = b.indexOf(LF, from);
  while (i >= 0 && i < to) {
    n++;
    if (firstEnd < 0) firstEnd = i + 1;
    i = b.indexOf(LF, i + 1);
  }
  // Lone carriage returns (old Mac line ends) are rare: one memchr pass finds there are none.
  let r = b.indexOf(CR, from);
  while (r >= 0 && r < to) {
    if (b[r + 1] !== LF) {
      n++;
      if (firstEnd < 0 || r + 1 < firstEnd) firstEnd = r + 1;
    }
    r = b.indexOf(CR, r + 1);
  }
  return { n, firstEnd };
}

/**
 * Index just past the first line end at or after `from`; at the end of the data that is the
 * data's end, or -1 when more data may follow (a `\r` last may be half of a `\r\n`).
 */
function lineEndAfter(b: Buffer, from: number, eof: boolean): { next: number; broke: boolean } {
  for (let i = from; i < b.length; i++) {
    const c = b[i];
    if (c === LF) return { next: i + 1, broke: true };
    if (c === CR) {
      if (i + 1 >= b.length && !eof) return { next: -1, broke: false };
      return { next: b[i + 1] === LF ? i + 2 : i + 1, broke: true };
    }
  }
  return { next: eof ? b.length : -1, broke: false };
}

/**
 * Parses one record starting at `start`. `more` means the buffer ends inside it (unless `eof`).
 * A syntax error resumes at the end of the record's first physical line, so a stray quote that
 * swallowed the following lines costs one row, not all of them.
 */
function parseRecord(b: Buffer, start: number, eof: boolean): Parsed {
  const fields: string[] = [];
  const n = b.length;
  let i = start;
  let lines = 0;
  let firstBreakEnd = -1;
  const fail = (message: string, at: number): Parsed => {
    if (firstBreakEnd >= 0) return { kind: 'error', message, next: firstBreakEnd, lines: 1 };
    const { next, broke } = lineEndAfter(b, at, eof);
    if (next < 0) return { kind: 'more' };
    return { kind: 'error', message, next, lines: broke ? 1 : 0 };
  };
  for (;;) {
    if (i < n && b[i] === QUOTE) {
      let j = i + 1;
      let escaped = false;
      let close = -1;
      for (;;) {
        const q = b.indexOf(QUOTE, j);
        if (q < 0) {
          if (!eof) return { kind: 'more' };
          const breaks = countBreaks(b, j, n);
          if (firstBreakEnd < 0) firstBreakEnd = breaks.firstEnd;
          return fail('unterminated quoted field', n);
        }
        if (q + 1 >= n && !eof) return { kind: 'more' };
        const breaks = countBreaks(b, j, q);
        lines += breaks.n;
        if (firstBreakEnd < 0) firstBreakEnd = breaks.firstEnd;
        if (b[q + 1] === QUOTE) {
          escaped = true;
          j = q + 2;
          continue;
        }
        close = q;
        break;
      }
      const value = b.toString('utf8', i + 1, close);
      fields.push(escaped ? value.replaceAll('""', '"') : value);
      i = close + 1;
      if (i >= n) return { kind: 'row', fields, next: n, lines };
      const c = b[i];
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === LF) return { kind: 'row', fields, next: i + 1, lines: lines + 1 };
      if (c === CR) {
        if (i + 1 >= n && !eof) return { kind: 'more' };
        return { kind: 'row', fields, next: b[i + 1] === LF ? i + 2 : i + 1, lines: lines + 1 };
      }
      return fail('unexpected text after a closing quote', i);
    }
    let j = i;
    while (j < n) {
      const c = b[j];
      if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
      j++;
    }
    if (j >= n) {
      if (!eof) return { kind: 'more' };
      fields.push(b.toString('utf8', i, j));
      return { kind: 'row', fields, next: n, lines };
    }
    const c = b[j];
    if (c === QUOTE) return fail('a quote inside an unquoted field', j);
    fields.push(b.toString('utf8', i, j));
    if (c === COMMA) {
      i = j + 1;
      continue;
    }
    if (c === LF) return { kind: 'row', fields, next: j + 1, lines: lines + 1 };
    if (j + 1 >= n && !eof) return { kind: 'more' };
    return { kind: 'row', fields, next: b[j + 1] === LF ? j + 2 : j + 1, lines: lines + 1 };
  }
}

/**
 * Incremental parser over one reusable buffer: read file bytes straight into `space()`,
 * `commit()` them, then take records one at a time with `next()` (or `push()` a chunk and get
 * its records at once). Only the record in progress is kept across reads, moved to the front of
 * the buffer, so a whole export parses with no allocation per chunk; records are decoded only
 * when asked for, so their strings die young.
 */
export class CsvParser {
  private buf: Buffer;
  /** buf[0, len) holds data; records before `at` are parsed. */
  private view: Buffer;
  private at = 0;
  /** File offset of buf[0]. */
  private base: number;
  private line: number;
  private atFileStart: boolean;
  /** After an over-long record without any line break: drop bytes until the next line end. */
  private skipping = false;

  constructor(
    from: CsvPosition = { offset: 0, line: 1 },
    private readonly maxRecordBytes = DEFAULT_MAX_RECORD_BYTES,
    capacity = 1 << 20,
  ) {
    this.buf = Buffer.allocUnsafe(capacity);
    this.view = this.buf.subarray(0, 0);
    this.base = from.offset;
    this.line = from.line;
    this.atFileStart = from.offset === 0;
  }

  /** Free room for at least `min` bytes after the data (the buffer grows only for a longer record). */
  space(min = 1 << 16): Buffer {
    const len = this.view.length;
    if (this.at > 0) {
      this.buf.copyWithin(0, this.at, len);
      this.base += this.at;
      this.view = this.buf.subarray(0, len - this.at);
      this.at = 0;
    }
    if (this.buf.length - this.view.length < min) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.view.length + min));
      this.buf.copy(grown, 0, 0, this.view.length);
      this.buf = grown;
      this.view = grown.subarray(0, this.view.length);
    }
    return this.buf.subarray(this.view.length);
  }

  /** `n` bytes were written at the start of `space()`. */
  commit(n: number): void {
    this.view = this.buf.subarray(0, this.view.length + n);
  }

  /** The next record, or null when the data so far ends inside one (or has none left). */
  next(eof: boolean): CsvEvent | null {
    const b = this.view;
    if (this.atFileStart) {
      if (b.length < 3 && !eof) return null;
      this.atFileStart = false;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.at = 3;
    }
    if (this.skipping) {
      const { next, broke } = lineEndAfter(b, this.at, eof);
      if (!broke) {
        // Keep a last `\r`: it may be the first half of a `\r\n`.
        this.at = next < 0 && b[b.length - 1] === CR ? b.length - 1 : b.length;
        return null;
      }
      this.at = next;
      this.skipping = false;
      this.line++;
    }
    while (this.at < b.length) {
      // A line end alone is a blank line, not a record.
      const c = b[this.at];
      if (c === LF || c === CR) {
        if (c === CR && this.at + 1 >= b.length && !eof) return null;
        this.at += c === CR && b[this.at + 1] === LF ? 2 : 1;
        this.line++;
        continue;
      }
      const r = parseRecord(b, this.at, eof);
      if (r.kind === 'more') {
        if (b.length - this.at <= this.maxRecordBytes) return null;
        const { firstEnd } = countBreaks(b, this.at, b.length);
        const message = `record longer than ${Math.round(this.maxRecordBytes / 2 ** 20)} MiB (an unbalanced quote?)`;
        const error = { type: 'error' as const, message, line: this.line, nextLine: this.line + 1 };
        if (firstEnd >= 0) {
          this.at = firstEnd;
          this.line++;
          return { ...error, end: this.base + firstEnd };
        }
        // No line break in sight: drop bytes until one comes (skipping counts that line).
        this.at = b.length;
        this.skipping = true;
        return { ...error, end: this.base + b.length };
      }
      const line = this.line;
      this.line += r.lines;
      this.at = r.next;
      const end = this.base + this.at;
      return r.kind === 'row'
        ? { type: 'row', fields: r.fields, line, end, nextLine: this.line }
        : { type: 'error', message: r.message, line, end, nextLine: this.line };
    }
    return null;
  }

  /** Adds a chunk and returns the records it completes. */
  push(chunk: Uint8Array): CsvEvent[] {
    this.space(chunk.length).set(chunk);
    this.commit(chunk.length);
    return this.drain(false);
  }

  /** The records left once no more data will come. */
  end(): CsvEvent[] {
    return this.drain(true);
  }

  private drain(eof: boolean): CsvEvent[] {
    const out: CsvEvent[] = [];
    for (let e = this.next(eof); e; e = this.next(eof)) out.push(e);
    return out;
  }
}

/**
 * A CSV file's records from `from` on, read straight into the parser's buffer (no stream, no
 * chunk allocations): memory stays flat whatever the file's size.
 */
export async function* readCsvFile(
  path: string,
  from: CsvPosition = { offset: 0, line: 1 },
  options: { maxRecordBytes?: number; chunkBytes?: number } = {},
): AsyncGenerator<CsvEvent> {
  const chunk = options.chunkBytes ?? 1 << 20;
  const parser = new CsvParser(from, options.maxRecordBytes, chunk * 2);
  const file = await open(path, 'r');
  try {
    let position = from.offset;
    for (;;) {
      for (let e = parser.next(false); e; e = parser.next(false)) yield e;
      const space = parser.space(chunk);
      const { bytesRead } = await file.read(space, 0, Math.min(space.length, chunk), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      parser.commit(bytesRead);
    }
    for (let e = parser.next(true); e; e = parser.next(true)) yield e;
  } finally {
    await file.close();
  }
}

/** One CSV field as RFC 4180 writes it: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
