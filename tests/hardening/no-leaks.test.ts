import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTIONS } from '../../bot/blocks/view-models.js';
import { createBot } from '../../bot/create-bot.js';
import type { InProcessQueue } from '../../lambdas/adapters/queue/in-process-queue.js';
import { UnavailableError } from '../../lambdas/core/errors.js';
import { jsonLogger } from '../../lambdas/core/log.js';
import { signWebhook } from '../../lambdas/http/webhook-signature.js';
import { jsonOf, postSigned, startApi, TEST_CONFIG } from '../helpers/api.js';
import { FakeSlack, interactivityBody, postToSlackEndpoint } from '../helpers/fake-slack.js';
import { buttonPress } from '../helpers/slack-payloads.js';
import { scanAll } from './support/invariants.js';

// A unique sensitive phrase goes through the whole flow — webhook, scan, storage, nudge, review,
// a manager's Dismiss modal and Redact, the API's reads, every error path — and must appear in no
// log line (ours, Bolt's, the WebClient's or anything else on the console), no error response, no
// audit event, no stored item but the raw text, and no Slack message but the rep's own DM.
// The secrets of the configuration must appear nowhere at all.

const unique = randomBytes(6).toString('hex');
const PASSWORD = `Qv${unique}!7`;
const SSN = `536-${String(10 + (Number.parseInt(unique.slice(0, 4), 16) % 89))}-${String(1000 + (Number.parseInt(unique.slice(4, 8), 16) % 8999))}`;
const NOTE = `Call with Dana. Portal pw is ${PASSWORD} and her SSN ${SSN}. She is pregnant.`;
const PLANTED = [PASSWORD, SSN];

const SECRETS = {
  webhookSecrets: [`whsec-${unique}-webhook`],
  apiTokens: [`tok-${unique}-api`],
  salesforce: { ...TEST_CONFIG.salesforce, token: `sfurl-${unique}-token` },
  hubspot: { clientSecret: `hs-${unique}-client-secret` },
};
const SLACK_SECRET = `slack-${unique}-signing`;
const BOT_TOKEN = `xoxb-${unique}-bot`;
const ALL_SECRETS = [
  ...SECRETS.webhookSecrets,
  ...SECRETS.apiTokens,
  SECRETS.salesforce.token,
  SECRETS.hubspot.clientSecret,
  SLACK_SECRET,
  BOT_TOKEN,
];

const REP = 'U0REP00001';
const MANAGER = 'U0MGR00001';

const logs: string[] = [];
const consoleOutput: string[] = [];
const errorBodies: string[] = [];
let slack: FakeSlack;
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  // Anything printed by anyone (the WebClient logs to the console by default) is captured too.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
  slack = await new FakeSlack().start();
  slack.users.set('rep@example.com', REP);
  api = await startApi(SECRETS, (ctx) => {
    ctx.deps.logger = jsonLogger((line) => logs.push(line));
    const bot = createBot(ctx.deps, {
      botToken: BOT_TOKEN,
      signingSecret: SLACK_SECRET,
      reviewChannel: 'C0REVIEW01',
      managerIds: [MANAGER],
      apiUrl: slack.url,
      userCacheSeconds: 3600,
      retries: 0,
    });
    (ctx.deps.queue as InProcessQueue).consume(bot.consumeNudge);
    return [{ method: 'POST', path: '/slack/events', handler: bot.http }];
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await api.close();
  await slack.stop();
});

const secret = SECRETS.webhookSecrets[0] as string;
const auth = { authorization: `Bearer ${SECRETS.apiTokens[0]}` };
const signed = (body: unknown, t?: number) =>
  postSigned(api.base, '/v1/notes', body, { secret, ...(t ? { t } : {}) });

async function record(res: Response): Promise<Response> {
  if (res.status >= 400) errorBodies.push(`${res.status} ${await res.clone().text()}`);
  return res;
}

const note = (recordId: string, body = NOTE, extra: Record<string, unknown> = {}) => ({
  source: 'custom',
  recordId,
  kind: 'note',
  ownerEmail: 'rep@example.com',
  title: 'Portal access',
  updatedAt: new Date().toISOString(),
  body,
  ...extra,
});

