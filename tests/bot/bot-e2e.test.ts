import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, INPUTS, VIEWS } from '../../bot/blocks/view-models.js';
import type { SlackConfig } from '../../bot/config.js';
import { createBot } from '../../bot/create-bot.js';
import { SalesforceCrmWriter } from '../../lambdas/adapters/crm/salesforce-crm-writer.js';
import type { InProcessQueue } from '../../lambdas/adapters/queue/in-process-queue.js';
import { jsonOf, postSigned, startApi } from '../helpers/api.js';
import { FakeSlack, interactivityBody, postToSlackEndpoint, slackSignature } from '../helpers/fake-slack.js';
import { appHomeOpened, buttonPress, viewSubmission } from '../helpers/slack-payloads.js';

const SECRET = 'slack-signing-secret-for-tests';
const REP = 'U0REP00001';
const MANAGER = 'U0MGR00001';
const OTHER_REP = 'U0OTHER001';

let slack: FakeSlack;
let api: Awaited<ReturnType<typeof startApi>>;
let salesforce: Server;
const patches: { url: string; body: unknown; auth: string | undefined }[] = [];

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.users.set('rep@example.com', REP);
  slack.users.set('other@example.com', OTHER_REP);
  // Salesforce's REST API at the HTTP boundary: records PATCHes, answers 204 like Salesforce.
  salesforce = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    patches.push({
      url: `${req.method} ${req.url}`,
      body: JSON.parse(Buffer.concat(chunks).toString() || 'null'),
      auth: req.headers.authorization,
    });
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => salesforce.listen(0, '127.0.0.1', () => r()));
  const config: SlackConfig = {
    botToken: 'xoxb-test-token',
    signingSecret: SECRET,
    reviewChannel: 'C0REVIEW01',
    managerIds: [MANAGER],
    apiUrl: slack.url,
    userCacheSeconds: 3600,
    retries: 1,
  };
  api = await startApi({}, (ctx) => {
    ctx.deps.crm = new SalesforceCrmWriter({
      instanceUrl: `http://127.0.0.1:${(salesforce.address() as AddressInfo).port}`,
      accessToken: 'sf-token',
    });
    const bot = createBot(ctx.deps, config);
    (ctx.deps.queue as InProcessQueue).consume(bot.consumeNudge);
    return [{ method: 'POST', path: '/slack/events', handler: bot.http }];
  });
});
afterAll(async () => {
  await api.close();
  await slack.stop();
  await new Promise<void>((r) => salesforce.close(() => r()));
});
beforeEach(() => slack.reset());

const slackEvents = () => `${api.base}/slack/events`;
const press = (
  user: string,
  actionId: string,
  value: object,
  channel = 'C0REVIEW01',
  messageTs = '1.000001',
) =>
  postToSlackEndpoint(
    slackEvents(),
    SECRET,
    interactivityBody(buttonPress({ user, actionId, value: JSON.stringify(value), channel, messageTs })),
    'application/x-www-form-urlencoded',
  );

async function deliver(recordId: string, body: string, ownerEmail = 'rep@example.com') {
  const res = await postSigned(api.base, '/v1/notes', {
    source: 'salesforce',
    orgId: '00Dxx0000000001EAA',
    recordId,
    kind: 'note',
    ownerEmail,
    title: 'Renewal call – Tallgrass Ag',
    url: `https://example.my.salesforce.com/${recordId}`,
    updatedAt: new Date().toISOString(),
    body,
  });
  const out = await jsonOf(res);
  await (api.queue as InProcessQueue).drain();
  return out;
}

const textOfCall = (c: { args: Record<string, unknown> }) =>
  JSON.stringify(c.args.blocks ?? c.args.view ?? '') + String(c.args.text ?? '');

