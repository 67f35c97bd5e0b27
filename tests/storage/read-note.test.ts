import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, NOTE_AND_FINDINGS } from '../../lambdas/adapters/dynamodb/table-design.js';
import { ingestNote } from '../../lambdas/usecases/ingest-note.js';
import { realDeps } from '../helpers/deps.js';

let env: Awaited<ReturnType<typeof realDeps>>;
beforeAll(async () => {
  env = await realDeps();
});
afterAll(async () => env.drop());

describe('reading a note with its findings', () => {
  it('the sort-key range holds the note item and every finding, and none of the note’s other items', () => {
    const inRange = (sk: string) => sk >= NOTE_AND_FINDINGS.from && sk <= NOTE_AND_FINDINGS.to;
    expect(inRange(KEYS.note('n').SK)).toBe(true);
    for (const seq of [1, 45, 999_999]) expect(inRange(KEYS.finding('n', seq).SK)).toBe(true);
    const others = [
      KEYS.raw('n').SK,
      KEYS.slackState('n').SK,
      KEYS.audit('n', '2026-11-02T09:00:00.000Z', 'abcd1234').SK,
    ];
    for (const sk of others) expect(inRange(sk)).toBe(false);
  });

  it('returns the note and its findings however long its audit trail has grown', async () => {
    const r = await ingestNote(env.deps, {
      source: 'custom',
      orgId: 'default',
      recordId: 'read-1',
      kind: 'note',
      ownerEmail: 'rep@example.com',
      updatedAt: '2026-11-02T09:00:00.000Z',
      body: 'She is pregnant, deal will slip. He is a moron.',
    });
    for (let i = 0; i < 30; i++) {
      await env.repo.addAudit({
        noteId: r.noteId,
        at: `2026-11-02T09:${String(i).padStart(2, '0')}:00.000Z`,
        actor: 'bot',
        action: 'nudged',
        channel: 'slack',
        findingIds: [],
        detail: 'x'.repeat(200),
      });
    }
    const stored = await env.repo.getNote(r.noteId);
    expect(stored?.note.rev).toBe(1);
    expect(stored?.findings.map((f) => f.findingId).sort()).toEqual(
      r.findings.map((f) => f.findingId).sort(),
    );
    expect(await env.repo.listAudit(r.noteId)).toHaveLength(31);
  });
});
