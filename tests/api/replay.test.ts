import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteIdFor } from '../../lambdas/usecases/ids.js';
import { jsonOf, postSigned, startApi } from '../helpers/api.js';

// The nonce of a signed POST /v1/notes is claimed in the note's own transaction when it stores
// something, and on its own otherwise: either way a signed request is accepted once.

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

const NOTE = {
  source: 'custom',
  kind: 'note',
  ownerEmail: 'rep@example.com',
  updatedAt: '2026-11-02T09:00:00Z',
};
const note = (recordId: string, body: string) => JSON.stringify({ ...NOTE, recordId, body });

describe('replays of POST /v1/notes', () => {
  it('a replay of a request that changed nothing is refused too', async () => {
    const body = note('replay-unchanged', 'He is a moron.');
    const t = Math.floor(Date.now() / 1000);
    expect((await postSigned(api.base, '/v1/notes', body, { t: t - 1 })).status).toBe(201);
    const same = await postSigned(api.base, '/v1/notes', body, { t });
    expect(same.status).toBe(200);
    expect((await jsonOf(same)).outcome).toBe('unchanged');
    const replay = await postSigned(api.base, '/v1/notes', body, { t });
    expect(replay.status).toBe(401);
    expect((await jsonOf(replay)).message).toMatch(/replay/);
  });

  it('copies of one signed request sent at once: one is stored, every other is a replay', async () => {
    const body = note('replay-race', 'She is pregnant, deal will slip.');
    const t = Math.floor(Date.now() / 1000);
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => postSigned(api.base, '/v1/notes', body, { t }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    const stored = await api.repo.getNote(noteIdFor('custom', 'default', 'replay-race'));
    expect(stored?.note.rev).toBe(1);
    expect(await api.repo.listAudit(stored?.note.noteId as string)).toHaveLength(1);
  });

  it('a claim is released only by the request that made it', async () => {
    expect(await api.repo.claimNonce('sig:owned', 600, 'request-a')).toBe(true);
    await api.repo.releaseNonce('sig:owned', 'request-b');
    expect(await api.repo.claimNonce('sig:owned', 600, 'request-c')).toBe(false);
    await api.repo.releaseNonce('sig:owned', 'request-a');
    expect(await api.repo.claimNonce('sig:owned', 600, 'request-c')).toBe(true);
  });
});
