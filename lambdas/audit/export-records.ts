import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../core/errors.js';
import type { NoteKind } from '../core/model.js';
import { corpusRecordSchema } from '../corpus/corpus-schema.js';
import { contentNoteText } from './content-note-text.js';
import { type CsvPosition, DEFAULT_MAX_RECORD_BYTES, readCsvFile } from './csv-stream.js';
import { type AuditObject, type DetectedFile, detectObject, type ObjectSpec } from './detect-object.js';

/** One CRM record to scan, whatever file format it came from. */
export interface ExportRecord {
  source: 'salesforce' | 'custom';
  object: AuditObject;
  kind: NoteKind;
  recordId: string;
  ownerId?: string;
  /** ISO 8601, when the export has it (charts "over time"). */
  createdDate?: string;
  /** ISO 8601: LastModifiedDate, else CreatedDate. */
  updatedAt?: string;
  title?: string;
  parentId?: string;
  /** Note, Task, ContentNote and corpus notes: the body text and the column it came from. */
  body?: { field: string; text: string };
  /** Lead: scanned field name → text (empty fields left out). */
  fields?: Record<string, string>;
}

export type ExportEvent =
  | { type: 'record'; record: ExportRecord; line: number; end: number; nextLine: number }
  | { type: 'bad'; message: string; line: number; end: number; nextLine: number };

export interface ExportFile {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
  format: 'csv' | 'jsonl';
  detected: DetectedFile;
  header: string[];
  /** Where the first record after the header starts. */
  dataStart: CsvPosition;
  /** Why the file cannot be audited, when it cannot. */
  problem?: string;
}

const CORPUS_SPEC: ObjectSpec = { object: 'corpus', kind: 'note', bodyColumn: 'text' };
const READ_CHUNK = 1 << 20;