describe('the rep is nudged, a manager redacts, everything is recorded', () => {
  it('note with findings → DM to the rep with the flagged words; high severity → review channel with masked previews only', async () => {
    const out = await deliver(
      '00Txx000000AAAA',
      'Gus is out for chemo until June. He is a total idiot about pricing.',
    );
    const dms = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === REP);
    expect(dms).toHaveLength(1);
    expect(textOfCall(dms[0] as never)).toContain('chemo');
    const review = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0REVIEW01');
    expect(review).toHaveLength(1);
    expect(textOfCall(review[0] as never)).not.toMatch(/chemo|idiot/);
    expect((await api.repo.getSlackState(out.noteId))?.dm?.channel).toBe(REP);
    const audit = await api.repo.listAudit(out.noteId);
    expect(audit.map((a) => a.action)).toContain('nudged');
  });

  it('the same note delivered twice sends no second DM', async () => {
    const body = 'She is pregnant, deal will slip.';
    await deliver('00Txx000000BBBB', body);
    await deliver('00Txx000000BBBB', body);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === REP)).toHaveLength(1);
  });

  it('an edit that comes back clean updates the DM instead of posting a new one', async () => {
    await deliver('00Txx000000CCCC', 'She is pregnant, deal will slip.');
    slack.reset();
    const out = await deliver('00Txx000000CCCC', 'Deal will slip to Q4.');
    expect(out.findings).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    const updates = slack.callsTo('chat.update');
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(textOfCall(updates[0] as never)).toMatch(/clean/i);
  });

  it('manager presses Redact → note redacted in DynamoDB, CRM PATCHed, audit event, review message updated', async () => {
    const out = await deliver('00Txx000000DDDD', 'Met Dana. She is pregnant, deal will slip.');
    const state = await api.repo.getSlackState(out.noteId);
    slack.reset();
    const res = await press(
      MANAGER,
      ACTIONS.redact,
      { noteId: out.noteId },
      state?.review?.channel,
      state?.review?.ts,
    );
    expect(res.status).toBe(200);
    const stored = await api.repo.getNote(out.noteId);
    expect(stored?.note.redactedBody).toBe('Met Dana. She is [REDACTED:health], deal will slip.');
    expect(stored?.findings.every((f) => f.status === 'redacted')).toBe(true);
    expect(await api.repo.getRaw(out.noteId)).toBeNull();
    expect(patches.at(-1)).toEqual({
      url: 'PATCH /services/data/v61.0/sobjects/Note/00Txx000000DDDD',
      body: { Body: 'Met Dana. She is [REDACTED:health], deal will slip.' },
      auth: 'Bearer sf-token',
    });
    const audit = await api.repo.listAudit(out.noteId);
    expect(audit.find((a) => a.action === 'redacted')).toMatchObject({ actor: MANAGER, channel: 'slack' });
    const reviewUpdate = slack.callsTo('chat.update').find((c) => c.args.ts === state?.review?.ts);
    expect(textOfCall(reviewUpdate as never)).toContain(MANAGER);
  });

  it('a rep pressing a manager button, or acting on another rep’s note, changes nothing and gets an ephemeral refusal', async () => {
    const out = await deliver('00Txx000000EEEE', 'He is going through a nasty divorce.');
    await press(REP, ACTIONS.redact, { noteId: out.noteId });
    await press(OTHER_REP, ACTIONS.applyFix, { noteId: out.noteId });
    const stored = await api.repo.getNote(out.noteId);
    expect(stored?.findings.every((f) => f.status === 'open')).toBe(true);
    const refusals = slack.callsTo('chat.postEphemeral');
    expect(refusals.map((c) => c.args.user)).toEqual([REP, OTHER_REP]);
  });

  it('the rep applies the suggested fix from the DM', async () => {
    const out = await deliver('00Txx000000FFFF', 'Asked for a discount, party animal.');
    const res = await press(REP, ACTIONS.applyFix, { noteId: out.noteId }, REP, '2.000002');
    expect(res.status).toBe(200);
    expect((await api.repo.getNote(out.noteId))?.note.redactedBody).toBe(
      'Asked for a discount, [REDACTED:lifestyle].',
    );
  });

  it('"Not sensitive" opens a modal; the reason goes to manager review', async () => {
    const out = await deliver('00Txx000000GGGG', 'Quoting the customer: our uplift is bullshit.');
    const findingId = out.findings[0].findingId;
    await press(REP, ACTIONS.notSensitive, { noteId: out.noteId, findingId }, REP);
    expect(slack.callsTo('views.open')).toHaveLength(1);
    slack.reset();
    const submit = viewSubmission({
      user: REP,
      callbackId: VIEWS.dispute,
      privateMetadata: JSON.stringify({ noteId: out.noteId, findingId }),
      values: {
        [INPUTS.reason.block]: {
          [INPUTS.reason.action]: { type: 'plain_text_input', value: 'It is a direct quote of the customer' },
        },
      },
    });
    const res = await postToSlackEndpoint(
      slackEvents(),
      SECRET,
      interactivityBody(submit),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    await (api.queue as InProcessQueue).drain();
    const stored = await api.repo.getNote(out.noteId);
    expect(stored?.findings[0]?.dispute?.reason).toBe('It is a direct quote of the customer');
    const review = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0REVIEW01');
    expect(review).toHaveLength(1);
    expect(textOfCall(review[0] as never)).toContain('direct quote');
  });

  it('a manager dismisses with a reason and allow-lists the phrase', async () => {
    const out = await deliver('00Txx000000HHHH', 'Their CFO is a clueless moron.');
    const findingId = out.findings[0].findingId;
    const submit = viewSubmission({
      user: MANAGER,
      callbackId: VIEWS.dismiss,
      privateMetadata: JSON.stringify({ noteId: out.noteId, findingId }),
      values: {
        [INPUTS.reason.block]: {
          [INPUTS.reason.action]: { type: 'plain_text_input', value: 'internal joke' },
        },
        [INPUTS.allowList.block]: {
          [INPUTS.allowList.action]: { type: 'checkboxes', selected_options: [{ value: 'allow' }] },
        },
      },
    });
    const res = await postToSlackEndpoint(
      slackEvents(),
      SECRET,
      interactivityBody(submit),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    const stored = await api.repo.getNote(out.noteId);
    expect(stored?.findings.find((f) => f.findingId === findingId)).toMatchObject({
      status: 'dismissed',
      resolvedBy: MANAGER,
      reason: 'internal joke',
    });
  });
});

