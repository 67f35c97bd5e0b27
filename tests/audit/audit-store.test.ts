import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoNoteRepository } from '../../lambdas/adapters/dynamodb/dynamo-note-repository.js';
import type { AuditedRecord } from '../../lambdas/audit/audit-run.js';
import { DynamoAuditStore } from '../../lambdas/audit/dynamo-audit-store.js';
import type { ExportRecord } from '../../lambdas/audit/export-records.js';
import { defaultClassifier } from '../../lambdas/classifier/index.js';
import { main } from '../../lambdas/cli/main.js';
import { DEFAULT_CONFIG, type UseCaseDeps } from '../../lambdas/usecases/deps.js';
import { noteIdFor } from '../../lambdas/usecases/ids.js';
import { ingestNote } from '../../lambdas/usecases/ingest-note.js';
import { freshTable } from '../helpers/dynamo.js';
import { noteId, OWNERS, RAW_SENSITIVE, writeNoteCsv, writeUserCsv } from './fixtures.js';

const ORG = '00Dtest0000000001AA';
const dir = mkdtempSync(join(tmpdir(), 'noteguard-audit-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let client: DynamoDBClient;
let table: string;
let drop: () => Promise<void>;
let repo: DynamoNoteRepository;

beforeAll(async () => {
  ({ client, table, drop } = await freshTable());
  repo = new DynamoNoteRepository(client, table);
});
afterAll(async () => {
  await drop();
});

async function audit(out: string, ...files: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await main(
    [
      'audit',
      ...files,
      '--out',
      out,
      '--store',
      '--endpoint',
      inject('dynamoEndpoint'),
      '--table',
      table,
      '--org',
      ORG,
    ],
    (s) => lines.push(s),
    (s) => errors.push(s),
  );
  return {
    code,
    out: lines.join('\n'),
    err: errors.join('\n'),
    summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')),
  };
}

async function openFindings() {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await repo.listFindings({ status: 'open', limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

describe('noteguard audit --store', () => {
  const notes = () => join(dir, 'Note.csv');
  let first: Awaited<ReturnType<typeof audit>>;
  let existingId: string;

  beforeAll(async () => {
    writeNoteCsv(dir, 60);
    const users = writeUserCsv(dir);
    // Note 3 already came through the live webhook and a manager dismissed its finding: the
    // backlog import must leave it as it is.
    const deps: UseCaseDeps = {
      repo,
      classifier: defaultClassifier(),
      queue: { enqueue: async () => {} } as unknown as UseCaseDeps['queue'],
      crm: { name: 'none', writeBack: async () => 'skipped' } as unknown as UseCaseDeps['crm'],
      clock: { now: () => new Date('2025-01-01T00:00:00Z') },
      logger: { info: () => {}, warn: () => {}, error: () => {} } as unknown as UseCaseDeps['logger'],
      config: { ...DEFAULT_CONFIG },
    };
    const live = await ingestNote(deps, {
      source: 'salesforce',
      orgId: ORG,
      recordId: noteId(3),
      kind: 'note',
      updatedAt: '2025-01-01T00:00:00.000Z',
      body: 'He is a total idiot, asked the same thing 4x.',
    });
    existingId = live.noteId;
    first = await audit(join(dir, 'out1'), notes(), users);
  });

  it('stores every record with findings as a note with open findings, counting the one already there', () => {
    expect(first.code).toBe(0);
    const withFindings = first.summary.totals.recordsWithFindings;
    expect(first.summary.store).toEqual({
      table,
      storedNotes: withFindings - 1,
      storedFindings: first.summary.totals.findings - 1,
      alreadyStored: 1,
    });
    expect(first.out).toMatch(/stored \d+ notes with \d+ open findings in t_\w+; 1 already there/);
  });

  it('writes the items the API and the review queue read: note, raw text, findings, audit event', async () => {
    const id = noteIdFor('salesforce', ORG, noteId(1));
    const stored = await repo.getNote(id);
    expect(stored?.note).toMatchObject({
      noteId: id,
      source: 'salesforce',
      orgId: ORG,
      recordId: noteId(1),
      kind: 'note',
      ownerEmail: OWNERS['005Ho00000A1bCeIAA'].email,
      ownerName: 'Priya Raman',
      title: 'Call 1, notes',
      status: 'open',
      rev: 1,
      openFindings: 1,
    });
    expect(stored?.findings).toEqual([
      expect.objectContaining({
        category: 'government_id',
        status: 'open',
        ruleId: 'pii.ssn',
        findingId: `${id}.1`,
      }),
    ]);
    expect(stored?.findings[0]?.preview).toMatch(/\*\*\*-\*\*-\*\*\*\*/);
    expect((await repo.getRaw(id))?.body).toContain('536-22-8471');
    expect((await repo.listAudit(id)).map((a) => a.action)).toEqual(['ingested']);
  });

  it('fills the review queue (open findings by severity) and the owner index', async () => {
    const open = await openFindings();
    expect(open.length).toBe(first.summary.totals.findings);
    expect(open[0]?.severity).toBe('high');
    for (const f of open) for (const raw of RAW_SENSITIVE) expect(f.preview).not.toContain(raw);
    const dana = await repo.listFindings({ ownerEmail: OWNERS['005Ho00000A1bCdIAA'].email, limit: 100 });
    expect(dana.items.length).toBeGreaterThan(0);
    expect(dana.items.every((f) => f.ownerEmail === OWNERS['005Ho00000A1bCdIAA'].email)).toBe(true);
  });

  it('leaves a note the live webhook already stored as it was', async () => {
    const stored = await repo.getNote(existingId);
    expect(stored?.note.updatedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(stored?.note.ownerEmail).toBeUndefined();
  });

  it('a second audit of the same export stores nothing twice', async () => {
    const before = (await openFindings()).length;
    const again = await audit(join(dir, 'out2'), notes(), join(dir, 'User.csv'));
    expect(again.summary.store).toMatchObject({
      storedNotes: 0,
      alreadyStored: first.summary.totals.recordsWithFindings,
    });
    expect((await openFindings()).length).toBe(before);
  });

  it('says plainly when the table cannot be reached', async () => {
    const errors: string[] = [];
    const code = await main(
      [
        'audit',
        notes(),
        '--out',
        join(dir, 'out3'),
        '--store',
        '--endpoint',
        'http://127.0.0.1:9',
        '--table',
        'x',
      ],
      () => {},
      (s) => errors.push(s),
    );
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/cannot use table x at http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/);
  });
});

describe('DynamoAuditStore batches', () => {
  /** Makes DynamoDB answer like a throttled table: half of each batch comes back unprocessed. */
  function throttle(target: DynamoDBClient, times: number) {
    const seen = { writes: 0, gets: 0 };
    let left = times;
    target.middlewareStack.add(
      (next, context) => async (args) => {
        const name = context.commandName;
        const input = args.input as { RequestItems: Record<string, unknown> };
        const [tableName, request] = Object.entries(input.RequestItems ?? {})[0] ?? [];
        if (!tableName || left <= 0 || (name !== 'BatchWriteItemCommand' && name !== 'BatchGetItemCommand')) {
          return next(args);
        }
        left--;
        if (name === 'BatchWriteItemCommand') {
          seen.writes++;
          const all = request as unknown[];
          const keep = all.slice(0, Math.ceil(all.length / 2));
          const result = await next({ ...args, input: { ...input, RequestItems: { [tableName]: keep } } });
          (result.output as unknown as Record<string, unknown>).UnprocessedItems = {
            [tableName]: all.slice(keep.length),
          };
          return result;
        }
        seen.gets++;
        const req = request as { Keys: unknown[]; ProjectionExpression?: string };
        const keep = req.Keys.slice(0, Math.ceil(req.Keys.length / 2));
        const result = await next({
          ...args,
          input: { ...input, RequestItems: { [tableName]: { ...req, Keys: keep } } },
        });
        (result.output as unknown as Record<string, unknown>).UnprocessedKeys = {
          [tableName]: { ...req, Keys: req.Keys.slice(keep.length) },
        };
        return result;
      },
      { step: 'initialize', name: 'auditTestThrottle' },
    );
    return seen;
  }

  it('retries unprocessed writes and reads until every item is stored', async () => {
    const t = await freshTable();
    try {
      const seen = throttle(t.client, 40);
      const own = new DynamoNoteRepository(t.client, t.table);
      const store = new DynamoAuditStore(t.client, own, {
        table: t.table,
        orgIdFor: () => ORG,
        retentionDays: 30,
        maxFindingsPerNote: 45,
        now: () => new Date(),
        batchNotes: 30,
      });
      const classifier = defaultClassifier();
      const records: AuditedRecord[] = Array.from({ length: 30 }, (_, n) => {
        const record: ExportRecord = {
          source: 'salesforce',
          object: 'Note',
          kind: 'note',
          recordId: `002T${n}`,
          body: { field: 'Body', text: `Note ${n}: SSN 536-22-8471 was sent by mistake.` },
        };
        const findings = classifier.scanRecord({
          id: record.recordId,
          kind: 'note',
          text: record.body?.text ?? '',
        });
        return { record, findings, previews: findings.map(() => '…***-**-****…') };
      });
      for (const r of records) await store.add(r);
      await store.flush();
      expect(seen.gets).toBeGreaterThan(0);
      expect(seen.writes).toBeGreaterThan(0);
      expect(store.stats()).toEqual({ storedNotes: 30, storedFindings: 30, alreadyStored: 0 });
      // Again, still throttled: every note is found (unprocessed keys re-read), none written twice.
      for (const r of records) await store.add(r);
      await store.flush();
      expect(store.stats()).toEqual({ storedNotes: 30, storedFindings: 30, alreadyStored: 30 });
      for (let n = 0; n < 30; n++) {
        const note = await own.getNote(noteIdFor('salesforce', ORG, `002T${n}`));
        expect(note?.findings).toHaveLength(1);
        expect(await own.getRaw(note?.note.noteId as string)).not.toBeNull();
      }
    } finally {
      await t.drop();
    }
  });
});
