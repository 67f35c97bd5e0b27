import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NudgeJob } from '../../lambdas/core/model.js';
import { ingestNote } from '../../lambdas/usecases/ingest-note.js';
import { sweepOutbox } from '../../lambdas/usecases/sweep-outbox.js';
import { realDeps } from '../helpers/deps.js';

let env: Awaited<ReturnType<typeof realDeps>>;
beforeAll(async () => {
  env = await realDeps();
});
afterAll(async () => env.drop());

describe('the nudge outbox', () => {
  it('keeps the nudge when the queue is down at commit time, and the sweeper delivers it once', async () => {
    const accepted: NudgeJob[] = [];
    let down = true;
    env.deps.queue = {
      enqueue: async (job) => {
        if (down) throw new Error('queue unavailable');
        accepted.push(job);
      },
    };
    const r = await ingestNote(env.deps, {
      source: 'custom',
      orgId: 'default',
      recordId: 'outbox-1',
      kind: 'note',
      ownerEmail: 'rep@example.com',
      updatedAt: '2026-11-02T09:00:00.000Z',
      body: 'She is pregnant.',
    });
    expect(r.outcome).toBe('stored');
    expect(accepted).toEqual([]);
    expect(await env.repo.listOutbox(10)).toEqual([{ noteId: r.noteId, rev: 1 }]);

    expect(await sweepOutbox(env.deps)).toBe(0); // still down: nothing lost, nothing sent
    expect(await env.repo.listOutbox(10)).toHaveLength(1);

    down = false;
    expect(await sweepOutbox(env.deps)).toBe(1);
    expect(accepted).toEqual([{ noteId: r.noteId, rev: 1 }]);
    expect(await env.repo.listOutbox(10)).toEqual([]);
    expect(await sweepOutbox(env.deps)).toBe(0);
  });
});