describe('reminders, fixes in the CRM, stats and the rep’s Home', () => {
  const command = (user: string, text: string) =>
    postToSlackEndpoint(
      slackEvents(),
      SECRET,
      new URLSearchParams({
        command: '/noteguard',
        text,
        user_id: user,
        channel_id: 'D1',
        team_id: 'T1',
        trigger_id: '1.2.3',
        response_url: 'https://hooks.slack.com/commands/x',
      }).toString(),
      'application/x-www-form-urlencoded',
    );

  it('"Ask rep to fix" posts a reminder in the rep’s DM thread, audits it and keeps the review buttons', async () => {
    const out = await deliver('00Txx000000IIII', 'Gus is out for chemo until June.');
    const state = await api.repo.getSlackState(out.noteId);
    slack.reset();
    await press(MANAGER, ACTIONS.askRep, { noteId: out.noteId }, state?.review?.channel, state?.review?.ts);
    const reminder = slack.callsTo('chat.postMessage').find((c) => c.args.channel === state?.dm?.channel);
    expect(reminder?.args.thread_ts).toBe(state?.dm?.ts);
    expect(String(reminder?.args.text)).toContain(`<@${MANAGER}>`);
    const reviewUpdate = slack.callsTo('chat.update').find((c) => c.args.ts === state?.review?.ts);
    expect(textOfCall(reviewUpdate as never)).toContain('Reminder sent');
    expect(textOfCall(reviewUpdate as never)).toContain(ACTIONS.redact);
    expect(
      (await api.repo.listAudit(out.noteId)).filter((a) => a.actor === MANAGER).map((a) => a.detail),
    ).toContain('reminder sent by a manager');
  });

  it('"I fixed it in the CRM" marks findings pending; the next clean delivery confirms them fixed', async () => {
    const out = await deliver('00Txx000000JJJJ', 'He is going through a nasty divorce.');
    await press(REP, ACTIONS.fixedInCrm, { noteId: out.noteId }, REP);
    expect((await api.repo.getNote(out.noteId))?.findings.map((f) => f.status)).toEqual(['pending']);
    await deliver('00Txx000000JJJJ', 'He is busy this quarter.');
    expect((await api.repo.getNote(out.noteId))?.findings.map((f) => f.status)).toEqual(['fixed']);
  });

  it('/noteguard stats shows managers open findings by category and rep, and refuses reps', async () => {
    await deliver('00Txx000000KKKK', 'Asked for a discount, party animal.');
    const manager = await jsonOf(await command(MANAGER, 'stats'));
    expect(manager.response_type).toBe('ephemeral');
    expect(JSON.stringify(manager.blocks)).toMatch(/By category[\s\S]*Lifestyle/);
    expect(JSON.stringify(manager.blocks)).toContain('rep@example.com');
    const rep = await jsonOf(await command(REP, 'stats'));
    expect(rep.text).toBe('Only managers can see statistics.');
  });

  it('a rep’s App Home lists only their own open findings, with the rep’s actions', async () => {
    await deliver('00Txx000000LLLL', 'Their buyer is a heavy drinker.', 'other@example.com');
    slack.reset();
    const res = await postToSlackEndpoint(
      slackEvents(),
      SECRET,
      JSON.stringify(appHomeOpened(REP)),
      'application/json',
    );
    expect(res.status).toBe(200);
    const view = slack.callsTo('views.publish')[0]?.args.view as { blocks: unknown[] };
    const json = JSON.stringify(view.blocks);
    expect(json).toContain(ACTIONS.applyFix);
    expect(json).not.toContain(ACTIONS.redact);
    expect(json).not.toContain('00Txx000000LLLL');
  });
});