/** Reads just the header of an export and tells what it holds. */
export async function inspectExport(path: string): Promise<ExportFile> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : 'cannot be read'}`, { cause: err });
  }
  if (info.isDirectory()) throw new InputError(`${path}: is a directory`);
  const base = {
    path,
    name: basename(path),
    size: info.size,
    mtimeMs: info.mtimeMs,
    header: [] as string[],
    dataStart: { offset: 0, line: 1 },
  };
  if (/\.(jsonl|ndjson)$/i.test(path)) {
    return { ...base, format: 'jsonl', detected: { type: 'object', spec: CORPUS_SPEC } };
  }
  try {
    for await (const event of readCsvFile(path, { offset: 0, line: 1 }, { chunkBytes: 64 * 1024 })) {
      if (event.type === 'error') {
        return {
          ...base,
          format: 'csv',
          detected: { type: 'unknown' },
          problem: `line ${event.line}: the header row is malformed (${event.message})`,
        };
      }
      return {
        ...base,
        format: 'csv',
        header: event.fields,
        detected: detectObject(event.fields),
        dataStart: { offset: event.end, line: event.nextLine },
      };
    }
  } catch (err) {
    throw new InputError(`${path}: cannot be read`, { cause: err });
  }
  return { ...base, format: 'csv', detected: { type: 'unknown' }, problem: 'the file is empty' };
}

/** Salesforce writes `2024-03-05T17:22:31.000Z`; hand-made exports may use a space or no time. */
const SALESFORCE_DATE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // The export's own form is already ISO 8601 UTC: no need to parse it (once per row, twice).
  if (value.length === 24 && SALESFORCE_DATE.test(value)) return value;
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(v)) return undefined;
  const normal = v.length === 10 ? `${v}T00:00:00Z` : v.replace(' ', 'T');
  const t = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(normal) ? normal : `${normal}Z`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function csvRecord(spec: ObjectSpec, get: (column: string) => string | undefined): ExportRecord | string {
  const recordId = get('Id')?.trim();
  if (!recordId) return 'no record Id';
  const record: ExportRecord = { source: 'salesforce', object: spec.object, kind: spec.kind, recordId };
  const ownerId = get('OwnerId')?.trim();
  if (ownerId) record.ownerId = ownerId;
  const created = isoDate(get('CreatedDate'));
  if (created) record.createdDate = created;
  const modified = get('LastModifiedDate');
  const updated = modified === get('CreatedDate') ? created : (isoDate(modified) ?? created);
  if (updated) record.updatedAt = updated;
  const title = spec.titleColumn ? get(spec.titleColumn)?.trim() : undefined;
  if (title) record.title = title;
  const parentId = get('ParentId')?.trim();
  if (parentId) record.parentId = parentId;
  if (spec.bodyColumn) {
    const raw = get(spec.bodyColumn) ?? '';
    const text = spec.object === 'ContentNote' ? contentNoteText(raw) : raw;
    record.body = { field: spec.bodyColumn, text };
  } else {
    const fields: Record<string, string> = {};
    for (const column of spec.fieldColumns ?? []) {
      const value = get(column);
      if (value?.trim()) fields[column] = value;
    }
    record.fields = fields;
  }
  return record;
}

async function* readCsv(file: ExportFile, spec: ObjectSpec, from: CsvPosition): AsyncGenerator<ExportEvent> {
  const index = new Map(file.header.map((h, i) => [h.trim(), i]));
  const width = file.header.length;
  for await (const e of readCsvFile(file.path, from)) {
    const at = { line: e.line, end: e.end, nextLine: e.nextLine };
    if (e.type === 'error') {
      yield { type: 'bad', message: e.message, ...at };
      continue;
    }
    if (e.fields.length !== width) {
      yield {
        type: 'bad',
        message: `expected ${width} fields as in the header, found ${e.fields.length}`,
        ...at,
      };
      continue;
    }
    const fields = e.fields;
    const record = csvRecord(spec, (column) => {
      const i = index.get(column);
      return i === undefined ? undefined : fields[i];
    });
    yield typeof record === 'string'
      ? { type: 'bad', message: record, ...at }
      : { type: 'record', record, ...at };
  }
}

function corpusEvent(line: string, at: number, end: number): ExportEvent {
  const base = { line: at, end, nextLine: at + 1 };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { type: 'bad', message: `not valid JSON (${(err as Error).message})`, ...base };
  }
  const parsed = corpusRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      type: 'bad',
      message: issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid record',
      ...base,
    };
  }
  const r = parsed.data;
  const record: ExportRecord =
    r.kind === 'note'
      ? {
          source: 'custom',
          object: 'corpus',
          kind: 'note',
          recordId: r.id,
          body: { field: 'text', text: r.text },
        }
      : { source: 'custom', object: 'corpus', kind: 'lead', recordId: r.id, fields: r.fields };
  return { type: 'record', record, ...base };
}

/** Corpus JSON Lines, read line by line into one reusable buffer, with byte offsets (blank lines skipped). */
async function* readJsonl(file: ExportFile, from: CsvPosition): AsyncGenerator<ExportEvent> {
  const handle = await open(file.path, 'r');
  let buf = Buffer.allocUnsafe(2 * READ_CHUNK);
  let len = 0;
  let base = from.offset;
  let line = from.line;
  let skipping = false;
  try {
    for (let eof = false; !eof; ) {
      if (buf.length - len < READ_CHUNK) {
        const grown = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(grown, 0, 0, len);
        buf = grown;
      }
      const { bytesRead } = await handle.read(buf, len, READ_CHUNK, base + len);
      eof = bytesRead === 0;
      len += bytesRead;
      let at = 0;
      for (let nl = buf.indexOf(0x0a, at); nl >= 0 && nl < len; nl = buf.indexOf(0x0a, at)) {
        const text = buf
          .toString('utf8', at, nl)
          .replace(/^\uFEFF/, '')
          .trim();
        if (skipping) skipping = false;
        else if (text !== '') yield corpusEvent(text, line, base + nl + 1);
        line++;
        at = nl + 1;
      }
      if (eof && at < len && !skipping) {
        const text = buf.toString('utf8', at, len).trim();
        if (text !== '') yield corpusEvent(text, line, base + len);
        at = len;
      }
      if (len - at > DEFAULT_MAX_RECORD_BYTES && !skipping) {
        yield {
          type: 'bad',
          message: `line longer than ${DEFAULT_MAX_RECORD_BYTES / 2 ** 20} MiB`,
          line,
          end: base + len,
          nextLine: line + 1,
        };
        skipping = true;
      }
      if (skipping) at = len;
      buf.copyWithin(0, at, len);
      len -= at;
      base += at;
    }
  } finally {
    await handle.close();
  }
}

/** The records of an export from `from` (a checkpoint) or its first data row. */
export function readExport(
  file: ExportFile,
  from: CsvPosition = file.dataStart,
): AsyncGenerator<ExportEvent> {
  if (file.detected.type !== 'object') throw new Error(`${file.name} holds no scannable object`);
  return file.format === 'jsonl' ? readJsonl(file, from) : readCsv(file, file.detected.spec, from);
}

export interface Owner {
  name?: string;
  email?: string;
}

/** OwnerId → name and email from a User export (15- and 18-character ids both resolve). */
export async function readUsers(
  file: ExportFile,
  into = new Map<string, Owner>(),
): Promise<Map<string, Owner>> {
  const index = new Map(file.header.map((h, i) => [h.trim(), i]));
  const col = (fields: string[], name: string) => {
    const i = index.get(name);
    return i === undefined ? undefined : fields[i]?.trim() || undefined;
  };
  for await (const e of readCsvFile(file.path, file.dataStart)) {
    if (e.type !== 'row' || e.fields.length !== file.header.length) continue;
    const id = col(e.fields, 'Id');
    if (!id) continue;
    const name =
      col(e.fields, 'Name') ??
      ([col(e.fields, 'FirstName'), col(e.fields, 'LastName')].filter(Boolean).join(' ') || undefined);
    const email = col(e.fields, 'Email');
    const owner: Owner = { ...(name ? { name } : {}), ...(email ? { email } : {}) };
    into.set(id, owner);
    if (id.length === 18) into.set(id.slice(0, 15), owner);
  }
  return into;
}

export function ownerOf(owners: ReadonlyMap<string, Owner>, ownerId: string | undefined): Owner | undefined {
  if (!ownerId) return undefined;
  return owners.get(ownerId) ?? owners.get(ownerId.slice(0, 15));
}
