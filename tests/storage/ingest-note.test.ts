import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingNote } from '../../lambdas/core/model.js';
import { ingestNote } from '../../lambdas/usecases/ingest-note.js';
import { realDeps } from '../helpers/deps.js';

let env: Awaited<ReturnType<typeof realDeps>>;
beforeAll(async () => {
  env = await realDeps();
});
afterAll(async () => env.drop());

const note = (recordId: string, body: string, updatedAt = '2026-11-02T09:00:00.000Z'): IncomingNote => ({
  source: 'custom',
  orgId: 'default',
  recordId,
  kind: 'note',
  ownerEmail: 'rep@example.com',
  title: 'Call with Dana',
  updatedAt,
  body,
});

describe('ingestNote against DynamoDB Local', () => {
  it('stores the note, its findings with masked previews, the raw text and an audit event; queues a nudge', async () => {
    const r = await ingestNote(
      env.deps,
      note('rec-1', 'Met Dana. She is pregnant, deal will slip. He is a moron.'),
    );
    expect(r.outcome).toBe('stored');
    expect(r.findings.map((f) => f.category).sort()).toEqual(['derogatory', 'health']);
    const stored = await env.repo.getNote(r.noteId);
    expect(stored?.note).toMatchObject({
      status: 'open',
      openFindings: 2,
      rev: 1,
      ownerEmail: 'rep@example.com',
    });
    for (const f of stored?.findings ?? []) {
      expect(f.preview).not.toContain('pregnant');
      expect(f.preview).not.toContain('moron');
    }
    expect(await env.repo.getRaw(r.noteId)).toMatchObject({ body: expect.stringContaining('pregnant') });
    expect((await env.repo.listAudit(r.noteId)).map((a) => a.action)).toEqual(['ingested']);
    expect(env.queue.pending()).toEqual([{ noteId: r.noteId, rev: 1 }]);
    expect(await env.repo.listOutbox(10)).toEqual([]);
  });

  it('a re-delivery of the same text changes nothing and queues no second nudge', async () => {
    const before = env.queue.pending().length;
    const r = await ingestNote(
      env.deps,
      note('rec-1', 'Met Dana. She is pregnant, deal will slip. He is a moron.'),
    );
    expect(r.outcome).toBe('unchanged');
    expect(env.queue.pending().length).toBe(before);
  });

  it('an edited note that comes back clean marks its findings fixed and drops the raw text', async () => {
    const r = await ingestNote(
      env.deps,
      note('rec-1', 'Met Dana. Deal will slip to Q3.', '2026-11-02T09:30:00.000Z'),
    );
    expect(r.outcome).toBe('stored');
    const stored = await env.repo.getNote(r.noteId);
    expect(stored?.note).toMatchObject({ status: 'resolved', openFindings: 0, rev: 2 });
    expect(stored?.findings.map((f) => f.status)).toEqual(['fixed', 'fixed']);
    expect(await env.repo.getRaw(r.noteId)).toBeNull();
    const open = await env.repo.listFindings({ status: 'open', ownerEmail: 'rep@example.com', limit: 10 });
    expect(open.items.filter((f) => f.noteId === r.noteId)).toEqual([]);
  });

  it('ignores an older version that arrives late', async () => {
    const r = await ingestNote(env.deps, note('rec-1', 'She is pregnant.', '2026-11-02T08:00:00.000Z'));
    expect(r.outcome).toBe('stale');
    expect((await env.repo.getNote(r.noteId))?.note.rev).toBe(2);
  });

  it('claims a delivery id once: the retry is reported duplicate and stores nothing', async () => {
    const first = await ingestNote(env.deps, note('rec-2', 'He is a total idiot.'), {
      deliveryId: 'sf-notif-1',
    });
    expect(first.outcome).toBe('stored');
    const again = await ingestNote(env.deps, note('rec-2', 'He is a total idiot.'), {
      deliveryId: 'sf-notif-1',
    });
    expect(again.outcome).toBe('duplicate');
    expect((await env.repo.getNote(first.noteId))?.note.rev).toBe(1);
  });

  it('keeps a clean note without raw text', async () => {
    const r = await ingestNote(env.deps, note('rec-3', 'Renewal approved, PO next week.'));
    expect(r.findings).toEqual([]);
    expect((await env.repo.getNote(r.noteId))?.note.status).toBe('clean');
    expect(await env.repo.getRaw(r.noteId)).toBeNull();
  });

  it('serialises 20 concurrent deliveries of one record: one note, a consistent revision, no lost update', async () => {
    const bodies = Array.from(
      { length: 20 },
      (_, i) => `v${i}: she is pregnant${i % 2 ? ', he is a moron' : ''}`,
    );
    const results = await Promise.all(
      bodies.map((b, i) =>
        ingestNote(env.deps, note('rec-4', b, `2026-11-02T10:00:${String(i).padStart(2, '0')}.000Z`)),
      ),
    );
    const stored = await env.repo.getNote(results[0]?.noteId as string);
    expect(stored?.note.updatedAt).toBe('2026-11-02T10:00:19.000Z');
    // v19 has both findings open; nothing else is open.
    const open = stored?.findings
      .filter((f) => f.status === 'open')
      .map((f) => f.category)
      .sort();
    expect(open).toEqual(['derogatory', 'health']);
    expect(stored?.note.openFindings).toBe(2);
  });
});