describe('Slack request verification', () => {
  const body = () => JSON.stringify(appHomeOpened(MANAGER));

  it('App Home opened by a manager publishes the open queue', async () => {
    const res = await postToSlackEndpoint(slackEvents(), SECRET, body(), 'application/json');
    expect(res.status).toBe(200);
    const published = slack.callsTo('views.publish');
    expect(published).toHaveLength(1);
    expect(published[0]?.args.user_id).toBe(MANAGER);
  });

  // Offsets, not timestamps: the clock is read when each request is sent, not when the file loads.
  it.each([
    ['a wrong secret', { secret: 'not-the-secret' }],
    ['a stale timestamp', { offset: -301 }],
    ['a timestamp from the future', { offset: 301 }],
  ])('refuses %s with 401 and runs nothing', async (_name, opts: { secret?: string; offset?: number }) => {
    const ts = Math.floor(Date.now() / 1000) + (opts.offset ?? 0);
    const res = await postToSlackEndpoint(
      slackEvents(),
      opts.secret ?? SECRET,
      body(),
      'application/json',
      ts,
    );
    expect(res.status).toBe(401);
    expect(slack.calls).toHaveLength(0);
  });

  it('refuses a replay of the same signed request', async () => {
    const ts = Math.floor(Date.now() / 1000);
    // A body no other test sends, so the first delivery cannot collide with an earlier one.
    const b = JSON.stringify(appHomeOpened(OTHER_REP));
    expect((await postToSlackEndpoint(slackEvents(), SECRET, b, 'application/json', ts)).status).toBe(200);
    expect((await postToSlackEndpoint(slackEvents(), SECRET, b, 'application/json', ts)).status).toBe(401);
  });

  it('verifies and parses non-ASCII text (é, ü, emoji) delivered base64-encoded, as API Gateway does', async () => {
    const text = 'check Müller sagt: sie ist schwanger — she is pregnant 🤰 café';
    const form = new URLSearchParams({
      command: '/noteguard',
      text,
      user_id: REP,
      channel_id: 'D1',
      team_id: 'T1',
      trigger_id: '1.2.3',
      response_url: 'https://hooks.slack.com/commands/x',
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    // The local server hands form bodies to the handler base64-encoded, as HTTP APIs do.
    const res = await fetch(slackEvents(), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': slackSignature(SECRET, form, ts),
      },
      body: form,
    });
    expect(res.status).toBe(200);
    const reply = await jsonOf(res);
    expect(JSON.stringify(reply)).toContain('pregnant');
    expect(reply.response_type).toBe('ephemeral');
  });
});
