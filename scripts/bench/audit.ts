// The audit bench: a generated Salesforce Note export (200k rows by default) audited by the
// built CLI in a child process pinned to one core; the child reports its own peak RSS.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNotes } from './workload.js';

const OWNERS = [
  ['005Ho00000A1bCdIAA', 'Dana Whitfield'],
  ['005Ho00000A1bCeIAA', 'Priya Raman'],
  ['005Ho00000A1bCfIAA', 'Brent Kowalski'],
  ['005Ho00000A1bCgIAA', 'Marla Quint'],
  ['005Ho00000A1bChIAA', 'Gus Feeney'],
  ['005Ho00000A1bCiIAA', 'Tomás Ortega'],
  ['005Ho00000A1bCjIAA', 'Aisha Bello'],
  ['005Ho00000A1bCkIAA', 'Lena Fischer'],
  ['005Ho00000A1bClIAA', 'Kofi Mensah'],
  ['005Ho00000A1bCmIAA', 'Wei Zhang'],
  ['005Ho00000A1bCnIAA', 'Sam Okafor'],
  ['005Ho00000A1bCoIAA', 'Ines Duarte'],
] as const;

const TITLES = ['Call notes', 'QBR', 'Demo follow-up', 'Pricing', 'Renewal', 'Onsite visit', 'Intro call'];

/** An 18-character Salesforce-looking id: prefix + zero-padded number. */
function sfId(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(15 - prefix.length, '0')}AAA`;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Writes rows in 1 MB writes: the generator itself never holds the export. */
class CsvFile {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string, header: string[], bom = true) {
    this.fd = openSync(path, 'w');
    if (bom) writeSync(this.fd, '\uFEFF');
    this.row(header);
  }
  row(fields: string[]): void {
    // Salesforce's export quotes every field and ends lines with CRLF.
    const line = `${fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')}\r\n`;
    this.parts.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface GeneratedExport {
  dir: string;
  files: string[];
  notes: number;
  bytes: number;
}

/**
 * A Salesforce weekly-export-like folder: Note.csv (bodies of ~`noteBytes`, CRLF line breaks
 * inside, commas and quotes), User.csv and, optionally, Lead.csv and Task.csv, created dates
 * spread over two years. Seeded, so every run writes the same bytes.
 */
export function writeSalesforceExport(
  dir: string,
  options: { notes: number; leads?: number; tasks?: number; noteBytes?: number; seed?: number },
): GeneratedExport {
  const rand = rng(options.seed ?? 7);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = 730 * 86_400_000;
  const date = () => new Date(start + Math.floor(rand() * span)).toISOString();
  const owner = () => OWNERS[Math.floor(rand() * OWNERS.length)]?.[0] as string;
  const files: string[] = [];

  const users = new CsvFile(join(dir, 'User.csv'), ['Id', 'Username', 'Name', 'Email', 'IsActive']);
  for (const [id, name] of OWNERS) {
    const login = name.toLowerCase().replace(/[^a-z]+/g, '.');
    users.row([id, `${login}@acme.example`, name, `${login}@acme.example`, 'true']);
  }
  users.close();
  files.push(join(dir, 'User.csv'));

  const notes = new CsvFile(join(dir, 'Note.csv'), [
    'Id',
    'IsDeleted',
    'ParentId',
    'Title',
    'IsPrivate',
    'Body',
    'OwnerId',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
  ]);
  const batch = 1000;
  for (let done = 0; done < options.notes; done += batch) {
    const bodies = generateNotes(Math.min(batch, options.notes - done), options.noteBytes ?? 1024, done + 1);
    bodies.forEach((body, i) => {
      const n = done + i;
      const created = date();
      const who = owner();
      notes.row([
        sfId('002Ho', n),
        'false',
        sfId('006Ho', n % 5000),
        TITLES[n % TITLES.length] as string,
        'false',
        body.replaceAll('\n', '\r\n'),
        who,
        created,
        who,
        created,
      ]);
    });
  }
  notes.close();
  files.push(join(dir, 'Note.csv'));

  if (options.leads) {
    const leads = new CsvFile(join(dir, 'Lead.csv'), [
      'Id',
      'LastName',
      'FirstName',
      'Title',
      'Company',
      'Status',
      'Description',
      'OwnerId',
      'CreatedDate',
      'Personal_Notes__c',
    ]);
    const bodies = generateNotes(options.leads, 300, 99);
    bodies.forEach((body, n) => {
      leads.row([
        sfId('00QHo', n),
        'Lead',
        `L${n}`,
        n % 9 === 0 ? 'VP Ops (on leave for chemo)' : 'Purchasing Manager',
        `Company ${n}`,
        'Open',
        body,
        owner(),
        date(),
        n % 4 === 0 ? 'Party animal! Met at the expo bar.' : '',
      ]);
    });
    leads.close();
    files.push(join(dir, 'Lead.csv'));
  }
  if (options.tasks) {
    const tasks = new CsvFile(join(dir, 'Task.csv'), [
      'Id',
      'WhoId',
      'WhatId',
      'Subject',
      'ActivityDate',
      'Status',
      'Priority',
      'OwnerId',
      'Description',
      'CreatedDate',
    ]);
    const bodies = generateNotes(options.tasks, 400, 123);
    bodies.forEach((body, n) => {
      tasks.row([
        sfId('00THo', n),
        '',
        '',
        'Call',
        '2025-03-01',
        'Completed',
        'Normal',
        owner(),
        body,
        date(),
      ]);
    });
    tasks.close();
    files.push(join(dir, 'Task.csv'));
  }
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  return { dir, files, notes: options.notes, bytes };
}

export interface AuditBench {
  notes: number;
  exportMb: number;
  /** Notes per minute of the child's wall-clock time, start-up included. */
  notesPerMinute: number;
  /** Notes per minute of the child's CPU time (user + system): what one free core would do. */
  notesPerCpuMinute: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  findings: number;
  pinned: boolean;
}

/** Audits a generated `notes`-row export with dist/cli.mjs, pinned to one core when taskset exists. */
export async function benchAudit(notes = 200_000): Promise<AuditBench> {
  const root = join(import.meta.dirname, '..', '..');
  const cli = join(root, 'dist', 'cli.mjs');
  if (!existsSync(cli)) spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'noteguard-audit-bench-'));
  try {
    const exp = writeSalesforceExport(dir, { notes });
    const out = join(dir, 'out');
    const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
    const [cmd, args] = pinned
      ? ['taskset', ['-c', '0', 'node', cli, 'audit', ...exp.files, '--out', out]]
      : ['node', [cli, 'audit', ...exp.files, '--out', out]];
    const t0 = performance.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(cmd as string, args as string[], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, NOTEGUARD_PROGRESS_MS: '60000' },
      });
      child.stderr.resume();
      child.on('exit', resolve);
    });
    const wallSeconds = (performance.now() - t0) / 1000;
    if (code !== 0) throw new Error(`audit exited with ${code}`);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    return {
      notes: summary.totals.records,
      exportMb: exp.bytes / 1e6,
      notesPerMinute: (summary.totals.records / wallSeconds) * 60,
      notesPerCpuMinute: (summary.totals.records / summary.run.cpuSeconds) * 60,
      wallSeconds,
      cpuSeconds: summary.run.cpuSeconds,
      peakRssMb: summary.run.peakRssMb,
      findings: summary.totals.findings,
      pinned,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
