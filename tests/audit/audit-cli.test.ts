import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_FILE, type Checkpoint } from '../../lambdas/audit/checkpoint.js';
import { CsvParser } from '../../lambdas/audit/csv-stream.js';
import { FINDINGS_HEADER } from '../../lambdas/audit/findings-csv-writer.js';
import { emptySummary } from '../../lambdas/audit/summary.js';
import { runCli as run } from '../helpers/cli.js';
import { RAW_SENSITIVE, writeLeadCsv, writeNoteCsv, writeUserCsv } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'noteguard-audit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readCsv(path: string): string[][] {
  const parser = new CsvParser();
  const events = [...parser.push(readFileSync(path)), ...parser.end()];
  return events.map((e) => (e.type === 'row' ? e.fields : []));
}

describe('noteguard audit', () => {
  let result: Awaited<ReturnType<typeof run>>;
  const out = join(dir, 'out');
  let notes: string;
  beforeAll(async () => {
    notes = writeNoteCsv(dir, 40, { bad: [7, 30] });
    const lead = writeLeadCsv(dir);
    const users = writeUserCsv(dir);
    const account = join(dir, 'Account.csv');
    writeFileSync(account, 'Id,Name,Industry\n001A,Acme,Retail\n');
    result = await run('audit', notes, lead, account, users, '--out', out);
  });

  it('writes findings.csv, summary.json and report.html and says where', () => {
    expect(result.out).toMatch(/audited 40 records from 2 file\(s\)/);
    for (const name of ['findings.csv', 'summary.json', 'report.html']) {
      expect(existsSync(join(out, name))).toBe(true);
      expect(result.out).toContain(join(out, name));
    }
    expect(existsSync(join(out, CHECKPOINT_FILE))).toBe(false);
  });

  it('reports malformed rows with their line number, skips them, counts them, and exits 1', () => {
    // Physical lines: row n starts on line 2 + n, plus one for each earlier body with a line
    // break in it (rows 2, 10, 18, 26): row 7 on line 10, row 30 on line 36.
    expect(result.err).toMatch(/Note\.csv: line 10: expected 7 fields as in the header, found 8 \(skipped\)/);
    expect(result.err).toMatch(/Note\.csv: line 36: expected 7 fields as in the header, found 8 \(skipped\)/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.skippedRows).toBe(2);
    expect(summary.skipped.map((s: { line: number }) => s.line)).toEqual([10, 36]);
    expect(summary.totals.records).toBe(38 + 2);
    expect(result.code).toBe(1);
  });

  it('skips exports of objects it does not scan, with a notice', () => {
    expect(result.err).toMatch(/Account\.csv: not an export the audit scans .*; skipped/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.ignoredFiles).toEqual([
      { file: 'Account.csv', reason: expect.stringContaining('not an export') },
    ]);
  });

  it('findings.csv has one row per finding with owner names from User.csv and masked previews', () => {
    const rows = readCsv(join(out, 'findings.csv'));
    expect(rows[0]).toEqual(FINDINGS_HEADER);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(rows.length - 1).toBe(summary.totals.findings);
    const col = (name: string) => FINDINGS_HEADER.indexOf(name);
    const card = rows.find((r) => r[col('category')] === 'payment_card') as string[];
    expect(card[col('record_id')]).toMatch(/^002Ho/);
    expect(card[col('object')]).toBe('Note');
    expect(card[col('field')]).toBe('Body');
    expect(card[col('owner')]).toMatch(/^(Dana Whitfield|Priya Raman)$/);
    expect(card[col('severity')]).toBe('high');
    expect(card[col('masked_preview')]).toContain('**** **** **** 1111');
    const lead = rows.find((r) => r[col('object')] === 'Lead' && r[col('field')] === 'Hobbies__c');
    expect(lead?.[col('category')]).toBe('lifestyle');
  });

  it('never writes raw sensitive text to any output', () => {
    for (const name of ['findings.csv', 'summary.json', 'report.html']) {
      const text = readFileSync(join(out, name), 'utf8');
      for (const raw of RAW_SENSITIVE) expect(text, `${name} contains "${raw}"`).not.toContain(raw);
    }
  });

  it('summary.json has the totals the report charts', () => {
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.byCategory.map((c: { category: string }) => c.category)).toEqual(
      expect.arrayContaining(['payment_card', 'government_id', 'health', 'credentials', 'derogatory']),
    );
    expect(s.bySeverity.high).toBeGreaterThan(0);
    expect(s.byOwner.map((o: { owner: string }) => o.owner)).toEqual(
      expect.arrayContaining(['Dana Whitfield', 'Priya Raman']),
    );
    expect(s.overTime.granularity).toBe('month');
    expect(s.overTime.periods[0].period).toBe('2024-01');
    expect(s.topRules[0]).toMatchObject({ ruleId: expect.any(String), findings: expect.any(Number) });
    expect(s.worstRecords[0]).toMatchObject({
      recordId: expect.stringMatching(/^00/),
      high: expect.any(Number),
    });
    expect(s.files).toEqual([
      expect.objectContaining({ file: 'Note.csv', object: 'Note', records: 38, skippedRows: 2 }),
      expect.objectContaining({ file: 'Lead.csv', object: 'Lead', records: 2 }),
    ]);
  });

  it('guards spreadsheet users against formulas in note text', async () => {
    const path = join(dir, 'Formula.csv');
    writeFileSync(path, 'Id,ParentId,OwnerId,Body\n002F,006X,005U,=cmd|pw is Summer2024!\n');
    const formulaOut = join(dir, 'formula-out');
    expect((await run('audit', path, '--out', formulaOut)).code).toBe(0);
    const rows = readCsv(join(formulaOut, 'findings.csv'));
    expect(rows[1]?.[FINDINGS_HEADER.indexOf('masked_preview')]).toMatch(/^'=/);
  });

  it('refuses to overwrite an interrupted audit, to resume where there is none, or to resume differently', async () => {
    const fresh = join(dir, 'fresh');
    const noResume = await run('audit', notes, '--out', fresh, '--resume');
    expect(noResume.code).toBe(1);
    expect(noResume.err).toMatch(/no interrupted audit to resume/);
    const { size, mtimeMs } = statSync(notes);
    const checkpoint: Checkpoint = {
      version: 1,
      inputs: [{ path: notes, size, mtimeMs }],
      position: { input: 0 },
      findingsBytes: 0,
      summary: emptySummary(),
      elapsedMs: 0,
    };
    writeFileSync(join(fresh, CHECKPOINT_FILE), JSON.stringify(checkpoint));
    const clash = await run('audit', notes, '--out', fresh);
    expect(clash.code).toBe(1);
    expect(clash.err).toMatch(/holds an interrupted audit: continue it with --resume/);
    const other = await run(
      'audit',
      notes,
      '--out',
      fresh,
      '--resume',
      '--store',
      '--endpoint',
      'http://127.0.0.1:9',
    );
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/the interrupted audit ran without --store; resume it the same way/);
    const changed = await run('audit', notes, join(dir, 'Lead.csv'), '--out', fresh, '--resume');
    expect(changed.err).toMatch(/cannot resume: the interrupted audit read 1 file\(s\), this one names 2/);
    writeFileSync(join(fresh, CHECKPOINT_FILE), '{"version":1}');
    const corrupt = await run('audit', notes, '--out', fresh, '--resume');
    expect(corrupt.code).toBe(1);
    expect(corrupt.err).toMatch(
      /is not a checkpoint this version of noteguard wrote; remove it to start over/,
    );
  });

  it('--table (the deployed table) needs the org id the webhook uses', async () => {
    const r = await run('audit', notes, '--out', join(dir, 'aws'), '--store', '--table', 'noteguard-prod');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--table needs --org/);
  });

  it.each([
    [['audit', '--out', 'x'], /audit needs at least one export file/],
    [['audit', 'Note.csv'], /audit needs --out DIR/],
    [['audit', 'Note.csv', '--out', 'x', '--table', 't'], /--table, --endpoint and --org go with --store/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('a missing file or nothing auditable is a one-line error', async () => {
    const missing = await run('audit', join(dir, 'nope.csv'), '--out', join(dir, 'o2'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.csv: no such file/);
    const account = join(dir, 'Account.csv');
    const nothing = await run('audit', account, '--out', join(dir, 'o3'));
    expect(nothing.code).toBe(1);
    expect(nothing.err).toMatch(/none of the files is an export the audit scans/);
  });
});

describe('the built CLI: Ctrl-C and --resume', () => {
  /** Runs dist/cli.mjs; `interruptAt` sends SIGINT once progress shows that many records. */
  function cli(args: string[], interruptAt?: number) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('node', ['bin/noteguard.mjs', ...args], {
        env: { ...process.env, NOTEGUARD_PROGRESS_MS: '25' },
      });
      let stdout = '';
      let stderr = '';
      let sent = false;
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
        const seen = [...stderr.matchAll(/audit: \S+ +([\d,]+) records/g)].map((m) =>
          Number(m[1]?.replace(/,/g, '')),
        );
        if (interruptAt !== undefined && !sent && seen.some((n) => n >= interruptAt)) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('stops cleanly on SIGINT, and --resume finishes with the same findings as one uninterrupted run', async () => {
    const big = writeNoteCsv(dir, 10_000, { name: 'Big.csv' });
    const users = writeUserCsv(dir);
    const stopped = join(dir, 'stopped');
    const first = await cli(['audit', big, users, '--out', stopped], 200);
    expect(first.stderr).toMatch(/stopping after the current record/);
    expect(first.code).toBe(130);
    expect(first.stdout).toMatch(
      /stopped after [\d,]+ records .*; run the same command with --resume to continue/,
    );
    expect(existsSync(join(stopped, CHECKPOINT_FILE))).toBe(true);
    expect(existsSync(join(stopped, 'summary.json'))).toBe(false);
    const checkpoint = JSON.parse(readFileSync(join(stopped, CHECKPOINT_FILE), 'utf8'));
    expect(checkpoint.summary.totals.records).toBeGreaterThanOrEqual(200);
    expect(checkpoint.summary.totals.records).toBeLessThan(10_000);

    const resumed = await cli(['audit', big, users, '--out', stopped, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming: [\d,]+ records already audited/);
    expect(resumed.stdout).toMatch(/audited 10,000 records/);

    const whole = join(dir, 'whole');
    expect((await cli(['audit', big, users, '--out', whole])).code).toBe(0);
    expect(readFileSync(join(stopped, 'findings.csv'), 'utf8')).toBe(
      readFileSync(join(whole, 'findings.csv'), 'utf8'),
    );
    const a = JSON.parse(readFileSync(join(stopped, 'summary.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(whole, 'summary.json'), 'utf8'));
    for (const key of ['totals', 'byCategory', 'byOwner', 'overTime', 'topRules', 'worstRecords']) {
      expect(a[key]).toEqual(b[key]);
    }
  }, 180_000);

  it('the bundle carries Chart.js: report.html embeds it', () => {
    const html = readFileSync(join(dir, 'whole', 'report.html'), 'utf8');
    expect(html).toMatch(/Chart\.js v4\.\d+\.\d+/);
    expect(html).not.toMatch(/\s(src|href)=/);
  });
});
