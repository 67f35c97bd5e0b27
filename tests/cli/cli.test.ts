import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'noteguard-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const corpus = [
  {
    id: 'n1',
    kind: 'note',
    text: 'He is a total idiot. She is pregnant.',
    labels: [
      { category: 'derogatory', start: 8, end: 19 },
      { category: 'health', start: 28, end: 36 },
    ],
  },
  { id: 'n2', kind: 'note', text: 'Renewal call, budget approved for Q3.', labels: [] },
  {
    id: 'l1',
    kind: 'lead',
    fields: { Company: 'Acme', Description: 'the CFO is a moron' },
    labels: [{ category: 'derogatory', start: 13, end: 18, field: 'Description' }],
  },
];
const corpusPath = file('mini.jsonl', `${corpus.map((r) => JSON.stringify(r)).join('\n')}\n`);

describe('noteguard scan', () => {
  it('prints a human report with the category, why and a suggestion for plain text', async () => {
    const r = await run('scan', file('note.txt', 'Brent is a total idiot.'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\[\[(total )?idiot\]\]/);
    expect(r.out).toContain('derogatory');
    expect(r.out).toMatch(/why: .+/);
    expect(r.out).toMatch(/suggestion: .+/);
  });

  it('prints exactly one JSON line per record with --format jsonl (the measured contract)', async () => {
    const r = await run('scan', '--format', 'jsonl', corpusPath);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['n1', 'n2', 'l1']);
    // Offsets overlap the labelled spans (the lexicon decides the exact extent).
    const found = lines[0].findings.map((f: { category: string; start: number; end: number }) => [
      f.category,
      f.start < 19 && f.end > 8,
      f.start < 36 && f.end > 28,
    ]);
    expect(found).toEqual([
      ['derogatory', true, false],
      ['health', false, true],
    ]);
    expect(lines[1].findings).toEqual([]);
    expect(lines[2].findings[0]).toMatchObject({
      category: 'derogatory',
      field: 'Description',
      start: 13,
      end: 18,
    });
    for (const key of ['severity', 'confidence', 'ruleId', 'message', 'suggestion']) {
      expect(lines[0].findings[0]).toHaveProperty(key);
    }
  });

  it('--redact prints the text with placeholders', async () => {
    const r = await run('scan', '--redact', file('r.txt', 'She is pregnant.'));
    expect(r.out).toContain('She is [REDACTED:health].');
  });

  it('names a malformed line, skips it, scans the good ones and exits non-zero', async () => {
    const bad = file(
      'bad.jsonl',
      `${JSON.stringify(corpus[0])}\n{"id": oops\n${JSON.stringify(corpus[1])}\n`,
    );
    const r = await run('scan', '--format', 'jsonl', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('line 2');
    expect(r.out.split('\n').map((l) => JSON.parse(l).id)).toEqual(['n1', 'n2']);
    expect(r.err).not.toMatch(/at .+\.ts:\d+/); // no stack trace
  });

  it.each([
    ['a missing file', [join(dir, 'nope.txt')], /nope\.txt: no such file/],
    ['a directory', [dir], /is a directory/],
    [
      'a non-UTF-8 file',
      [file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))],
      /not valid UTF-8/,
    ],
  ])('%s gives a clear message and exit 1', async (_name, args, message) => {
    const r = await run('scan', ...args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['scan', '--format', 'xml', 'x'], /--format must be text, json or jsonl/],
    [['scan', '--bogus'], /Unknown option '--bogus'/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('noteguard eval', () => {
  it('prints per-category precision/recall/F1 and the micro average', async () => {
    const r = await run('eval', corpusPath);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/derogatory\s+2\s+2\s+1\.000\s+1\.000\s+1\.000/);
    expect(r.out).toMatch(/micro\s+3\s+3\s+1\.000\s+1\.000\s+1\.000/);
    expect(r.out).toContain('clean records flagged: 0 of 1 (0.0%)');
  });

  it('--json is machine-readable', async () => {
    const r = await run('eval', '--json', corpusPath);
    const report = JSON.parse(r.out);
    expect(report.micro).toMatchObject({ labels: 3, findings: 3, matchedLabels: 3 });
    expect(report.categories).toHaveLength(21);
  });

  it('refuses a corpus with malformed lines, naming them', async () => {
    const r = await run('eval', file('bad-eval.jsonl', '{"id":"x","kind":"note"}\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 1: text/);
  });
});

describe('the installed bin (dist bundle built by npm ci)', () => {
  it('scans standard input', () => {
    const out = execFileSync('node', ['bin/noteguard.mjs', 'scan', '--format', 'json'], {
      input: 'pw is Summer2024! and he is a moron',
      encoding: 'utf8',
    });
    const record = JSON.parse(out);
    expect(record.findings.map((f: { category: string }) => f.category)).toContain('derogatory');
  });

  it('prints one line per dev-corpus record', () => {
    const r = spawnSync(
      'node',
      ['bin/noteguard.mjs', 'scan', '--format', 'jsonl', '../shared/corpus/dev.jsonl'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(334);
    expect(JSON.parse(lines[0] as string)).toHaveProperty('id', 'd-0001');
  });
});
