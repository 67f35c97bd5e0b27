import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CsvEvent, CsvParser, csvField, readCsvFile } from '../../lambdas/audit/csv-stream.js';

/** Feeds `text` in chunks of `size` bytes (1 byte splits every multi-byte character too). */
function parse(
  input: string | Buffer,
  size = 1 << 20,
  from?: { offset: number; line: number },
  max?: number,
) {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const parser = new CsvParser(from, max);
  const events: CsvEvent[] = [];
  for (let i = 0; i < bytes.length; i += size) events.push(...parser.push(bytes.subarray(i, i + size)));
  events.push(...parser.end());
  return events;
}

const rows = (events: CsvEvent[]) => events.map((e) => (e.type === 'row' ? e.fields : `error@${e.line}`));

// What a Salesforce weekly export looks like: BOM, every field quoted, CRLF line ends, line
// breaks, commas and doubled quotes inside bodies, non-ASCII text.
const EXPORT = [
  '\uFEFF"Id","Title","Body","CreatedDate"',
  '"002A","Call, Q3","Line one\r\nline two, with a comma","2024-03-05T17:22:31.000Z"',
  '"002B","He said ""no""","Tomás — café ☕","2024-03-06T09:00:00.000Z"',
  '"002C","","",""',
  '',
].join('\r\n');

describe('CsvParser', () => {
  it('parses quoted commas, line breaks and doubled quotes inside fields, BOM and CRLF', () => {
    expect(rows(parse(EXPORT))).toEqual([
      ['Id', 'Title', 'Body', 'CreatedDate'],
      ['002A', 'Call, Q3', 'Line one\r\nline two, with a comma', '2024-03-05T17:22:31.000Z'],
      ['002B', 'He said "no"', 'Tomás — café ☕', '2024-03-06T09:00:00.000Z'],
      ['002C', '', '', ''],
    ]);
  });

  it('gives the same records whatever the chunk size (chunks split quotes, CRLF and UTF-8)', () => {
    const whole = parse(EXPORT);
    for (const size of [1, 2, 3, 5, 7, 16, 64]) expect(parse(EXPORT, size)).toEqual(whole);
  });

  it('reports physical line numbers, counting the line breaks inside quoted fields', () => {
    const events = parse(EXPORT);
    expect(events.map((e) => e.line)).toEqual([1, 2, 4, 5]);
    expect(events.map((e) => e.nextLine)).toEqual([2, 4, 5, 6]);
  });

  it('gives byte offsets a parser can resume from, and the rest parses the same', () => {
    const bytes = Buffer.from(EXPORT);
    const whole = parse(bytes);
    for (const [i, e] of whole.entries()) {
      const rest = parse(bytes.subarray(e.end), 4, { offset: e.end, line: e.nextLine });
      expect(rest).toEqual(whole.slice(i + 1));
    }
  });

  it('accepts unquoted fields, LF line ends, a lone CR and a last line without a line end', () => {
    expect(rows(parse('a,b\nc,d\re,f\r\ng,h'))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('skips blank lines without calling them malformed', () => {
    const events = parse('a,b\r\n\r\n\nc,d\n');
    expect(rows(events)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(events[1]?.line).toBe(4);
  });

  it('reports a quote inside an unquoted field and goes on with the next line', () => {
    const events = parse('Id,Body\n1,ok\n2,he said "hi"\n3,fine\n');
    expect(rows(events)).toEqual([['Id', 'Body'], ['1', 'ok'], 'error@3', ['3', 'fine']]);
    expect(events[2]).toMatchObject({ type: 'error', message: 'a quote inside an unquoted field' });
  });

  it('a stray opening quote costs one row, not every row it swallowed', () => {
    const text = 'Id,Body\n1,"stray, never closed\n2,plain\n3,"quoted",x\n4,last\n';
    const events = parse(text);
    expect(rows(events)).toEqual([
      ['Id', 'Body'],
      'error@2',
      ['2', 'plain'],
      ['3', 'quoted', 'x'],
      ['4', 'last'],
    ]);
    for (const size of [1, 3, 8]) expect(parse(text, size)).toEqual(events);
  });

  it('an unterminated quote at the end of the file is one malformed row', () => {
    const events = parse('Id,Body\n1,ok\n2,"cut off in the mid');
    expect(rows(events)).toEqual([['Id', 'Body'], ['1', 'ok'], 'error@3']);
    expect(events[2]).toMatchObject({ message: 'unterminated quoted field' });
  });

  it('reports text after a closing quote', () => {
    expect(rows(parse('1,"a"b,c\n2,d\n'))).toEqual(['error@1', ['2', 'd']]);
  });

  it('bounds memory: a record longer than the limit is reported and skipped', () => {
    const long = `1,"${'x'.repeat(5000)}\n2,ok\n`;
    expect(rows(parse(long, 100, undefined, 1000))).toEqual(['error@1', ['2', 'ok']]);
    const noBreak = `1,${'y'.repeat(5000)}\n2,ok\n`;
    const events = parse(noBreak, 100, undefined, 1000);
    expect(rows(events)).toEqual(['error@1', ['2', 'ok']]);
    expect(events[1]?.line).toBe(2);
  });

  it('strips a BOM only at the start of the file', () => {
    expect(rows(parse('\uFEFFa\n\uFEFFb\n'))).toEqual([['a'], ['\uFEFFb']]);
    expect(rows(parse(Buffer.from('\uFEFFa\n').subarray(3), 1, { offset: 3, line: 1 }))).toEqual([['a']]);
  });
});

describe('readCsvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'noteguard-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  async function read(path: string, from?: { offset: number; line: number }, chunkBytes = 4) {
    const events: CsvEvent[] = [];
    for await (const e of readCsvFile(path, from, { chunkBytes })) events.push(e);
    return events;
  }

  it('reads a file in small chunks into the same records, and resumes from any record end', async () => {
    const path = join(dir, 'export.csv');
    writeFileSync(path, EXPORT);
    const whole = parse(EXPORT);
    expect(await read(path)).toEqual(whole);
    for (const [i, e] of whole.entries()) {
      expect(await read(path, { offset: e.end, line: e.nextLine })).toEqual(whole.slice(i + 1));
    }
  });

  it('grows its buffer for a record longer than a chunk', async () => {
    const path = join(dir, 'long.csv');
    const body = `${'lorem ipsum, '.repeat(400)}\r\n"quoted"`;
    writeFileSync(path, `Id,Body\r\n1,"${body.replaceAll('"', '""')}"\r\n2,short\r\n`);
    expect(rows(await read(path, undefined, 16))).toEqual([
      ['Id', 'Body'],
      ['1', body],
      ['2', 'short'],
    ]);
  });
});

describe('csvField', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const back = parse(`${['x,y', 'q"q', 'l\r\nl'].map(csvField).join(',')}\n`);
    expect(rows(back)).toEqual([['x,y', 'q"q', 'l\r\nl']]);
  });
});
