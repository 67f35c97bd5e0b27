import { describe, expect, it } from 'vitest';
import {
  type AuditedRecord,
  type AuditPorts,
  type AuditProgressState,
  type AuditSource,
  previewsOf,
  runAudit,
} from '../../lambdas/audit/audit-run.js';
import type { ExportEvent, ExportRecord } from '../../lambdas/audit/export-records.js';
import type { FindingRow } from '../../lambdas/audit/findings-csv-writer.js';
import { defaultClassifier } from '../../lambdas/classifier/index.js';
import { maskedPreview } from '../../lambdas/classifier/redact.js';

const TEXTS = [
  'Renewal call, budget approved for Q3.',
  'SSN 536-22-8471 was sent by mistake. He is a total idiot.',
  'card 4111 1111 1111 1111 exp 09/27 for the deposit',
  'Demo went well; she is pregnant, deal will slip to Q4.',
  'pw is Summer2024! for the sandbox portal.',
  'Shipping the PO next week.',
];
const RAW_SPANS = ['536-22-8471', '4111 1111 1111 1111', 'Summer2024!', 'pregnant', 'idiot'];

/** An in-memory export: each record is 100 "bytes", so offsets are easy to resume from. */
function source(name: string, events: ExportEvent[]): AuditSource {
  return {
    name,
    object: 'Note',
    size: events.length * 100,
    async *read(from) {
      for (const e of events) if (!from || e.end > from.offset) yield e;
    },
  };
}

function noteEvents(prefix: string, count: number, bad: number[] = []): ExportEvent[] {
  return Array.from({ length: count }, (_, i): ExportEvent => {
    const pos = { line: i + 2, end: (i + 1) * 100, nextLine: i + 3 };
    if (bad.includes(i))
      return { type: 'bad', message: 'expected 6 fields as in the header, found 7', ...pos };
    const record: ExportRecord = {
      source: 'salesforce',
      object: 'Note',
      kind: 'note',
      recordId: `${prefix}${i}`,
      ownerId: i % 2 ? 'U1' : 'U2',
      createdDate: `2024-0${1 + (i % 3)}-15T10:00:00.000Z`,
      body: { field: 'Body', text: TEXTS[i % TEXTS.length] as string },
    };
    return { type: 'record', record, ...pos };
  });
}

function harness(opts: {
  stopAfter?: number;
  store?: boolean;
  resume?: AuditProgressState;
  rows?: FindingRow[];
}) {
  const rows: FindingRow[] = opts.rows ? opts.rows.slice(0, opts.resume?.findingsBytes) : [];
  const logs: string[] = [];
  const stored: AuditedRecord[] = [];
  let buffered: AuditedRecord[] = [];
  const checkpoints: AuditProgressState[] = [];
  const controller = new AbortController();
  let clock = 0;
  const ports: AuditPorts = {
    classifier: defaultClassifier(),
    ownerOf: (id) => (id === 'U1' ? { name: 'Dana Reyes', email: 'dana@acme.example' } : undefined),
    findings: { append: (r) => rows.push(r), sync: () => rows.length },
    ...(opts.store
      ? {
          store: {
            add: async (r) => {
              buffered.push(r);
            },
            flush: async () => {
              stored.push(...buffered);
              buffered = [];
            },
            stats: () => ({ storedNotes: stored.length, storedFindings: 0, alreadyStored: 0 }),
          },
        }
      : {}),
    saveCheckpoint: (s) => checkpoints.push(structuredClone(s)),
    progress: {
      update: (p) => {
        if (opts.stopAfter !== undefined && p.records >= opts.stopAfter) controller.abort();
      },
      log: (l) => logs.push(l),
    },
    signal: controller.signal,
    now: () => (clock += 1000),
  };
  return { ports, rows, logs, stored, checkpoints, buffered: () => buffered };
}

const SOURCES = [source('Note.csv', noteEvents('002A', 9, [4])), source('Note2.csv', noteEvents('002B', 7))];

