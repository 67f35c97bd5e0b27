import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, jsonOf, postSigned, startApi } from '../helpers/api.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

const note = (recordId: string, body: string, extra: Record<string, unknown> = {}) => ({
  source: 'custom',
  recordId,
  kind: 'note',
  ownerEmail: 'rep@example.com',
  title: 'Discovery call',
  url: 'https://crm.example.com/notes/1',
  updatedAt: '2026-11-02T09:00:00Z',
  body,
  ...extra,
});

describe('POST /v1/notes', () => {
  it('stores a signed note and answers with its id and findings (masked previews, no raw span)', async () => {
    const res = await postSigned(
      api.base,
      '/v1/notes',
      note('api-1', 'She is pregnant, deal will slip. He is a total idiot.'),
    );
    expect(res.status).toBe(201);
    const body = await jsonOf(res);
    expect(body.noteId).toMatch(/^n_/);
    expect(body.outcome).toBe('stored');
    expect(body.findings.map((f: { category: string }) => f.category).sort()).toEqual([
      'derogatory',
      'health',
    ]);
    for (const f of body.findings) {
      expect(f).toMatchObject({
        severity: expect.any(String),
        message: expect.any(String),
        suggestion: expect.any(String),
        status: 'open',
      });
      expect(f.preview).not.toMatch(/pregnant|idiot/);
    }
    const stored = await api.repo.getNote(body.noteId);
    expect(stored?.findings).toHaveLength(2);
  });

  it.each([
    ['a missing signature', { 'x-noteguard-signature': '' }, /missing x-noteguard-signature/],
    ['a malformed signature', { 'x-noteguard-signature': 'sha256=abc' }, /must look like t=/],
    [
      'a signature of the wrong length',
      { 'x-noteguard-signature': `t=${Math.floor(Date.now() / 1000)},v1=abcd` },
      /does not match/,
    ],
  ])('401 for %s, and nothing stored', async (_name, headers, message) => {
    const res = await fetch(`${api.base}/v1/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(note('api-unsigned', 'She is pregnant.')),
    });
    expect(res.status).toBe(401);
    expect((await jsonOf(res)).message).toMatch(message);
  });

  it('401 for a body signed with another secret', async () => {
    const res = await postSigned(api.base, '/v1/notes', note('api-2', 'x'), { secret: 'wrong' });
    expect(res.status).toBe(401);
    expect((await jsonOf(res)).message).toMatch(/does not match the body/);
  });

  it('401 for a timestamp more than 5 minutes old or ahead', async () => {
    // Well past the window: a busy machine may take seconds between signing and checking (the
    // exact edges are tested on a fixed clock in tests/http/webhook-signature.test.ts).
    for (const skew of [-360, 360]) {
      const res = await postSigned(api.base, '/v1/notes', note('api-3', 'x'), {
        t: Math.floor(Date.now() / 1000) + skew,
      });
      expect(res.status).toBe(401);
      expect((await jsonOf(res)).message).toMatch(/more than 300 seconds/);
    }
  });

  it('401 for a replay of the same signed request', async () => {
    const body = JSON.stringify(note('api-replay', 'He is a moron.'));
    const t = Math.floor(Date.now() / 1000);
    const first = await postSigned(api.base, '/v1/notes', body, { t });
    expect(first.status).toBe(201);
    const again = await postSigned(api.base, '/v1/notes', body, { t });
    expect(again.status).toBe(401);
    expect((await jsonOf(again)).message).toMatch(/replay/);
  });

  it('400 with the zod issue paths for a schema error', async () => {
    const res = await postSigned(api.base, '/v1/notes', {
      ...note('api-4', 'x'),
      ownerEmail: 'not-an-email',
      kind: 'memo',
      extra: 1,
    });
    expect(res.status).toBe(400);
    const body = await jsonOf(res);
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['(root)', 'kind', 'ownerEmail']);
    expect(await api.repo.getNote('n_aaaaaaaaaaaaaaaaaaaaaa')).toBeNull();
  });

  it('400 for malformed JSON, saying so', async () => {
    const res = await postSigned(api.base, '/v1/notes', '{"source": "custom",');
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).message).toBe('body is not valid JSON');
  });

  it('400 when both body and fields (or neither) are given', async () => {
    const res = await postSigned(api.base, '/v1/notes', {
      ...note('api-5', 'x'),
      fields: { Description: 'y' },
    });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).issues[0].path).toBe('body');
  });

  it('415 for a wrong content type', async () => {
    const res = await postSigned(api.base, '/v1/notes', note('api-6', 'x'), {
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
  });

  it('413 for a body over 256 KB', async () => {
    const res = await postSigned(api.base, '/v1/notes', note('api-7', 'a'.repeat(300 * 1024)));
    expect(res.status).toBe(413);
  });

  it('stores lead fields and names the field on each finding', async () => {
    const res = await postSigned(api.base, '/v1/notes', {
      ...note('lead-1', ''),
      body: undefined,
      kind: 'lead',
      fields: { Company: 'Acme', Description: 'CFO is going through a nasty divorce' },
    });
    expect(res.status).toBe(201);
    const body = await jsonOf(res);
    expect(body.findings[0]).toMatchObject({ category: 'family_status', field: 'Description' });
  });
});

describe('POST /v1/scan', () => {
  it('returns findings and the redacted text, and stores nothing', async () => {
    const res = await postSigned(api.base, '/v1/scan', { body: 'She is pregnant.' });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.redactedBody).toBe('She is [REDACTED:health].');
    expect(body.findings[0]).toMatchObject({ category: 'health', start: 7, end: 15 });
    const listed = await fetch(`${api.base}/v1/findings?status=open&limit=100`, { headers: bearer });
    const all = (await jsonOf(listed)).findings as { preview: string }[];
    expect(all.every((f) => f.preview !== 'She is p******t.')).toBe(true);
  });

  it('401 unsigned', async () => {
    const res = await fetch(`${api.base}/v1/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"body":"x"}',
    });
    expect(res.status).toBe(401);
  });
});

