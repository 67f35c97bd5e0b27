// `npm run stress`: load, faults and worst cases that take too long for `npm test`.
//
//  1. Load: `npm start`'s own server (a child process, loopback only) takes 20,000 webhook
//     deliveries from 50 concurrent clients — 20% re-deliveries, 5% malformed — then the table is
//     checked: exactly the expected notes and findings, none lost, none twice, zero 5xx; p99 reported.
//  2. Slack: 1,000 nudges against a fake Slack answering 429 (Retry-After), 500 and invalid_auth
//     at random: each delivered exactly once or recorded as permanently failed.
//  3. Classifier: a worst-case input per detector (and for the tokeniser, stemmer and overlap
//     resolution), 256 KB each, scanned in a child process under a time budget.
//
// Options: --deliveries N --clients N --nudges N --only load,slack,classifier
// Exit status 1 when any check fails; every figure is printed either way.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createBot } from '../bot/create-bot.js';
import { noopCrmWriter } from '../lambdas/adapters/crm/noop-crm-writer.js';
import { DynamoNoteRepository } from '../lambdas/adapters/dynamodb/dynamo-note-repository.js';
import { createTableInput } from '../lambdas/adapters/dynamodb/table-design.js';
import { InProcessQueue } from '../lambdas/adapters/queue/in-process-queue.js';
import { defaultClassifier } from '../lambdas/classifier/index.js';
import { silentLogger } from '../lambdas/core/log.js';
import type { NudgeJob } from '../lambdas/core/model.js';
import { systemClock } from '../lambdas/core/ports.js';
import { signWebhook } from '../lambdas/http/webhook-signature.js';
import { freePort } from '../lambdas/local/dynamodb-local.js';
import { DEFAULT_CONFIG, type UseCaseDeps } from '../lambdas/usecases/deps.js';
import { noteIdFor } from '../lambdas/usecases/ids.js';
import { ingestNote } from '../lambdas/usecases/ingest-note.js';
import { checkInvariants } from '../tests/hardening/support/invariants.js';
import { nudgeOutcomes } from '../tests/hardening/support/nudge-outcomes.js';
import { ScanRunner } from '../tests/hardening/support/scan-runner.js';
import { type Failure, FakeSlack } from '../tests/helpers/fake-slack.js';

const { values } = parseArgs({
  options: {
    deliveries: { type: 'string', default: '20000' },
    clients: { type: 'string', default: '50' },
    nudges: { type: 'string', default: '1000' },
    only: { type: 'string', default: 'load,slack,classifier' },
  },
});
const DELIVERIES = Number(values.deliveries);
const CLIENTS = Number(values.clients);
const NUDGES = Number(values.nudges);
const PHASES = new Set(values.only.split(','));

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  return ok ? 'ok  ' : 'FAIL';
};
const pct = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);

// ---------------------------------------------------------------------------------------------
// 1. Load against `npm start`

const SECRET = `stress-${randomUUID()}`;
const SF_TOKEN = `sf-${randomUUID()}`;
const ORG = '00Dxx0000000001EAA';
const OWNER_ID = '005xx0000000001AAA';

const BODIES = [
  'Met Dana at the expo. She is pregnant, deal will slip to Q3.',
  'Renewal approved, PO next week. Call back Tuesday.',
  'Their CFO is a total idiot about pricing. SSN 536-22-8471 on the form.',
  'Asked for a discount, party animal. Card 4111 1111 1111 1111.',
  'Budget approved; legal review pending.',
  'He is going through a nasty divorce and behind on rent.',
  'Portal pw is Summer2024! — rotate it.',
  'Gus is out for chemo until June; Lee covers.',
];

interface Delivery {
  kind: 'original' | 'duplicate' | 'malformed';
  route: 'notes' | 'salesforce';
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** For originals: the note id and the findings it should end with. */
  noteId?: string;
  findings?: number;
  /** Shared by an original and its re-delivery: the timestamp the original was signed with. */
  signed?: { t?: number };
}