describe('runAudit', () => {
  it('scans every record, writes one row per finding with masked previews only, and counts everything', async () => {
    const h = harness({});
    const outcome = await runAudit(h.ports, { sources: SOURCES, checkpointEveryMs: 1e9 });
    expect(outcome.status).toBe('complete');
    const t = outcome.summary.totals;
    expect(t.records).toBe(15);
    expect(t.skippedRows).toBe(1);
    expect(t.findings).toBe(h.rows.length);
    expect(t.findings).toBeGreaterThan(10);
    expect(new Set(h.rows.map((r) => r.category))).toEqual(
      new Set(['government_id', 'derogatory', 'payment_card', 'health', 'credentials']),
    );
    for (const r of h.rows) {
      for (const raw of RAW_SPANS) expect(r.preview).not.toContain(raw);
    }
    const card = h.rows.find((r) => r.category === 'payment_card');
    expect(card).toMatchObject({ field: 'Body', object: 'Note', file: 'Note.csv', line: 4 });
    expect(card?.preview).toContain('**** **** **** 1111');
    expect(h.rows.find((r) => r.ownerId === 'U1')?.owner).toBe('Dana Reyes');
    expect(h.rows.find((r) => r.ownerId === 'U2')?.owner).toBe('U2');
    expect(outcome.summary.byOwner.U1?.owner).toBe('Dana Reyes');
    expect(Object.keys(outcome.summary.byDay).sort()).toEqual(['2024-01-15', '2024-02-15', '2024-03-15']);
    expect(outcome.summary.files['Note.csv']).toMatchObject({ records: 8, skippedRows: 1 });
  });

  it('reports a malformed row with its file and line, and stops printing after the limit', async () => {
    const h = harness({});
    const bad = source('Bad.csv', noteEvents('x', 6, [0, 1, 2, 3]));
    const outcome = await runAudit(h.ports, { sources: [bad], printSkipped: 2 });
    expect(h.logs).toEqual([
      'noteguard: Bad.csv: line 2: expected 6 fields as in the header, found 7 (skipped)',
      'noteguard: Bad.csv: line 3: expected 6 fields as in the header, found 7 (skipped)',
      'noteguard: more malformed rows are counted but not printed (summary.json lists them)',
    ]);
    expect(outcome.summary.totals.skippedRows).toBe(4);
    expect(outcome.summary.skipped.map((s) => s.line)).toEqual([2, 3, 4, 5]);
    expect(outcome.summary.totals.records).toBe(2);
  });

  it('stops cleanly when signalled, checkpoints, and a resumed run ends exactly as an uninterrupted one', async () => {
    const full = harness({ store: true });
    const expected = await runAudit(full.ports, { sources: SOURCES });

    for (const stopAfter of [1, 5, 8, 9, 12]) {
      const first = harness({ stopAfter, store: true });
      const stopped = await runAudit(first.ports, { sources: SOURCES, checkpointEveryMs: 1e9 });
      expect(stopped.status).toBe('stopped');
      const cp = first.checkpoints.at(-1) as AuditProgressState;
      expect(cp.summary.totals.records).toBe(stopAfter);
      expect(cp.findingsBytes).toBe(first.rows.length);
      // The store was flushed before the checkpoint named the position.
      expect(first.buffered()).toEqual([]);

      const second = harness({ resume: cp, rows: first.rows, store: true });
      const resumed = await runAudit(second.ports, {
        sources: SOURCES,
        resume: { position: cp.position, summary: cp.summary },
      });
      expect(resumed.status).toBe('complete');
      expect(second.rows).toEqual(full.rows);
      expect(resumed.summary).toEqual(expected.summary);
      expect([...first.stored, ...second.stored].map((s) => s.record.recordId)).toEqual(
        full.stored.map((s) => s.record.recordId),
      );
    }
  });

  it('after a crash, resuming from the last periodic checkpoint drops the rows written after it', async () => {
    const full = harness({});
    await runAudit(full.ports, { sources: SOURCES });
    // Checkpoints every 3 ticks of the fake clock; "crash" = keep everything written, use the last checkpoint.
    const crashed = harness({ stopAfter: 11 });
    await runAudit(crashed.ports, { sources: SOURCES, checkpointEveryMs: 3000 });
    const periodic = crashed.checkpoints
      .filter((c) => c.summary.totals.records < 11)
      .at(-1) as AuditProgressState;
    expect(periodic.summary.totals.records).toBeGreaterThan(5);
    // Rows were written after that checkpoint: the resume must drop them, not duplicate them.
    expect(crashed.rows.length).toBeGreaterThan(periodic.findingsBytes);
    const after = harness({ resume: periodic, rows: crashed.rows });
    await runAudit(after.ports, {
      sources: SOURCES,
      resume: { position: periodic.position, summary: periodic.summary },
    });
    expect(after.rows).toEqual(full.rows);
  });

  it('hands only records with findings to the store, with one preview per finding', async () => {
    const h = harness({ store: true });
    await runAudit(h.ports, { sources: SOURCES });
    expect(h.stored.length).toBeGreaterThan(0);
    for (const s of h.stored) {
      expect(s.findings.length).toBeGreaterThan(0);
      expect(s.previews).toHaveLength(s.findings.length);
    }
    expect(h.stored.map((s) => s.record.recordId)).not.toContain('002A0');
  });

  it('keeps the worst records, most high-severity findings first', async () => {
    const h = harness({});
    const outcome = await runAudit(h.ports, { sources: SOURCES });
    const worst = outcome.summary.worst;
    expect(worst.length).toBeGreaterThan(3);
    for (let i = 1; i < worst.length; i++) {
      expect((worst[i - 1] as { high: number }).high).toBeGreaterThanOrEqual(
        (worst[i] as { high: number }).high,
      );
    }
    expect(worst[0]?.previews.length).toBeGreaterThan(0);
    for (const w of worst)
      for (const p of w.previews) for (const raw of RAW_SPANS) expect(p.preview).not.toContain(raw);
  });
});

describe('previewsOf', () => {
  it('gives exactly what maskedPreview gives on the whole text, whatever the spacing', () => {
    const classifier = defaultClassifier();
    const gaps = [' ', '  ', '\n', '\r\n', '\t', '\u00a0', ' \u2003 ', '\n\n   '];
    let seed = 11;
    const rand = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    let compared = 0;
    for (let n = 0; n < 300; n++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(rand() * 6);
      for (let i = 0; i < count; i++) parts.push(TEXTS[Math.floor(rand() * TEXTS.length)] as string);
      const lead = rand() < 0.2 ? '   ' : '';
      const text =
        lead + parts.map((p) => p.split(' ').join(gaps[Math.floor(rand() * gaps.length)])).join(' ');
      const findings = classifier.scanText(text);
      const record: ExportRecord = {
        source: 'custom',
        object: 'corpus',
        kind: 'note',
        recordId: `p${n}`,
        body: { field: 'text', text },
      };
      expect(previewsOf(record, findings)).toEqual(findings.map((f) => maskedPreview(text, f, findings)));
      compared += findings.length;
    }
    expect(compared).toBeGreaterThan(200);
  });
});