describe('bearer-token routes', () => {
  it('GET /v1/notes/{id} returns metadata and masked findings; 401 without a token; 404 for an unknown id', async () => {
    const created = await jsonOf(
      await postSigned(api.base, '/v1/notes', note('api-get', 'SSN 536-22-8471 and she is pregnant')),
    );
    const res = await fetch(`${api.base}/v1/notes/${created.noteId}`, { headers: bearer });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.note).toMatchObject({ noteId: created.noteId, status: 'open', title: 'Discovery call' });
    expect(JSON.stringify(body)).not.toMatch(/pregnant|536-22-8471/);
    expect((await fetch(`${api.base}/v1/notes/${created.noteId}`)).status).toBe(401);
    expect(
      (await fetch(`${api.base}/v1/notes/${created.noteId}`, { headers: { authorization: 'Bearer nope' } }))
        .status,
    ).toBe(401);
    expect((await fetch(`${api.base}/v1/notes/n_doesnotexist0000000000`, { headers: bearer })).status).toBe(
      404,
    );
  });

  it('GET /v1/findings pages the open queue, most severe first, and filters by owner and category', async () => {
    await postSigned(
      api.base,
      '/v1/notes',
      note('api-q1', 'He is a moron. She is pregnant. He is a total idiot.', {
        ownerEmail: 'queue@example.com',
      }),
    );
    const first = await jsonOf(
      await fetch(`${api.base}/v1/findings?status=open&owner=queue@example.com&limit=2`, { headers: bearer }),
    );
    expect(first.findings).toHaveLength(2);
    expect(first.cursor).toBeTruthy();
    const second = await jsonOf(
      await fetch(
        `${api.base}/v1/findings?status=open&owner=queue@example.com&limit=2&cursor=${first.cursor}`,
        { headers: bearer },
      ),
    );
    expect(second.findings.length).toBeGreaterThanOrEqual(1);
    const ids = [...first.findings, ...second.findings].map((f: { findingId: string }) => f.findingId);
    expect(new Set(ids).size).toBe(ids.length);
    const health = await jsonOf(
      await fetch(`${api.base}/v1/findings?status=open&category=health&limit=100`, { headers: bearer }),
    );
    expect(health.findings.every((f: { category: string }) => f.category === 'health')).toBe(true);
    const queue = await jsonOf(
      await fetch(`${api.base}/v1/findings?status=open&limit=100`, { headers: bearer }),
    );
    const ranks = queue.findings.map(
      (f: { severity: string }) => ({ high: 3, medium: 2, low: 1 })[f.severity],
    );
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it('400 for bad query parameters and a forged cursor', async () => {
    const bad = await fetch(`${api.base}/v1/findings?status=maybe&limit=1000`, { headers: bearer });
    expect(bad.status).toBe(400);
    expect((await jsonOf(bad)).issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'limit',
      'status',
    ]);
    const forged = await fetch(`${api.base}/v1/findings?cursor=bm90LWpzb24`, { headers: bearer });
    expect(forged.status).toBe(400);
  });

  it('POST /v1/notes/{id}/redact redacts the stored note, resolves findings, drops the raw text and audits the actor', async () => {
    const created = await jsonOf(
      await postSigned(api.base, '/v1/notes', note('api-redact', 'Met Dana. She is pregnant.')),
    );
    const res = await fetch(`${api.base}/v1/notes/${created.noteId}/redact`, {
      method: 'POST',
      headers: { ...bearer, 'x-noteguard-actor': 'manager@example.com' },
    });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.note.redactedBody).toBe('Met Dana. She is [REDACTED:health].');
    expect(body.note.status).toBe('resolved');
    expect(body.crm).toBe('skipped');
    expect(await api.repo.getRaw(created.noteId)).toBeNull();
    const audit = await api.repo.listAudit(created.noteId);
    expect(audit.map((a) => [a.action, a.actor, a.channel])).toContainEqual([
      'redacted',
      'manager@example.com',
      'api',
    ]);
    // Nothing left to redact, and the text is gone: redacting again is harmless.
    expect(
      (await fetch(`${api.base}/v1/notes/${created.noteId}/redact`, { method: 'POST', headers: bearer }))
        .status,
    ).toBe(200);
  });

  it('POST /v1/findings/{id}/dismiss dismisses, can allow-list the phrase, and validates its body', async () => {
    const created = await jsonOf(
      await postSigned(api.base, '/v1/notes', note('api-dismiss', 'He is a total idiot about pricing.')),
    );
    const findingId = created.findings[0].findingId;
    const bad = await fetch(`${api.base}/v1/findings/${findingId}/dismiss`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(400);
    const res = await fetch(`${api.base}/v1/findings/${findingId}/dismiss`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'quoting the customer', allowList: true }),
    });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.finding.status).toBe('dismissed');
    expect(body.allowListed).toBeTruthy();
    expect((await api.repo.getSettings('default'))?.allowList).toContain(body.allowListed);
    // The organisation's allow list applies to every scan (the pre-save check caches settings for 30 s).
    api.clock.advance(31_000);
    const rescan = await jsonOf(
      await postSigned(api.base, '/v1/scan', { body: `He is a ${body.allowListed}.` }),
    );
    expect(rescan.findings).toEqual([]);
    expect(
      (
        await fetch(`${api.base}/v1/findings/n_x.1/dismiss`, {
          method: 'POST',
          headers: { ...bearer, 'content-type': 'application/json' },
          body: '{"reason":"x"}',
        })
      ).status,
    ).toBe(404);
  });
});

describe('routing', () => {
  it('GET /health answers ok; unknown routes are 404 JSON', async () => {
    expect(await jsonOf(await fetch(`${api.base}/health`))).toEqual({ status: 'ok' });
    const res = await fetch(`${api.base}/v1/nope`);
    expect(res.status).toBe(404);
    expect((await jsonOf(res)).error).toBe('NotFoundError');
  });
});
