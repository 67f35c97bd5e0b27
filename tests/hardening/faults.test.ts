import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/create-bot.js';
import { noopCrmWriter } from '../../lambdas/adapters/crm/noop-crm-writer.js';
import { DynamoNoteRepository } from '../../lambdas/adapters/dynamodb/dynamo-note-repository.js';
import { createTableInput, KEYS } from '../../lambdas/adapters/dynamodb/table-design.js';
import { InProcessQueue } from '../../lambdas/adapters/queue/in-process-queue.js';
import { defaultClassifier } from '../../lambdas/classifier/index.js';
import { jsonLogger } from '../../lambdas/core/log.js';
import type { NoteCommit } from '../../lambdas/core/ports.js';
import { systemClock } from '../../lambdas/core/ports.js';
import type { HandlerContext } from '../../lambdas/http/handler-context.js';
import { ROUTES } from '../../lambdas/http/routes.js';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../lambdas/local/dynamodb-local.js';
import { createLocalServer } from '../../lambdas/local/local-server.js';
import { DEFAULT_CONFIG, type UseCaseDeps } from '../../lambdas/usecases/deps.js';
import { noteIdFor } from '../../lambdas/usecases/ids.js';
import { sweepOutbox } from '../../lambdas/usecases/sweep-outbox.js';
import { jsonOf, postSigned, TEST_CONFIG } from '../helpers/api.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { checkInvariants } from './support/invariants.js';

// Faults: the table going away mid-run, transaction conflicts, and a crash between storing a note
// and enqueueing its nudge. This file runs its OWN DynamoDB Local (data on disk, so a restart
// keeps it): stopping it cannot break the other test files, which share the global one.

const REP = 'U0REP00001';
const ORG = TEST_CONFIG.salesforce.orgId;
const TABLE = 'faults';

let dataDir: string;
let db: DynamoDbLocal;
let client: DynamoDBClient;
let server: Server;
let base: string;
let slack: FakeSlack;
let repo: FaultyRepository;
let deps: UseCaseDeps;
let queue: InProcessQueue;
const logs: string[] = [];

/** The real repository, with faults that tests switch on: a rival writer, or a crash after commit. */
class FaultyRepository extends DynamoNoteRepository {
  /** Commits that first lose a race: another writer bumps the note's rev just before. */
  rivalWrites = 0;
  /** The next commit succeeds in DynamoDB, then the process "dies" before the next line runs. */
  crashAfterCommit = false;
  commits = 0;

  constructor(
    private readonly raw: DynamoDBDocumentClient,
    private readonly name: string,
  ) {
    super(client, name);
  }