describe('a planted sensitive phrase, through the whole flow', () => {
  let noteId: string;

  it('is found, stored (raw text only) and nudged', async () => {
    const res = await record(await signed(note('leak-1')));
    expect(res.status).toBe(201);
    const out = await jsonOf(res);
    noteId = out.noteId;
    expect(out.findings.map((f: { category: string }) => f.category).sort()).toEqual([
      'credentials',
      'government_id',
      'health',
    ]);
    await (api.queue as InProcessQueue).drain();
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === REP)).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0REVIEW01')).toHaveLength(1);
  });

  it('goes through the read API, a manager’s Dismiss modal and Redact, and the scan preview', async () => {
    for (const path of [`/v1/notes/${noteId}`, '/v1/findings?status=open&limit=100']) {
      const res = await record(await fetch(api.base + path, { headers: auth }));
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const p of PLANTED) expect(text).not.toContain(p);
    }
    const stored = await api.repo.getNote(noteId);
    const health = stored?.findings.find((f) => f.category === 'health');
    const press = (action: string, value: object) =>
      postToSlackEndpoint(
        `${api.base}/slack/events`,
        SLACK_SECRET,
        interactivityBody(
          buttonPress({
            user: MANAGER,
            actionId: action,
            value: JSON.stringify(value),
            channel: 'C0REVIEW01',
            messageTs: '1.000001',
          }),
        ),
        'application/x-www-form-urlencoded',
      );
    expect((await press(ACTIONS.dismiss, { noteId, findingId: health?.findingId })).status).toBe(200);
    expect(slack.callsTo('views.open')).toHaveLength(1);
    expect((await press(ACTIONS.redact, { noteId })).status).toBe(200);
    expect((await api.repo.getNote(noteId))?.note.redactedBody).toContain('[REDACTED:credentials]');
    const scan = await record(await postSigned(api.base, '/v1/scan', { body: NOTE }, { secret }));
    expect(scan.status).toBe(200);
  });

  it('goes through every error path: bad JSON, schema errors, bad signatures, replays, 413, 500 and 503', async () => {
    const t = Math.floor(Date.now() / 1000);
    await record(await postSigned(api.base, '/v1/notes', `{"body": "${NOTE}" oops`, { secret }));
    await record(await postSigned(api.base, '/v1/notes', NOTE, { secret }));
    await record(
      await signed(note('leak-2', NOTE, { ownerEmail: NOTE, kind: PASSWORD, url: NOTE, updatedAt: SSN })),
    );
    await record(await signed({ ...note('leak-3'), fields: { [PASSWORD]: NOTE } }));
    await record(await postSigned(api.base, '/v1/notes', note('leak-4'), { secret: 'wrong' }));
    const body = JSON.stringify(note('leak-5'));
    await record(await postSigned(api.base, '/v1/notes', body, { secret, t }));
    await record(await postSigned(api.base, '/v1/notes', body, { secret, t })); // replay
    await record(await signed(note('leak-6', `${NOTE} ${'x'.repeat(300_000)}`)));
    await record(
      await fetch(`${api.base}/v1/notes`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-noteguard-signature': signWebhook(secret, NOTE, t) },
        body: NOTE,
      }),
    );
    await record(
      await fetch(`${api.base}/v1/webhooks/salesforce/${SECRETS.salesforce.token}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: `<soapenv:Envelope><Body>${NOTE}</Bodyy></soapenv:Envelope>`,
      }),
    );
    await record(
      await fetch(`${api.base}/v1/findings/${noteId}.1/dismiss`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 7, note: NOTE }),
      }),
    );

    // A dependency failing with the secret and the phrase in its own error message and cause.
    const repo = api.ctx.deps.repo;
    const getNote = repo.getNote.bind(repo);
    try {
      repo.getNote = async () => {
        throw new Error(`ValidationException: item {"body":"${NOTE}","key":"${ALL_SECRETS.join(',')}"}`);
      };
      const crash = await record(await fetch(`${api.base}/v1/notes/${noteId}`, { headers: auth }));
      expect(crash.status).toBe(500);
      expect(await jsonOf(crash)).toEqual({ error: 'InternalError', message: 'internal error' });
      repo.getNote = async () => {
        throw new UnavailableError('storage is unavailable; retry later', {
          cause: new Error(`connect ECONNREFUSED ${NOTE} ${ALL_SECRETS.join(',')}`),
        });
      };
      const down = await record(await fetch(`${api.base}/v1/notes/${noteId}`, { headers: auth }));
      expect(down.status).toBe(503);
    } finally {
      repo.getNote = getNote;
    }
    expect(errorBodies.length).toBeGreaterThanOrEqual(12);
  });

  it('appears in no log line, no error response, no audit event, no stored item but the raw text, and only the rep’s DM', async () => {
    expect(logs.length).toBeGreaterThan(3);
    const everyLog = [...logs, ...consoleOutput].join('\n');
    const audit = JSON.stringify(await api.repo.listAudit(noteId));
    const items = (await scanAll(api.client, api.table)).filter((i) => i.type !== 'raw');
    const slackCalls = slack.calls.filter((c) => !(c.args.channel === REP || c.args.channel === `D${REP}`));
    const dms = slack.calls.filter((c) => c.args.channel === REP);
    for (const p of PLANTED) {
      expect(everyLog, 'logs').not.toContain(p);
      for (const e of errorBodies) expect(e, 'error response').not.toContain(p);
      expect(audit, 'audit').not.toContain(p);
      expect(JSON.stringify(items), 'stored items').not.toContain(p);
      for (const c of slackCalls)
        expect(JSON.stringify(c.args), `${c.method} ${String(c.args.channel)}`).not.toContain(p);
    }
    // The rep's own DM may show the words they wrote (that is the point of it).
    expect(JSON.stringify(dms.map((c) => c.args))).toContain(PASSWORD);
  });

  it('secrets appear nowhere: not in logs, error responses, stored items or anything sent to Slack', async () => {
    const everyLog = [...logs, ...consoleOutput].join('\n');
    const items = JSON.stringify(await scanAll(api.client, api.table));
    // The bot token goes to Slack's own API as the credential (the Authorization header, or the
    // `token` argument of auth.test), and nowhere else: never inside a message, block or view.
    const sent = JSON.stringify(slack.calls.map(({ args: { token: _token, ...args } }) => args));
    for (const s of ALL_SECRETS) {
      expect(everyLog).not.toContain(s);
      for (const e of errorBodies) expect(e).not.toContain(s);
      expect(items).not.toContain(s);
      expect(sent).not.toContain(s);
    }
    expect(slack.calls.every((c) => c.token === BOT_TOKEN)).toBe(true);
    expect(
      slack.calls.filter((c) => c.args.token !== undefined).every((c) => c.args.token === BOT_TOKEN),
    ).toBe(true);
  });

  it('error responses never carry a stack trace or a source path', () => {
    for (const e of errorBodies) {
      expect(e).not.toMatch(/\n\s+at \S+ \(|\.[cm]?[jt]s:\d+|node_modules|\/work\//);
    }
  });
});
