import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, INPUTS, VIEWS } from '../../bot/blocks/view-models.js';
import { createBot } from '../../bot/create-bot.js';
import type { InProcessQueue } from '../../lambdas/adapters/queue/in-process-queue.js';
import { jsonOf, postSigned, startApi } from '../helpers/api.js';
import { FakeSlack, interactivityBody, postToSlackEndpoint, slackSignature } from '../helpers/fake-slack.js';
import { buttonPress, viewSubmission } from '../helpers/slack-payloads.js';

// What tests/bot/bot-e2e.test.ts does not already cover: replayed, wrongly signed and stale
// interactivity (button presses and modal submissions, not just events), malformed signature
// headers, and every manager-only or owner-only action tried by someone else. Nothing changes.
const SECRET = 'slack-signing-secret-hardening';
const REP = 'U0REP00001';
const MANAGER = 'U0MGR00001';
const OTHER_REP = 'U0OTHER001';

let slack: FakeSlack;
let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.users.set('rep@example.com', REP);
  slack.users.set('other@example.com', OTHER_REP);
  api = await startApi({}, (ctx) => {
    const bot = createBot(ctx.deps, {
      botToken: 'xoxb-hardening',
      signingSecret: SECRET,
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
  await api.close();
  await slack.stop();
});
beforeEach(() => slack.reset());

const url = () => `${api.base}/slack/events`;
let seq = 0;

async function deliver(body: string, ownerEmail = 'rep@example.com') {
  const out = await jsonOf(
    await postSigned(api.base, '/v1/notes', {
      source: 'salesforce',
      orgId: '00Dxx0000000001EAA',
      recordId: `00Txx00000HARD${String(++seq).padStart(2, '0')}`,
      kind: 'note',
      ownerEmail,
      updatedAt: new Date().toISOString(),
      body,
    }),
  );
  await (api.queue as InProcessQueue).drain();
  slack.reset();
  return out as { noteId: string; findings: { findingId: string }[] };
}

const pressBody = (user: string, actionId: string, value: object) =>
  interactivityBody(
    buttonPress({
      user,
      actionId,
      value: JSON.stringify(value),
      channel: 'C0REVIEW01',
      messageTs: '1.000001',
    }),
  );
const form = 'application/x-www-form-urlencoded' as const;

async function unchanged(noteId: string) {
  const stored = await api.repo.getNote(noteId);
  expect(stored?.findings.every((f) => f.status === 'open' && !f.dispute)).toBe(true);
  expect(stored?.note.redactedBody).toBeUndefined();
  expect(await api.repo.getRaw(noteId)).not.toBeNull();
}

describe('signed interactivity: replayed, wrongly signed, stale or malformed → 401 and nothing runs', () => {
  it('a manager’s Redact press replayed with the same signature runs once', async () => {
    const out = await deliver('He is going through a nasty divorce.');
    const body = pressBody(MANAGER, ACTIONS.redact, { noteId: out.noteId });
    const ts = Math.floor(Date.now() / 1000);
    expect((await postToSlackEndpoint(url(), SECRET, body, form, ts)).status).toBe(200);
    const audit = (await api.repo.listAudit(out.noteId)).filter((a) => a.action === 'redacted');
    expect(audit).toHaveLength(1);
    const replay = await postToSlackEndpoint(url(), SECRET, body, form, ts);
    expect(replay.status).toBe(401);
    expect((await api.repo.listAudit(out.noteId)).filter((a) => a.action === 'redacted')).toHaveLength(1);
  });

  it.each([
    ['re-signed with the wrong secret', { secret: 'not-the-secret' }],
    ['stale (6 minutes old)', { offset: -360 }],
    ['from the future (6 minutes ahead)', { offset: 360 }],
  ])('a manager’s Redact press %s changes nothing', async (_name, opts: {
    secret?: string;
    offset?: number;
  }) => {
    const out = await deliver('Their buyer is a heavy drinker.');
    const res = await postToSlackEndpoint(
      url(),
      opts.secret ?? SECRET,
      pressBody(MANAGER, ACTIONS.redact, { noteId: out.noteId }),
      form,
      Math.floor(Date.now() / 1000) + (opts.offset ?? 0),
    );
    expect(res.status).toBe(401);
    expect(slack.calls).toHaveLength(0);
    await unchanged(out.noteId);
  });

  it('malformed signature headers: missing, wrong length, duplicated, wrong scheme → 401', async () => {
    const out = await deliver('He is a total idiot about pricing.');
    const body = pressBody(MANAGER, ACTIONS.redact, { noteId: out.noteId });
    const ts = String(Math.floor(Date.now() / 1000));
    const good = slackSignature(SECRET, body, Number(ts));
    const variants: Record<string, string>[] = [
      { 'x-slack-request-timestamp': ts },
      { 'x-slack-signature': good },
      { 'x-slack-request-timestamp': ts, 'x-slack-signature': good.slice(0, -1) },
      { 'x-slack-request-timestamp': ts, 'x-slack-signature': `${good}0` },
      { 'x-slack-request-timestamp': ts, 'x-slack-signature': `${good}, ${good}` },
      { 'x-slack-request-timestamp': ts, 'x-slack-signature': good.replace('v0=', 'v1=') },
      { 'x-slack-request-timestamp': `${ts}.5`, 'x-slack-signature': good },
      { 'x-slack-request-timestamp': `0${ts}`, 'x-slack-signature': good },
    ];
    for (const headers of variants) {
      const res = await fetch(url(), { method: 'POST', headers: { 'content-type': form, ...headers }, body });
      expect(res.status, JSON.stringify(headers)).toBe(401);
    }
    expect(slack.calls).toHaveLength(0);
    await unchanged(out.noteId);
  });
});

describe('the wrong person presses the button → an ephemeral refusal and nothing changes', () => {
  it('a rep presses a manager’s Dismiss and "Ask rep to fix"', async () => {
    const out = await deliver('Gus is out for chemo until June.');
    const findingId = out.findings[0]?.findingId;
    for (const action of [ACTIONS.dismiss, ACTIONS.askRep]) {
      const res = await postToSlackEndpoint(
        url(),
        SECRET,
        pressBody(REP, action, { noteId: out.noteId, findingId }),
        form,
      );
      expect(res.status).toBe(200);
    }
    expect(slack.callsTo('views.open')).toHaveLength(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(slack.callsTo('chat.postEphemeral').map((c) => c.args.user)).toEqual([REP, REP]);
    await unchanged(out.noteId);
    expect((await api.repo.listAudit(out.noteId)).filter((a) => a.actor === REP)).toEqual([]);
  });

  it('a rep submits a (forged) dismiss modal: refused, the finding stays open', async () => {
    const out = await deliver('Their CFO is a clueless moron.');
    const findingId = out.findings[0]?.findingId;
    const submit = viewSubmission({
      user: REP,
      callbackId: VIEWS.dismiss,
      privateMetadata: JSON.stringify({ noteId: out.noteId, findingId }),
      values: {
        [INPUTS.reason.block]: {
          [INPUTS.reason.action]: { type: 'plain_text_input', value: 'not sensitive' },
        },
        [INPUTS.allowList.block]: {
          [INPUTS.allowList.action]: { type: 'checkboxes', selected_options: [{ value: 'allow' }] },
        },
      },
    });
    const res = await postToSlackEndpoint(url(), SECRET, interactivityBody(submit), form);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await jsonOf(res))).toContain('Only managers');
    await unchanged(out.noteId);
    expect((await api.repo.getSettings('00Dxx0000000001EAA'))?.allowList ?? []).toEqual([]);
  });

  it('another rep presses "I fixed it", "Apply fix" and "Not sensitive" on someone else’s note', async () => {
    const out = await deliver('She is pregnant, deal will slip.');
    const findingId = out.findings[0]?.findingId;
    for (const action of [ACTIONS.fixedInCrm, ACTIONS.applyFix, ACTIONS.notSensitive]) {
      const res = await postToSlackEndpoint(
        url(),
        SECRET,
        pressBody(OTHER_REP, action, { noteId: out.noteId, findingId }),
        form,
      );
      expect(res.status).toBe(200);
    }
    expect(slack.callsTo('views.open')).toHaveLength(0);
    expect(slack.callsTo('chat.postEphemeral').map((c) => c.args.user)).toEqual([
      OTHER_REP,
      OTHER_REP,
      OTHER_REP,
    ]);
    await unchanged(out.noteId);
  });

  it('another rep submits a (forged) dispute for someone else’s finding: nothing is recorded', async () => {
    const out = await deliver('He is going through a nasty divorce.');
    const findingId = out.findings[0]?.findingId;
    const submit = viewSubmission({
      user: OTHER_REP,
      callbackId: VIEWS.dispute,
      privateMetadata: JSON.stringify({ noteId: out.noteId, findingId }),
      values: {
        [INPUTS.reason.block]: { [INPUTS.reason.action]: { type: 'plain_text_input', value: 'a quote' } },
      },
    });
    expect((await postToSlackEndpoint(url(), SECRET, interactivityBody(submit), form)).status).toBe(200);
    await (api.queue as InProcessQueue).drain();
    await unchanged(out.noteId);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a forged button value (not a note id, or too long) is "out of date" and changes nothing', async () => {
    const out = await deliver('Asked for a discount, party animal.');
    for (const value of [
      { noteId: 'n_../../etc' },
      { noteId: `${out.noteId}x` },
      { noteId: out.noteId, pad: 'x'.repeat(3000) },
    ]) {
      const res = await postToSlackEndpoint(url(), SECRET, pressBody(MANAGER, ACTIONS.redact, value), form);
      expect(res.status).toBe(200);
    }
    expect(slack.callsTo('chat.postEphemeral').map((c) => c.args.text)).toEqual([
      'That button is out of date; nothing was changed.',
      'That button is out of date; nothing was changed.',
      'That button is out of date; nothing was changed.',
    ]);
    await unchanged(out.noteId);
  });
});