  override async commit(c: NoteCommit): Promise<void> {
    this.commits++;
    if (this.rivalWrites > 0 && c.expectedRev !== null) {
      this.rivalWrites--;
      await this.raw.send(
        new UpdateCommand({
          TableName: this.name,
          Key: KEYS.note(c.note.noteId),
          UpdateExpression: 'SET rev = rev + :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    }
    await super.commit(c);
    if (this.crashAfterCommit) {
      this.crashAfterCommit = false;
      throw new Error('simulated crash right after the commit');
    }
  }
}

async function startDb(port?: number) {
  db = await startDynamoDbLocal({ dataDir, timeoutMs: 60_000, ...(port ? { port } : {}) });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'noteguard-faults-'));
  await startDb();
  client = new DynamoDBClient({
    endpoint: db.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 2,
  });
  await client.send(new CreateTableCommand(createTableInput(TABLE)));
  repo = new FaultyRepository(DynamoDBDocumentClient.from(client), TABLE);
  queue = new InProcessQueue();
  deps = {
    repo,
    classifier: defaultClassifier(),
    queue,
    crm: noopCrmWriter,
    clock: systemClock,
    logger: jsonLogger((l) => logs.push(l)),
    config: { ...DEFAULT_CONFIG },
  };
  slack = await new FakeSlack().start();
  slack.users.set('rep@example.com', REP);
  const bot = createBot(deps, {
    botToken: 'xoxb-faults',
    signingSecret: 'unused',
    reviewChannel: 'C0REVIEW01',
    managerIds: [],
    apiUrl: slack.url,
    userCacheSeconds: 3600,
    retries: 0,
  });
  queue.consume(bot.consumeNudge);
  const ctx: HandlerContext = { deps, config: TEST_CONFIG };
  server = createLocalServer(ctx, ROUTES);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await slack.stop();
  client.destroy();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const dms = (noteId: string) =>
  slack
    .callsTo('chat.postMessage')
    .filter((c) => !c.failed && c.args.channel === REP && JSON.stringify(c.args).includes(noteId));
const dmCount = () =>
  slack.callsTo('chat.postMessage').filter((c) => !c.failed && c.args.channel === REP).length;

async function expectConsistent() {
  const { violations } = await checkInvariants(client, TABLE);
  expect(violations).toEqual([]);
}

const custom = (recordId: string, body: string, updatedAt = '2026-11-02T09:00:00.000Z') => ({
  source: 'custom',
  recordId,
  kind: 'note',
  ownerEmail: 'rep@example.com',
  title: recordId,
  updatedAt,
  body,
});

describe('a transaction conflict', () => {
  it('a few lost races are retried: one note, a consistent revision, every finding once, one nudge', async () => {
    const first = await jsonOf(await postSigned(base, '/v1/notes', custom('tx-1', 'She is pregnant.')));
    await queue.drain();
    expect(first.outcome).toBe('stored');
    repo.rivalWrites = 3;
    const before = repo.commits;
    const res = await postSigned(
      base,
      '/v1/notes',
      custom('tx-1', 'She is pregnant. He is a moron.', '2026-11-02T09:05:00.000Z'),
    );
    expect(res.status).toBe(201);
    await queue.drain();
    expect(repo.commits - before).toBe(4);
    const stored = await repo.getNote(first.noteId);
    // rev 1, three rival bumps, then this commit.
    expect(stored?.note.rev).toBe(5);
    expect(stored?.findings.map((f) => f.category).sort()).toEqual(['derogatory', 'health']);
    expect((await repo.listAudit(first.noteId)).map((a) => a.action).sort()).toEqual([
      'ingested',
      'nudged',
      'nudged',
      'updated',
    ]);
    expect(dms(first.noteId)).toHaveLength(1); // the second version updates the DM, no new one
    await expectConsistent();
  });

  it('a conflict that outlasts every retry is a 503 with Retry-After, stores nothing, and the retry succeeds', async () => {
    const first = await jsonOf(await postSigned(base, '/v1/notes', custom('tx-2', 'He is a moron.')));
    await queue.drain();
    const auditBefore = await repo.listAudit(first.noteId);
    repo.rivalWrites = 100;
    const res = await postSigned(
      base,
      '/v1/notes',
      custom('tx-2', 'He is a moron. She is pregnant.', '2026-11-02T09:05:00.000Z'),
    );
    repo.rivalWrites = 0;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = await jsonOf(res);
    expect(body.error).toMatch(/Error$/);
    expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:|at [A-Z]/);
    const stored = await repo.getNote(first.noteId);
    expect(stored?.findings.map((f) => f.category)).toEqual(['derogatory']);
    expect(await repo.listAudit(first.noteId)).toHaveLength(auditBefore.length);
    await expectConsistent();
    // The CRM retries (signed again): stored once.
    const retry = await postSigned(
      base,
      '/v1/notes',
      custom('tx-2', 'He is a moron. She is pregnant.', '2026-11-02T09:05:00.000Z'),
    );
    expect(retry.status).toBe(201);
    await queue.drain();
    expect((await repo.getNote(first.noteId))?.findings.map((f) => f.category).sort()).toEqual([
      'derogatory',
      'health',
    ]);
    await expectConsistent();
  });
});

describe('a crash between storing a note and enqueueing its nudge', () => {
  it('the note is stored with its findings, the outbox delivers the nudge once, retries send nothing twice', async () => {
    const before = dmCount();
    repo.crashAfterCommit = true;
    const crashed = await postSigned(
      base,
      '/v1/notes',
      custom('crash-1', 'Gus is out for chemo until June.'),
    );
    // The process "died" after the commit: the caller saw a failure, and retries.
    expect(crashed.status).toBeGreaterThanOrEqual(500);
    await queue.drain();
    const noteId = noteIdFor('custom', 'default', 'crash-1');
    const stored = await repo.getNote(noteId);
    expect(stored?.findings.map((f) => f.category)).toEqual(['health']);
    expect(await repo.listOutbox(100)).toContainEqual({ noteId, rev: 1 });
    expect(dmCount()).toBe(before); // nothing was enqueued
    await expectConsistent();

    // The CRM's retry finds the note already stored: nothing new, no second nudge enqueued.
    const retry = await postSigned(base, '/v1/notes', custom('crash-1', 'Gus is out for chemo until June.'));
    expect(retry.status).toBe(200);
    expect((await jsonOf(retry)).outcome).toBe('unchanged');

    // The scheduled sweep finds it in the outbox; a second sweep and a duplicate job change nothing.
    expect(await sweepOutbox(deps)).toBeGreaterThanOrEqual(1);
    await queue.enqueue({ noteId, rev: 1 });
    expect(await sweepOutbox(deps)).toBe(0);
    await queue.drain();
    expect(dms(noteId)).toHaveLength(1);
    expect(await repo.listOutbox(100)).not.toContainEqual({ noteId, rev: 1 });
    expect(queue.deadLetters).toEqual([]);
    await expectConsistent();
  });

  it('a crash after the enqueue but before the outbox is cleared: queue and sweeper both deliver, one DM', async () => {
    const noteId = noteIdFor('custom', 'default', 'crash-2');
    const clear = repo.clearOutbox.bind(repo);
    repo.clearOutbox = async () => {
      throw new Error('simulated crash before the outbox was cleared');
    };
    try {
      const res = await postSigned(
        base,
        '/v1/notes',
        custom('crash-2', 'Asked for a discount, party animal.'),
      );
      expect(res.status).toBe(201);
    } finally {
      repo.clearOutbox = clear;
    }
    await queue.drain();
    expect(await repo.listOutbox(100)).toContainEqual({ noteId, rev: 1 });
    expect(await sweepOutbox(deps)).toBeGreaterThanOrEqual(1);
    await queue.drain();
    expect(dms(noteId)).toHaveLength(1);
    await expectConsistent();
  });
});

// ---------------------------------------------------------------------------------------------

let seq = 0;
const sfId = (prefix: string) => `${prefix}xx${String(++seq).padStart(10, '0')}FLT`;

function soap(notifications: { id: string; recordId: string; body: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>${ORG}</OrganizationId><SessionId xsi:nil="true"/>
   ${notifications
     .map(
       (
         n,
       ) => `<Notification><Id>${n.id}</Id><sObject xsi:type="sf:Note" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     <sf:Id>${n.recordId}</sf:Id><sf:Body>${n.body}</sf:Body><sf:OwnerId>005xx0000000001AAA</sf:OwnerId>
     <sf:LastModifiedDate>2026-11-02T09:00:00.000Z</sf:LastModifiedDate></sObject></Notification>`,
     )
     .join('\n')}
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>`;
}

const postSoap = (xml: string) =>
  fetch(`${base}/v1/webhooks/salesforce/${TEST_CONFIG.salesforce.token}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8' },
    body: xml,
  });

describe('DynamoDB Local stopped mid-run', () => {
  it('503 with Retry-After while it is down; Salesforce’s retries afterwards store every note exactly once', async () => {
    const bodies = ['She is pregnant.', 'He is a moron.', 'Renewal approved.', 'Gus is out for chemo.'];
    const messages = Array.from({ length: 16 }, (_, i) => {
      const n = { id: sfId('04l'), recordId: sfId('002'), body: bodies[i % bodies.length] as string };
      return { n, xml: soap([n]) };
    });
    // Some go through while the table is up.
    for (const m of messages.slice(0, 4)) expect((await postSoap(m.xml)).status).toBe(200);

    // The rest are in flight when DynamoDB Local is stopped.
    const inFlight = messages
      .slice(6)
      .map((m) => postSoap(m.xml).then(async (r) => ({ m, r, text: await r.text() })));
    await new Promise((r) => setTimeout(r, 30));
    const port = db.port;
    await db.stop();
    const answered = await Promise.all(inFlight);
    const statuses = answered.map((a) => a.r.status);
    // Each one either made it or was refused retryably: never a 500, never a 4xx.
    expect(
      statuses.every((s) => s === 200 || s === 503),
      statuses.join(','),
    ).toBe(true);
    for (const a of answered.filter((x) => x.r.status === 503)) {
      expect(a.r.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(a.text).toMatch(/could not be stored now.*Not acknowledged/);
    }

    // While it is down: a new message and a signed note are 503 + Retry-After, quickly.
    const started = performance.now();
    const down = await postSoap(messages[0]?.xml as string);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
    const note = await postSigned(base, '/v1/notes', custom('down-1', 'She is pregnant.'));
    expect(note.status).toBe(503);
    expect(note.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await jsonOf(note)).error).toBe('UnavailableError');
    expect(performance.now() - started).toBeLessThan(10_000);

    // Back up (same data on disk): Salesforce retries every message it has no Ack for.
    await startDb(port);
    const unacked = [...answered.filter((a) => a.r.status !== 200).map((a) => a.m)];
    for (const m of unacked) expect((await postSoap(m.xml)).status).toBe(200);
    // A second retry of everything (an Ack lost on the way back) stores nothing twice.
    for (const m of messages) expect((await postSoap(m.xml)).status).toBe(200);
    // The exact signed note that was refused while down is accepted now.
    expect((await postSigned(base, '/v1/notes', custom('down-1', 'She is pregnant.'))).status).toBe(201);

    for (const [i, m] of messages.entries()) {
      const stored = await repo.getNote(noteIdFor('salesforce', ORG, m.n.recordId));
      expect(stored?.note.rev, `message ${i}`).toBe(1);
      expect(stored?.findings).toHaveLength(i % bodies.length === 2 ? 0 : 1);
      const audit = await repo.listAudit(stored?.note.noteId as string);
      expect(audit.filter((a) => a.action === 'ingested')).toHaveLength(1);
      expect(await repo.wasDelivered(`salesforce:${m.n.id}`)).toBe(true);
    }
    await sweepOutbox(deps);
    await queue.drain();
    await expectConsistent();
    // No double nudge: at most one DM per note that has findings.
    for (const m of messages) {
      const noteId = noteIdFor('salesforce', ORG, m.n.recordId);
      expect(dms(noteId).length).toBeLessThanOrEqual(1);
    }
  });
});
