import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/create-bot.js';
import { InProcessQueue } from '../../lambdas/adapters/queue/in-process-queue.js';
import type { NudgeJob } from '../../lambdas/core/model.js';
import { ingestNote } from '../../lambdas/usecases/ingest-note.js';
import { realDeps } from '../helpers/deps.js';
import { type Failure, FakeSlack } from '../helpers/fake-slack.js';
import { nudgeOutcomes } from './support/nudge-outcomes.js';

// Slack failing at random (429 with Retry-After, 500, invalid_auth) while 100 nudges go out: every
// nudge is delivered exactly once or recorded as permanently failed; none lost, none duplicated.
// `npm run stress` runs the same with 1,000 nudges.
const NUDGES = 100;
const REPS = 10;
const FAILURES: Failure[] = [
  { status: 429, retryAfter: 0 },
  { status: 429, retryAfter: 0 },
  { status: 429, retryAfter: 1 },
  { status: 500 },
  { status: 500 },
  { error: 'invalid_auth' },
];

let env: Awaited<ReturnType<typeof realDeps>>;
let slack: FakeSlack;
beforeAll(async () => {
  env = await realDeps();
  slack = await new FakeSlack().start();
  for (let r = 0; r < REPS; r++) slack.users.set(`rep${r}@example.com`, `U0REP${String(r).padStart(5, '0')}`);
});
afterAll(async () => {
  await slack.stop();
  await env.drop();
});

describe(`${NUDGES} nudges against a Slack that fails at random`, () => {
  it('each is delivered exactly once or recorded as permanently failed; a redelivery of every job changes nothing', async () => {
    const queue = new InProcessQueue(6);
    env.deps.queue = queue;
    const bot = createBot(env.deps, {
      botToken: 'xoxb-chaos',
      signingSecret: 'unused',
      reviewChannel: 'C0REVIEW01',
      managerIds: [],
      apiUrl: slack.url,
      userCacheSeconds: 3600,
      retries: 1,
    });
    slack.failRandomly(0.15, FAILURES, 4242);
    queue.consume(bot.consumeNudge);

    const jobs: NudgeJob[] = [];
    const texts = [
      'Gus is out for chemo until June.', // high severity: DM and review channel
      'Asked for a discount, party animal.',
      'He is going through a nasty divorce.',
      'She is pregnant, deal will slip.',
    ];
    for (let batch = 0; batch < NUDGES; batch += 10) {
      const stored = await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          ingestNote(env.deps, {
            source: 'custom',
            orgId: 'default',
            recordId: `chaos-${batch + k}`,
            kind: 'note',
            ownerEmail: `rep${(batch + k) % REPS}@example.com`,
            updatedAt: '2026-11-02T09:00:00.000Z',
            body: texts[(batch + k) % texts.length] as string,
          }),
        ),
      );
      for (const out of stored) {
        expect(out.newFindings).toBeGreaterThan(0);
        jobs.push({ noteId: out.noteId, rev: 1 });
      }
    }
    await queue.drain();

    // SQS delivers at least once: every job again, after Slack has calmed down.
    slack.failRandomly(0, []);
    for (const job of jobs) await queue.enqueue(job);
    await queue.drain();

    const outcome = await nudgeOutcomes(env.repo, slack, jobs, queue.deadLetters);
    expect(outcome.lost).toEqual([]);
    expect(outcome.duplicated).toEqual([]);
    expect(outcome.delivered + outcome.failedPermanently).toBe(NUDGES);
    // The fake really did fail: some calls were refused, a few nudges for good.
    expect(slack.calls.filter((c) => c.failed).length).toBeGreaterThan(10);
    expect(outcome.failedPermanently).toBeGreaterThan(0);
    expect(outcome.delivered).toBeGreaterThan(NUDGES / 2);
  }, 60_000);
});
