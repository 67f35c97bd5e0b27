import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Bot, createBot } from '../../bot/create-bot.js';
import { InProcessQueue } from '../../lambdas/adapters/queue/in-process-queue.js';
import type { UseCaseDeps } from '../../lambdas/usecases/deps.js';
import { ingestNote } from '../../lambdas/usecases/ingest-note.js';
import { realDeps } from '../helpers/deps.js';
import { FakeSlack } from '../helpers/fake-slack.js';

const REP = 'U0REP00001';
let slack: FakeSlack;
let deps: UseCaseDeps;
let repo: Awaited<ReturnType<typeof realDeps>>['repo'];
let drop: () => Promise<void>;
let bot: Bot;
let seq = 0;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.users.set('rep@example.com', REP);
  ({ deps, repo, drop } = await realDeps());
  // retries: 0 so a 5xx reaches the queue at once (the WebClient's own retries are Slack's SDK).
  bot = createBot(deps, {
    botToken: 'xoxb-test',
    signingSecret: 'unused-here',
    reviewChannel: 'C0REVIEW01',
    managerIds: [],
    apiUrl: slack.url,
    userCacheSeconds: 3600,
    retries: 0,
  });
});
afterAll(async () => {
  await slack.stop();
  await drop();
});
beforeEach(() => slack.reset());

/** Stores a note through the ingest use case and returns the nudge job the queue would carry. */
async function stored(body: string, ownerEmail = 'rep@example.com') {
  seq++;
  const out = await ingestNote(deps, {
    source: 'custom',
    orgId: 'default',
    recordId: `rec-${seq}`,
    kind: 'note',
    ownerEmail,
    updatedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, seq)).toISOString(),
    body,
  });
  const note = await repo.getNote(out.noteId);
  return { noteId: out.noteId, rev: note?.note.rev ?? 0 };
}

/** Messages Slack accepted (failed attempts are recorded by the fake too, with `failed`). */
const delivered = () => slack.callsTo('chat.postMessage').filter((c) => !c.failed);
const dms = () => delivered().filter((c) => c.args.channel === REP);
const reviews = () => delivered().filter((c) => c.args.channel === 'C0REVIEW01');

describe('nudge consumer', () => {
  it('a 5xx from Slack throws (the queue retries) and the retry sends exactly one DM', async () => {
    const job = await stored('Asked for a discount, party animal.');
    slack.failNext('chat.postMessage', { status: 500 });
    await expect(bot.consumeNudge(job)).rejects.toThrow();
    expect(dms()).toHaveLength(0);
    await bot.consumeNudge(job);
    await bot.consumeNudge(job);
    expect(dms()).toHaveLength(1);
  });

  it('a re-delivered job sends nothing twice', async () => {
    const job = await stored('She is pregnant, deal will slip.');
    await bot.consumeNudge(job);
    await bot.consumeNudge(job);
    expect(dms()).toHaveLength(1);
    expect(reviews()).toHaveLength(1);
  });

  it('when the review post fails after the DM went out, the retry updates the DM instead of sending another', async () => {
    const job = await stored('Gus is out for chemo until June.');
    // The first postMessage (the DM) goes through, the second (the review channel) gets a 500.
    slack.failNext('chat.postMessage', 'pass', { status: 500 });
    await expect(bot.consumeNudge(job)).rejects.toThrow();
    expect(dms()).toHaveLength(1);
    expect(reviews()).toHaveLength(0);
    await bot.consumeNudge(job);
    expect(dms()).toHaveLength(1);
    expect(reviews()).toHaveLength(1);
    expect(slack.callsTo('chat.update').map((c) => c.args.channel)).toEqual([REP]);
  });

  it('honours 429 Retry-After and delivers once', async () => {
    const limited = createBot(deps, {
      botToken: 'xoxb-test',
      signingSecret: 'unused-here',
      reviewChannel: 'C0REVIEW01',
      managerIds: [],
      apiUrl: slack.url,
      userCacheSeconds: 3600,
      retries: 2,
    });
    const job = await stored('Asked for a discount, party animal.');
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await limited.consumeNudge(job);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(posts[0]?.failed).toBe(true);
    expect(dms()).toHaveLength(1);
  });

  it('a permanent error (channel_not_found) is recorded, audited and not retried', async () => {
    const job = await stored('Gus is out for chemo until June.', 'nobody@example.com');
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(bot.consumeNudge(job)).resolves.toBeUndefined();
    expect((await repo.getSlackState(job.noteId))?.failure?.error).toBe('channel_not_found');
    expect((await repo.listAudit(job.noteId)).map((a) => a.action)).toContain('nudge_failed');
    slack.reset();
    await bot.consumeNudge(job);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(delivered()).toHaveLength(0);
  });

  it('an owner not on Slack goes to the review channel with masked previews, and that is recorded', async () => {
    const job = await stored('She is pregnant, deal will slip.', 'unknown@example.com');
    await bot.consumeNudge(job);
    expect(dms()).toHaveLength(0);
    expect(reviews()).toHaveLength(1);
    expect(JSON.stringify(reviews()[0]?.args)).not.toContain('pregnant');
    const audit = await repo.listAudit(job.noteId);
    expect(audit.find((a) => a.action === 'nudged')?.detail).toMatch(/not found in Slack/);
  });

  it('a job that keeps failing is retried, then dead-lettered, and sends nothing twice', async () => {
    const job = await stored('Asked for a discount, party animal.');
    const queue = new InProcessQueue(3);
    queue.consume(bot.consumeNudge);
    slack.failNext('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    await queue.enqueue(job);
    await queue.drain();
    expect(queue.deadLetters).toEqual([job]);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.failed)).toHaveLength(3);
    expect(dms()).toHaveLength(0);
    // Redriven from the dead-letter queue once Slack is back: delivered exactly once.
    await queue.enqueue(job);
    await queue.drain();
    await bot.consumeNudge(job);
    expect(dms()).toHaveLength(1);
  });
});
