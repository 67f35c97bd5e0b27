import { describe, expect, it } from 'vitest';
import { resumeMismatch } from '../../lambdas/audit/checkpoint.js';
import { formatDuration, Progress } from '../../lambdas/audit/progress.js';
import { addRecord, emptySummary, finalSummary, type SummaryFinding } from '../../lambdas/audit/summary.js';

function harness(tty: boolean, intervalMs = 1000) {
  let t = 0;
  const written: string[] = [];
  const progress = new Progress({
    totalBytes: 1000,
    tty,
    intervalMs,
    write: (s) => written.push(s),
    now: () => t,
  });
  return { progress, written, advance: (ms: number) => (t += ms) };
}

describe('Progress', () => {
  it('on a terminal redraws one bar in place with percent, rate and ETA', () => {
    const h = harness(true);
    h.advance(2000);
    h.progress.update({ doneBytes: 250, records: 500, findings: 40, skipped: 0 });
    expect(h.written).toEqual([
      `\r\x1b[2K[${'█'.repeat(6)}${'░'.repeat(18)}]  25.0%  500 records  250 records/s  ETA 0:06  40 findings`,
    ]);
    // Throttled: at most one redraw per 100 ms.
    h.advance(50);
    h.progress.update({ doneBytes: 260, records: 520, findings: 40, skipped: 0 });
    expect(h.written).toHaveLength(1);
  });

  it('prints messages on their own line without tearing the bar', () => {
    const h = harness(true);
    h.advance(1000);
    h.progress.update({ doneBytes: 100, records: 10, findings: 0, skipped: 1 });
    h.progress.log('noteguard: Note.csv: line 7: bad (skipped)');
    expect(h.written.slice(1, 3)).toEqual(['\r\x1b[2K', 'noteguard: Note.csv: line 7: bad (skipped)\n']);
    expect(h.written[3]?.startsWith('\r\x1b[2K[')).toBe(true);
    expect(h.written[3]).toMatch(/1 skipped$/);
    h.progress.finish();
    expect(h.written.at(-1)).toBe('\n');
  });

  it('without a terminal prints a plain line each interval', () => {
    const h = harness(false, 10_000);
    h.advance(5000);
    h.progress.update({ doneBytes: 100, records: 1000, findings: 5, skipped: 0 });
    expect(h.written).toEqual([]);
    h.advance(5000);
    h.progress.update({ doneBytes: 200, records: 2000, findings: 9, skipped: 0 });
    expect(h.written).toEqual(['audit: 20.0%  2,000 records  200 records/s  ETA 0:40  9 findings\n']);
  });

  it('after a resume, the rate counts only this run', () => {
    let t = 0;
    const written: string[] = [];
    const p = new Progress({
      totalBytes: 1000,
      tty: false,
      intervalMs: 1000,
      write: (s) => written.push(s),
      now: () => t,
      start: { doneBytes: 500, records: 5000, findings: 0, skipped: 0 },
    });
    t = 1000;
    p.update({ doneBytes: 600, records: 5100, findings: 0, skipped: 0 });
    expect(written[0]).toBe('audit: 60.0%  5,100 records  100 records/s  ETA 0:04  0 findings\n');
  });

  it('rates over the recent past, so a slow start-up does not skew rate and ETA', () => {
    const h = harness(true);
    h.advance(2000);
    h.progress.update({ doneBytes: 1, records: 10, findings: 0, skipped: 0 });
    h.advance(3000);
    h.progress.update({ doneBytes: 301, records: 3010, findings: 0, skipped: 0 });
    // 3,000 records and 300 bytes in the last 3 s, not 3,010 in 5 s; 699 bytes left at 100 B/s.
    expect(h.written.at(-1)).toMatch(/3,010 records {2}1,000 records\/s {2}ETA 0:07/);
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Number.NaN)).toBe('--:--');
  });
});

const finding = (severity: SummaryFinding['severity'], ruleId = 'pii.ssn'): SummaryFinding => ({
  category: 'government_id',
  severity,
  ruleId,
  field: 'Body',
  preview: '…SSN ***-**-****…',
});

describe('summary', () => {
  const run = {
    generatedAt: '2026-01-01T00:00:00.000Z',
    durationSeconds: 30,
    peakRssMb: 100,
    cpuSeconds: 20,
    ignoredFiles: [],
  };

  it('charts a short export by day and a long one by month', () => {
    const s = emptySummary();
    addRecord(
      s,
      { file: 'a', line: 2, object: 'Note', recordId: '1', createdDate: '2024-03-01T10:00:00.000Z' },
      [finding('high')],
    );
    addRecord(
      s,
      { file: 'a', line: 3, object: 'Note', recordId: '2', createdDate: '2024-03-09T10:00:00.000Z' },
      [],
    );
    expect(finalSummary(s, run).overTime).toMatchObject({
      granularity: 'day',
      periods: [
        { period: '2024-03-01', records: 1, findings: 1, high: 1 },
        { period: '2024-03-09', records: 1, findings: 0 },
      ],
    });
    addRecord(
      s,
      { file: 'a', line: 4, object: 'Note', recordId: '3', createdDate: '2024-09-09T10:00:00.000Z' },
      [],
    );
    addRecord(s, { file: 'a', line: 5, object: 'Note', recordId: '4' }, [finding('low')]);
    const summary = finalSummary(s, run);
    expect(summary.overTime.granularity).toBe('month');
    expect(summary.overTime.periods.map((p) => [p.period, p.records])).toEqual([
      ['2024-03', 2],
      ['2024-09', 1],
    ]);
    expect(summary.overTime.undated).toMatchObject({ records: 1, findings: 1 });
    expect(summary.run).toEqual({ durationSeconds: 30, recordsPerMinute: 8, peakRssMb: 100, cpuSeconds: 20 });
  });

  it('keeps the 25 worst records, ranked by high, then medium, then count', () => {
    const s = emptySummary();
    for (let i = 0; i < 60; i++) {
      const fs = [finding(i % 3 === 0 ? 'high' : 'medium'), ...(i % 5 === 0 ? [finding('low', 'x')] : [])];
      addRecord(s, { file: 'a', line: i + 2, object: 'Note', recordId: `r${i}` }, fs);
    }
    expect(s.worst).toHaveLength(25);
    expect(s.worst.slice(0, 4).map((w) => w.recordId)).toEqual(['r0', 'r15', 'r30', 'r45']);
    expect(s.worst.every((w, i) => i === 0 || (s.worst[i - 1]?.high ?? 0) >= w.high)).toBe(true);
    expect(finalSummary(s, run).topRules[0]).toMatchObject({ ruleId: 'pii.ssn', findings: 60, records: 60 });
  });
});

describe('resumeMismatch', () => {
  const cp = {
    version: 1 as const,
    inputs: [{ path: '/x/Note.csv', size: 10, mtimeMs: 5 }],
    position: { input: 0 },
    findingsBytes: 0,
    summary: emptySummary(),
    elapsedMs: 0,
  };
  it('accepts the same files and refuses changed ones', () => {
    expect(resumeMismatch(cp, [{ path: '/x/Note.csv', size: 10, mtimeMs: 5 }])).toBeNull();
    expect(resumeMismatch(cp, [{ path: '/x/Note.csv', size: 11, mtimeMs: 5 }])).toMatch(/changed since/);
    expect(resumeMismatch(cp, [{ path: '/x/Lead.csv', size: 10, mtimeMs: 5 }])).toMatch(/was \/x\/Note\.csv/);
    expect(resumeMismatch(cp, [])).toMatch(/read 1 file/);
  });
});