function startServer(port: number): Promise<{ child: ChildProcess; dynamoEndpoint: string }> {
  const child = spawn('npm', ['start', '--silent', '--', '--quiet'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      NOTEGUARD_WEBHOOK_SECRET: SECRET,
      NOTEGUARD_SALESFORCE_TOKEN: SF_TOKEN,
      NOTEGUARD_SALESFORCE_ORG_ID: ORG,
      NOTEGUARD_SALESFORCE_OWNER_EMAILS: `${OWNER_ID}=rep@example.com`,
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
    },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${out}`)), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const db = /DynamoDB Local: (http:\/\/\S+)/.exec(out);
      if (db && out.includes('NoteGuard is running at')) {
        clearTimeout(timer);
        resolve({ child, dynamoEndpoint: db[1] as string });
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.kill(-child.pid, 'SIGINT');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function soapMessage(notificationId: string, fields: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>${ORG}</OrganizationId><SessionId xsi:nil="true"/>
   <Notification><Id>${notificationId}</Id>
    <sObject xsi:type="sf:Note" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">${fields}</sObject>
   </Notification>
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const sfId = (prefix: string, n: number) => `${prefix}xx${String(n).padStart(10, '0')}STR`;

/** Every delivery in send order: originals, re-deliveries shortly after them, and malformed ones. */
function plan(total: number): Delivery[] {
  const classifier = defaultClassifier();
  const expected = BODIES.map((b) =>
    Math.min(classifier.scanText(b).length, DEFAULT_CONFIG.maxFindingsPerNote),
  );
  const malformedCount = Math.round(total * 0.05);
  const duplicateCount = Math.round(total * 0.2);
  const originalCount = total - malformedCount - duplicateCount;
  let seed = 12345;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const originals: Delivery[] = [];
  const dupOf = new Map<number, Delivery>();
  for (let i = 0; i < originalCount; i++) {
    const bodyIndex = i % BODIES.length;
    const text = BODIES[bodyIndex] as string;
    if (i % 4 === 3) {
      // A quarter come from Salesforce: one Note per Outbound Message, deduped on its notification id.
      const recordId = sfId('002', i);
      const xml = soapMessage(
        sfId('04l', i),
        `<sf:Id>${recordId}</sf:Id><sf:Body>${esc(text)}</sf:Body><sf:OwnerId>${OWNER_ID}</sf:OwnerId><sf:Title>Call ${i}</sf:Title><sf:LastModifiedDate>2026-11-02T09:00:00.000Z</sf:LastModifiedDate>`,
      );
      const d: Delivery = {
        kind: 'original',
        route: 'salesforce',
        path: `/v1/webhooks/salesforce/${SF_TOKEN}`,
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
        body: Buffer.from(xml),
        noteId: noteIdFor('salesforce', ORG, recordId),
        findings: expected[bodyIndex] as number,
        signed: {},
      };
      originals.push(d);
    } else {
      const recordId = `stress-${i}`;
      const json = JSON.stringify({
        source: 'custom',
        recordId,
        kind: 'note',
        ownerEmail: `rep${i % 50}@example.com`,
        title: `Call ${i}`,
        updatedAt: '2026-11-02T09:00:00.000Z',
        body: text,
      });
      originals.push({
        kind: 'original',
        route: 'notes',
        path: '/v1/notes',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(json),
        noteId: noteIdFor('custom', 'default', recordId),
        findings: expected[bodyIndex] as number,
        signed: {},
      });
    }
  }
  // Re-deliveries: distinct originals, each sent again once (a CRM retry), soon after.
  const pool = originals.map((_, i) => i);
  for (let k = 0; k < duplicateCount; k++) {
    const j = k + Math.floor(rand() * (pool.length - k));
    [pool[k], pool[j]] = [pool[j] as number, pool[k] as number];
    const o = originals[pool[k] as number] as Delivery;
    dupOf.set(pool[k] as number, { ...o, kind: 'duplicate' });
  }
  const malformed: Delivery[] = [];
  for (let m = 0; m < malformedCount; m++) {
    const variant = m % 8;
    const good = JSON.stringify({
      source: 'custom',
      recordId: `bad-${m}`,
      kind: 'note',
      ownerEmail: 'rep@example.com',
      updatedAt: '2026-11-02T09:00:00.000Z',
      body: 'She is pregnant.',
    });
    const json = (body: string | Buffer): Delivery => ({
      kind: 'malformed',
      route: 'notes',
      path: '/v1/notes',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? Buffer.from(body) : body,
    });
    if (variant === 0) malformed.push(json(good.slice(0, -5)));
    else if (variant === 1) malformed.push(json(good.replace('"note"', '"memo"')));
    else if (variant === 2) malformed.push(json(good.replace('"rep@example.com"', '42')));
    else if (variant === 3)
      malformed.push(json(Buffer.concat([Buffer.from(good.slice(0, -3)), Buffer.from([0xff, 0x22, 0x7d])])));
    else if (variant === 4) malformed.push(json(`${'['.repeat(20_000)}${']'.repeat(20_000)}`));
    else if (variant === 5) malformed.push({ ...json(good), headers: { 'content-type': 'text/plain' } });
    else if (variant === 6)
      malformed.push({
        kind: 'malformed',
        route: 'salesforce',
        path: `/v1/webhooks/salesforce/${SF_TOKEN}`,
        headers: { 'content-type': 'text/xml' },
        body: Buffer.from(
          soapMessage(sfId('04m', m), '<sf:Id>bad</sf:Id>').replace(
            '<soapenv:Envelope',
            '<!DOCTYPE x [<!ENTITY a "aaaa">]><soapenv:Envelope',
          ),
        ),
      });
    else
      malformed.push({
        kind: 'malformed',
        route: 'salesforce',
        path: `/v1/webhooks/salesforce/${SF_TOKEN}`,
        headers: { 'content-type': 'text/xml' },
        body: Buffer.from(
          soapMessage(
            sfId('04m', m),
            `<sf:Id>${sfId('069', m)}</sf:Id><sf:Content>!!not base64!!</sf:Content>`,
          ).replace('xsi:type="sf:Note"', 'xsi:type="sf:ContentNote"'),
        ),
      });
  }
  // Interleave: originals in order, each re-delivery 1–2,000 places after its original, malformed
  // ones spread evenly.
  const slots: { at: number; d: Delivery }[] = [];
  originals.forEach((o, i) => {
    slots.push({ at: i, d: o });
    const dup = dupOf.get(i);
    if (dup) slots.push({ at: i + 1 + rand() * 2000, d: dup });
  });
  malformed.forEach((m, i) => {
    slots.push({ at: ((i + 0.5) * originalCount) / malformedCount, d: m });
  });
  return slots.sort((a, b) => a.at - b.at).map((s) => s.d);
}

interface Answer {
  status: number;
  ms: number;
}

function send(agent: Agent, port: number, d: Delivery, t: number): Promise<Answer> {
  const headers: Record<string, string> = { ...d.headers, 'content-length': String(d.body.length) };
  if (d.route === 'notes') headers['x-noteguard-signature'] = signWebhook(SECRET, d.body, t);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: d.path, method: 'POST', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(d.body);
  });
}

async function loadPhase(): Promise<void> {
  const port = await freePort();
  console.log(
    `\n1. Load: ${DELIVERIES} deliveries, ${CLIENTS} concurrent clients, against \`npm start\` on 127.0.0.1:${port}`,
  );
  const deliveries = plan(DELIVERIES);
  const { child, dynamoEndpoint } = await startServer(port);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    const answers: (Answer & { d: Delivery })[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < deliveries.length) {
          const d = deliveries[next++] as Delivery;
          // Every request is signed afresh (a re-delivery too: a CRM signs each attempt). A
          // re-delivery signed in the same second as its original would carry the same signature
          // and be refused as a replay, as it should; the CRM's retry comes later, so its
          // timestamp differs from the original's.
          const now = Math.floor(Date.now() / 1000);
          let t = now;
          if (d.kind === 'original' && d.signed) d.signed.t = now;
          if (d.kind === 'duplicate') t = d.signed?.t !== undefined ? d.signed.t - 1 : now - 1;
          answers.push({ ...(await send(agent, port, d, t)), d });
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    const by = (kind: Delivery['kind']) => answers.filter((a) => a.d.kind === kind);
    const statuses = (xs: typeof answers) => {
      const m = new Map<number, number>();
      for (const a of xs) m.set(a.status, (m.get(a.status) ?? 0) + 1);
      return [...m]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
    };
    const fiveXX = answers.filter((a) => a.status >= 500 || a.status === 0).length;
    const originals = by('original');
    const duplicates = by('duplicate');
    const malformed = by('malformed');

    const client = new DynamoDBClient({
      endpoint: dynamoEndpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { notes, findings, violations } = await checkInvariants(client, 'noteguard');
    client.destroy();
    const expectedNotes = new Map(originals.map((a) => [a.d.noteId as string, a.d.findings as number]));
    const expectedFindings = [...expectedNotes.values()].reduce((a, b) => a + b, 0);
    const lost = [...expectedNotes.keys()].filter((id) => !notes.has(id));
    const unexpected = [...notes.keys()].filter((id) => !expectedNotes.has(id));
    const wrongFindings = [...expectedNotes].filter(
      ([id, n]) => notes.has(id) && findings.filter((f) => f.noteId === id).length !== n,
    );
    const revs = [...notes.values()].filter((n) => n.rev !== 1).length;

    console.log(
      `   sent         ${answers.length} in ${seconds.toFixed(1)} s (${(answers.length / seconds).toFixed(0)} req/s)`,
    );
    console.log(`   originals    ${originals.length}: ${statuses(originals)}`);
    console.log(
      `   duplicates   ${duplicates.length} (${((100 * duplicates.length) / answers.length).toFixed(0)}%): ${statuses(duplicates)}`,
    );
    console.log(
      `   malformed    ${malformed.length} (${((100 * malformed.length) / answers.length).toFixed(0)}%): ${statuses(malformed)}`,
    );
    console.log(
      `   latency      p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
    );
    console.log(`   ${check(fiveXX === 0, 'load: 5xx or dropped connections')} 5xx / no answer ${fiveXX}`);
    console.log(
      `   ${check(
        originals.every((a) => a.status === 201 || a.status === 200),
        'load: an original was refused',
      )} every original stored (201 / Salesforce Ack 200)`,
    );
    // A re-delivery that overtakes its original (50 clients at once) stores the note itself (201)
    // and the original then answers 200: per note, exactly one delivery stores it.
    const storedBy = new Map<string, number>();
    for (const a of [...originals, ...duplicates])
      if (a.status === 201) storedBy.set(a.d.noteId as string, (storedBy.get(a.d.noteId as string) ?? 0) + 1);
    const overtook = duplicates.filter((a) => a.status === 201).length;
    console.log(
      `   ${check(
        duplicates.every((a) => a.status === 200 || a.status === 201) &&
          [...storedBy.values()].every((n) => n === 1) &&
          originals
            .filter((a) => a.d.route === 'notes')
            .every((a) => storedBy.get(a.d.noteId as string) === 1),
        'load: a re-delivery was refused or stored a note twice',
      )} every re-delivery acknowledged; each note stored by exactly one of its deliveries (${overtook} re-deliveries overtook their original)`,
    );
    console.log(
      `   ${check(
        malformed.every((a) => a.status >= 400 && a.status < 500),
        'load: a malformed delivery was not 4xx',
      )} every malformed delivery answered 4xx`,
    );
    console.log(
      `   ${check(lost.length === 0 && unexpected.length === 0, 'load: notes lost or unexpected')} notes stored ${notes.size} (expected ${expectedNotes.size}), lost ${lost.length}, unexpected ${unexpected.length}`,
    );
    console.log(
      `   ${check(findings.length === expectedFindings && wrongFindings.length === 0, 'load: findings differ')} findings stored ${findings.length} (expected ${expectedFindings}), notes with the wrong findings ${wrongFindings.length}`,
    );
    console.log(
      `   ${check(revs === 0, 'load: a re-delivery changed a note')} notes stored once (rev 1): ${notes.size - revs}`,
    );
    console.log(
      `   ${check(violations.length === 0, 'load: storage invariants')} storage invariants (no finding without note, counts, raw text, outbox, deliveries): ${violations.length} violations${violations.length ? `\n     ${violations.slice(0, 5).join('\n     ')}` : ''}`,
    );
  } finally {
    agent.destroy();
    await stopServer(child);
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Slack chaos

async function slackPhase(): Promise<void> {
  console.log(
    `\n2. Slack: ${NUDGES} nudges; the fake Slack answers 429 (Retry-After 0–2 s), 500 and invalid_auth at random`,
  );
  const { startDynamoDbLocal } = await import('../lambdas/local/dynamodb-local.js');
  const db = await startDynamoDbLocal({ timeoutMs: 60_000 });
  const client = new DynamoDBClient({
    endpoint: db.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const table = 'stress_slack';
  await client.send(new CreateTableCommand(createTableInput(table)));
  const slack = await new FakeSlack().start();
  try {
    for (let r = 0; r < 50; r++) slack.users.set(`rep${r}@example.com`, `U0REP${String(r).padStart(5, '0')}`);
    const repo = new DynamoNoteRepository(client, table);
    const queue = new InProcessQueue(6);
    const deps: UseCaseDeps = {
      repo,
      classifier: defaultClassifier(),
      queue,
      crm: noopCrmWriter,
      clock: systemClock,
      logger: silentLogger,
      config: { ...DEFAULT_CONFIG },
    };
    const bot = createBot(deps, {
      botToken: 'xoxb-stress',
      signingSecret: 'unused',
      reviewChannel: 'C0REVIEW01',
      managerIds: [],
      apiUrl: slack.url,
      userCacheSeconds: 3600,
      retries: 2,
    });
    const failuresList: Failure[] = [
      { status: 429, retryAfter: 0 },
      { status: 429, retryAfter: 1 },
      { status: 429, retryAfter: 2 },
      { status: 500 },
      { status: 500 },
      { error: 'invalid_auth' },
    ];
    slack.failRandomly(0.15, failuresList, 99);
    queue.consume(bot.consumeNudge);
    // The WebClient logs each rate limit on the console; the figures below are what matter.
    const quiet = console.warn;
    const quietInfo = console.info;
    console.warn = () => {};
    console.info = () => {};
    const texts = [
      'Gus is out for chemo until June.',
      'Asked for a discount, party animal.',
      'He is going through a nasty divorce.',
      'She is pregnant, deal will slip.',
    ];
    const jobs: NudgeJob[] = [];
    const t0 = performance.now();
    try {
      for (let i = 0; i < NUDGES; i++) {
        const out = await ingestNote(deps, {
          source: 'custom',
          orgId: 'default',
          recordId: `nudge-${i}`,
          kind: 'note',
          ownerEmail: `rep${i % 50}@example.com`,
          updatedAt: '2026-11-02T09:00:00.000Z',
          body: texts[i % texts.length] as string,
        });
        jobs.push({ noteId: out.noteId, rev: 1 });
      }
      await queue.drain();
      // At-least-once delivery: every job once more, after Slack calmed down.
      slack.failRandomly(0, []);
      for (const job of jobs) await queue.enqueue(job);
      await queue.drain();
    } finally {
      console.warn = quiet;
      console.info = quietInfo;
    }
    const seconds = (performance.now() - t0) / 1000;
    const outcome = await nudgeOutcomes(repo, slack, jobs, queue.deadLetters);
    const failed = slack.calls.filter((c) => c.failed);
    const kinds = new Map<string, number>();
    for (const c of failed) {
      const k = c.method;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    console.log(
      `   Slack calls ${slack.calls.length}, refused ${failed.length} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${seconds.toFixed(1)} s`,
    );
    console.log(
      `   delivered exactly once ${outcome.delivered}, recorded as permanently failed ${outcome.failedPermanently}, dead-lettered then redelivered ${queue.deadLetters.length}`,
    );
    console.log(
      `   ${check(outcome.lost.length === 0, 'slack: nudges lost')} lost ${outcome.lost.length}${outcome.lost.length ? `\n     ${outcome.lost.slice(0, 5).join('\n     ')}` : ''}`,
    );
    console.log(
      `   ${check(outcome.duplicated.length === 0, 'slack: nudges duplicated')} duplicated ${outcome.duplicated.length}${outcome.duplicated.length ? `\n     ${outcome.duplicated.slice(0, 5).join('\n     ')}` : ''}`,
    );
    check(outcome.delivered + outcome.failedPermanently === NUDGES, 'slack: not every nudge accounted for');
  } finally {
    await slack.stop();
    await client.send(new DeleteTableCommand({ TableName: table })).catch(() => {});
    client.destroy();
    await db.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Classifier worst cases

const KB256 = 256 * 1024;
const fill = (prefix: string, pump: string, size = KB256) =>
  prefix + pump.repeat(Math.ceil((size - prefix.length) / pump.length)).slice(0, size - prefix.length);

const WORST: [string, string][] = [
  ['ssn: digits spaced out', fill('SSN ', '1 ')],
  ['ssn: cue then whitespace', fill('ssn', ' ')],
  ['passport: cue then whitespace', fill('passport', ' ')],
  ["driver's licence: cue then whitespace", fill("driver's license", ' ')],
  ['uk nino: letter pairs and digits', fill('', 'QQ 12 ')],
  ['canada sin: cue then digit groups', fill('SIN ', '123 ')],
  ['spain dni: digits and letters', fill('DNI ', '1234567Z ')],
  ['payment card: digit groups', fill('card ', '4111 ')],
  ['payment card: cvc then whitespace', fill('cvc', ' ')],
  ['iban: country code and digits', fill('', 'GB82 ')],
  ['bank account: cue then whitespace', fill('account', ' ')],
  ['bank account: routing then digits', fill('routing ', '1')],
  ['credentials: admin then tabs', fill('admin', '\t')],
  ['credentials: cue then whitespace', fill('password', ' ')],
  ['date of birth: cue then tabs', fill('dob ', '\t')],
  ['date of birth: dates', fill('born ', '1/1/')],
  ['personal contact: a@a@', fill('', 'a@')],
  ['personal contact: "x at "', fill('', 'x at ')],
  ['personal contact: phone-like digits', fill('cell ', '+1 ')],
  ['personal contact: address-like words', fill('lives at ', '12 Main ')],
  ['overlaps: one flagged word repeated', fill('', 'moron ')],
  ['overlaps: one SSN repeated', fill('', 'SSN 536-22-8471 ')],
  ['tokeniser/stemmer: one consonant', fill('', 'b')],
  ['tokeniser/stemmer: Hebrew letters', fill('', 'ש')],
  ['tokeniser/stemmer: CJK', fill('', '中')],
  ['tokeniser/stemmer: Arabic', fill('', 'م')],
  ['normaliser: combining marks', fill('e', '\u0301')],
  ['normaliser: lone surrogates', fill('', '\uD800')],
];

async function classifierPhase(): Promise<void> {
  const budgetMs = 5000;
  const deadlineMs = 20_000;
  console.log(
    `\n3. Classifier: worst case per detector, 256 KB each (the API's body limit), budget ${budgetMs / 1000} s, stopped at ${deadlineMs / 1000} s`,
  );
  const runner = new ScanRunner();
  try {
    for (const [name, text] of WORST) {
      const outcome = await runner.scan({ text }, deadlineMs);
      if ('timedOut' in outcome) {
        console.log(
          `   ${check(false, `classifier: ${name}`)} ${name.padEnd(42)} still running after ${deadlineMs / 1000} s`,
        );
        continue;
      }
      const ok = outcome.ms <= budgetMs && !outcome.error;
      console.log(
        `   ${check(ok, `classifier: ${name}`)} ${name.padEnd(42)} ${(outcome.ms / 1000).toFixed(2)} s, ${outcome.findings.length} findings${outcome.error ? ` THREW ${outcome.error}` : ''}`,
      );
    }
  } finally {
    runner.kill();
  }
}

// ---------------------------------------------------------------------------------------------

const started = Date.now();
if (PHASES.has('load')) await loadPhase();
if (PHASES.has('slack')) await slackPhase();
if (PHASES.has('classifier')) await classifierPhase();
console.log(
  `\n${failures.length === 0 ? 'all checks passed' : `${failures.length} checks failed:\n  ${failures.join('\n  ')}`} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
process.exit(failures.length === 0 ? 0 : 1);
