import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText } from '../../lambdas/adapters/crm/html-to-text.js';
import { signHubSpotV3, verifyHubSpotV3 } from '../../lambdas/http/hubspot-signature.js';
import { ROUTES } from '../../lambdas/http/routes.js';
import { noteIdFor } from '../../lambdas/usecases/ids.js';
import { type Json, jsonOf, startApi, startFakeCrmApi } from '../helpers/api.js';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), '../shared/fixtures', name), 'utf8');
const vectors = JSON.parse(fixture('hubspot-signature-vectors.json'));
const SECRET: string = vectors.clientSecret;
const TOKEN = 'hs-private-app-token';
const PORTAL = 62515;

/** The constructed note.creation event, without its provenance note. */
function noteEvent(eventId: number, objectId: number, extra: Record<string, unknown> = {}) {
  const [base] = JSON.parse(fixture('hubspot-webhook.note-creation.CONSTRUCTED.json'));
  delete base._note;
  return { ...base, eventId, objectId, ...extra };
}

// ---------------------------------------------------------------------------------------------
// The HubSpot CRM API boundary: a real local HTTP server with notes and owners.
const NOTES: Record<
  string,
  { hs_note_body: string | null; hubspot_owner_id?: string; hs_lastmodifieddate: string }
> = {
  '456': {
    hs_note_body:
      '<div><p>Call with <b>Dana</b> &amp; the CFO.</p><p>She is pregnant&nbsp;&ndash; deal will slip.</p><script>alert("x")</script></div>',
    hubspot_owner_id: '789',
    hs_lastmodifieddate: '2026-11-02T09:00:00.000Z',
  },
  '457': {
    hs_note_body: '<p>Budget approved.</p>',
    hubspot_owner_id: '789',
    hs_lastmodifieddate: '2026-11-02T09:00:00Z',
  },
  '458': {
    hs_note_body: 'He is a total idiot.',
    hubspot_owner_id: '999',
    hs_lastmodifieddate: '2026-11-02T09:00:00Z',
  },
  '459': { hs_note_body: null, hs_lastmodifieddate: '2026-11-02T09:00:00Z' },
  '460': { hs_note_body: '<p>He is a moron.</p>', hs_lastmodifieddate: '2026-11-02T09:00:00Z' },
};
const OWNERS: Record<string, unknown> = {
  '789': { id: '789', email: 'dana.rep@example.com', firstName: 'Dana', lastName: 'Rep', userId: 1 },
};
/** Note ids the fake answers 503 for (HubSpot having a bad moment). */
const failing = new Set<string>();

let hubspot: Awaited<ReturnType<typeof startFakeCrmApi>>;
let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  hubspot = await startFakeCrmApi((req) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, body: { status: 'error' } };
    const note = /^\/crm\/v3\/objects\/notes\/(\d+)$/.exec(req.path);
    if (note) {
      const id = note[1] as string;
      if (failing.has(id)) return { status: 503, body: { status: 'error', message: 'try again' } };
      const properties = NOTES[id];
      if (!properties) return { status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND' } };
      return {
        status: 200,
        body: { id, properties: { ...properties, hs_object_id: id }, archived: false },
      };
    }
    const owner = /^\/crm\/v3\/owners\/(\d+)$/.exec(req.path);
    if (owner && OWNERS[owner[1] as string]) return { status: 200, body: OWNERS[owner[1] as string] };
    return { status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND' } };
  });
  api = await startApi({ hubspot: { clientSecret: SECRET, accessToken: TOKEN, apiBaseUrl: hubspot.base } });
});
afterAll(async () => {
  await api.close();
  await hubspot.close();
});

const noteFetches = (id: string) =>
  hubspot.requests.filter((r) => r.path === `/crm/v3/objects/notes/${id}`).length;

/** POSTs a body signed as HubSpot signs it: v3 over method + the URL it called + body + timestamp. */
function postHubSpot(
  body: unknown,
  opts: { secret?: string; timestamp?: number; signature?: string; base?: string } = {},
) {
  const base = opts.base ?? api.base;
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(opts.timestamp ?? Date.now());
  const url = `${base}/v1/webhooks/hubspot`;
  // Behind API Gateway HubSpot calls https://<domain>/…; the route rebuilds that URL from the request.
  const signedUrl = url.replace(/^http:/, 'https:');
  const signature =
    opts.signature ??
    signHubSpotV3(opts.secret ?? SECRET, {
      method: 'POST',
      uri: signedUrl,
      body: Buffer.from(raw),
      timestamp,
    });
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': timestamp,
    },
    body: raw,
  });
}

// ---------------------------------------------------------------------------------------------

describe('HubSpot signature v3', () => {
  const v3 = vectors.v3_COMPUTED;
  const body = Buffer.from(fixture(v3.requestBodyFile), 'utf8');
  const req = { method: v3.method, uri: v3.uri, body, timestamp: v3.timestamp };

  it('reproduces the vector', () => {
    expect(signHubSpotV3(SECRET, req)).toBe(v3.expected);
    expect(() => verifyHubSpotV3(SECRET, v3.expected, req, Number(v3.timestamp) + 60_000)).not.toThrow();
  });

  it('rejects a changed body, URI, method or secret, and a timestamp outside 5 minutes', () => {
    const now = Number(v3.timestamp);
    const changed = Buffer.from(body.toString('utf8').replace('"objectId":123', '"objectId":124'));
    expect(() => verifyHubSpotV3(SECRET, v3.expected, { ...req, body: changed }, now)).toThrow(
      /does not match/,
    );
    expect(() => verifyHubSpotV3(SECRET, v3.expected, { ...req, uri: `${v3.uri}/` }, now)).toThrow(
      /does not match/,
    );
    expect(() => verifyHubSpotV3(SECRET, v3.expected, { ...req, method: 'PUT' }, now)).toThrow(
      /does not match/,
    );
    expect(() => verifyHubSpotV3('other-secret', v3.expected, req, now)).toThrow(/does not match/);
    expect(() => verifyHubSpotV3(SECRET, v3.expected, req, now + 300_001)).toThrow(/more than 5 minutes/);
    expect(() => verifyHubSpotV3(SECRET, v3.expected, req, now - 300_001)).toThrow(/more than 5 minutes/);
    expect(() => verifyHubSpotV3(SECRET, undefined, req, now)).toThrow(/missing x-hubspot-signature-v3/);
    expect(() => verifyHubSpotV3('', v3.expected, req, now)).toThrow(/not configured/);
  });

  it('the route accepts the vector request as HubSpot sent it (docs body, its URL, its timestamp)', async () => {
    const atVectorTime = await startApi({
      hubspot: { clientSecret: SECRET, webhookUrl: v3.uri },
      nowSeconds: () => Math.floor(Number(v3.timestamp) / 1000) + 30,
    });
    try {
      const send = (payload: Buffer) =>
        fetch(`${atVectorTime.base}/v1/webhooks/hubspot`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-hubspot-signature-v3': v3.expected,
            'x-hubspot-request-timestamp': v3.timestamp,
          },
          body: payload,
        });
      const res = await send(body);
      expect(res.status).toBe(200);
      // A contact.creation event: acknowledged and ignored.
      expect((await jsonOf(res)).results).toEqual([{ eventId: '1', status: 'ignored' }]);
      const tampered = await send(
        Buffer.from(body.toString('utf8').replace('"portalId":62515', '"portalId":62516')),
      );
      expect(tampered.status).toBe(401);
    } finally {
      await atVectorTime.close();
    }
  });
});

describe('POST /v1/webhooks/hubspot', () => {
  it('fetches the note, converts its HTML to text, resolves the owner and stores it with findings', async () => {
    const res = await postHubSpot([noteEvent(2, 456)]);
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    const noteId = noteIdFor('hubspot', String(PORTAL), '456');
    expect(body.results).toEqual([{ eventId: '2', status: 'stored', noteId, findings: 1 }]);

    const stored = await api.repo.getNote(noteId);
    expect(stored?.note).toMatchObject({
      source: 'hubspot',
      orgId: String(PORTAL),
      recordId: '456',
      kind: 'note',
      ownerId: '789',
      ownerEmail: 'dana.rep@example.com',
      ownerName: 'Dana Rep',
      updatedAt: '2026-11-02T09:00:00.000Z',
    });
    expect(stored?.findings.map((f) => f.category)).toEqual(['health']);
    expect((await api.repo.getRaw(noteId))?.body).toBe(
      'Call with Dana & the CFO.\nShe is pregnant – deal will slip.',
    );

    const fetched = hubspot.requests.find((r) => r.path === '/crm/v3/objects/notes/456');
    expect(fetched?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(fetched?.query.get('properties')).toBe('hs_note_body,hubspot_owner_id,hs_lastmodifieddate');
    expect(hubspot.requests.some((r) => r.path === '/crm/v3/owners/789')).toBe(true);
  });

  it('stores a re-delivered event once, without fetching the note again', async () => {
    const event = noteEvent(3, 460);
    expect((await postHubSpot([event])).status).toBe(200);
    const fetches = noteFetches('460');
    const again = await postHubSpot([event]);
    expect(again.status).toBe(200);
    expect((await jsonOf(again)).results[0].status).toBe('duplicate');
    expect(noteFetches('460')).toBe(fetches);
    const stored = await api.repo.getNote(noteIdFor('hubspot', String(PORTAL), '460'));
    expect(stored?.note.rev).toBe(1);
    expect(stored?.findings).toHaveLength(1);
  });

  it('acknowledges other events and ignores them; a deleted note is acknowledged too', async () => {
    const before = hubspot.requests.length;
    const contact = JSON.parse(fixture('hubspot-webhook.contact-creation.docs-body.json'))[0];
    const res = await postHubSpot([
      { ...contact, eventId: 10 },
      noteEvent(11, 456, { subscriptionType: 'object.deletion' }),
      noteEvent(12, 456, { objectTypeId: '0-1' }),
    ]);
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).results.map((r: Json) => r.status)).toEqual(['ignored', 'ignored', 'ignored']);
    expect(hubspot.requests.length).toBe(before);

    const gone = await postHubSpot([noteEvent(13, 999)]);
    expect(gone.status).toBe(200);
    expect((await jsonOf(gone)).results).toEqual([{ eventId: '13', status: 'gone' }]);
  });

  it('stores a note whose owner is unknown, and one without a body', async () => {
    const res = await postHubSpot([noteEvent(20, 458), noteEvent(21, 459)]);
    expect(res.status).toBe(200);
    const unknownOwner = await api.repo.getNote(noteIdFor('hubspot', String(PORTAL), '458'));
    expect(unknownOwner?.note.ownerId).toBe('999');
    expect(unknownOwner?.note.ownerEmail).toBeUndefined();
    expect(unknownOwner?.findings.map((f) => f.category)).toEqual(['derogatory']);
    const empty = await api.repo.getNote(noteIdFor('hubspot', String(PORTAL), '459'));
    expect(empty?.note.status).toBe('clean');
  });

  it('caches owners: a second note of the same owner does not look the owner up again', async () => {
    const lookups = () => hubspot.requests.filter((r) => r.path === '/crm/v3/owners/789').length;
    const before = lookups();
    expect(before).toBeGreaterThanOrEqual(1); // owner 789 was resolved by the first test
    expect((await postHubSpot([noteEvent(30, 457)])).status).toBe(200);
    expect(lookups()).toBe(before);
    const stored = await api.repo.getNote(noteIdFor('hubspot', String(PORTAL), '457'));
    expect(stored?.note.ownerEmail).toBe('dana.rep@example.com');
  });

  it('503 when HubSpot cannot give a note now; the other events are stored, and the retry completes', async () => {
    failing.add('461');
    NOTES['461'] = {
      hs_note_body: '<p>His wife has cancer.</p>',
      hs_lastmodifieddate: '2026-11-02T09:00:00Z',
    };
    NOTES['462'] = { hs_note_body: '<p>She is pregnant.</p>', hs_lastmodifieddate: '2026-11-02T09:00:00Z' };
    const batch = [noteEvent(40, 461), noteEvent(41, 462)];
    const res = await postHubSpot(batch);
    expect(res.status).toBe(503);
    expect((await jsonOf(res)).message).toMatch(/1 of 2 events could not be handled now \(index 0\)/);
    expect(await api.repo.getNote(noteIdFor('hubspot', String(PORTAL), '461'))).toBeNull();
    expect((await api.repo.getNote(noteIdFor('hubspot', String(PORTAL), '462')))?.note.rev).toBe(1);

    failing.delete('461');
    const retry = await postHubSpot(batch);
    expect(retry.status).toBe(200);
    expect((await jsonOf(retry)).results.map((r: Json) => r.status)).toEqual(['stored', 'duplicate']);
    expect((await api.repo.getNote(noteIdFor('hubspot', String(PORTAL), '461')))?.findings[0]?.category).toBe(
      'health',
    );
  });

  it('400 naming an invalid event; the valid ones are still stored', async () => {
    NOTES['463'] = { hs_note_body: 'He is a moron.', hs_lastmodifieddate: '2026-11-02T09:00:00Z' };
    const res = await postHubSpot([noteEvent(50, 463), { eventId: 51, subscriptionType: 'object.creation' }]);
    expect(res.status).toBe(400);
    const body = await jsonOf(res);
    expect(body.issues).toEqual([{ path: '[1]', message: expect.stringMatching(/^eventId 51: portalId/) }]);
    expect(await api.repo.getNote(noteIdFor('hubspot', String(PORTAL), '463'))).not.toBeNull();
  });

  it.each([
    ['a body signed with another secret', { secret: 'not-the-secret' }, /does not match/],
    ['a timestamp 6 minutes old', { timestamp: Date.now() - 6 * 60_000 }, /more than 5 minutes/],
    ['a timestamp 6 minutes ahead', { timestamp: Date.now() + 6 * 60_000 }, /more than 5 minutes/],
    ['a malformed signature', { signature: 'abc' }, /does not match/],
    ['no signature', { signature: '' }, /missing x-hubspot-signature-v3/],
  ])('401 for %s, and nothing fetched or stored', async (_name, opts, message) => {
    const before = hubspot.requests.length;
    NOTES['470'] = { hs_note_body: 'She is pregnant.', hs_lastmodifieddate: '2026-11-02T09:00:00Z' };
    const res = await postHubSpot([noteEvent(60, 470)], opts);
    expect(res.status).toBe(401);
    expect((await jsonOf(res)).message).toMatch(message);
    expect(hubspot.requests.length).toBe(before);
    expect(await api.repo.getNote(noteIdFor('hubspot', String(PORTAL), '470'))).toBeNull();
  });

  it('401 when the timestamp header is missing', async () => {
    const raw = JSON.stringify([noteEvent(61, 470)]);
    const res = await fetch(`${api.base}/v1/webhooks/hubspot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': 'x' },
      body: raw,
    });
    expect(res.status).toBe(401);
    expect((await jsonOf(res)).message).toMatch(/x-hubspot-request-timestamp/);
  });

  it('400 for a signed body that is not an array of events', async () => {
    const res = await postHubSpot({ eventId: 1 });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).issues[0]).toEqual({ path: '(root)', message: 'expected an array of events' });
  });

  it('is one of the routes (local server and CDK deploy the same list)', () => {
    expect(ROUTES.find((r) => r.name === 'hubspot-webhook')).toMatchObject({
      method: 'POST',
      path: '/v1/webhooks/hubspot',
    });
  });
});

describe('htmlToText (hs_note_body, ContentNote)', () => {
  it.each([
    ['<p>a</p><p>b</p>', 'a\nb'],
    ['line one<br>line two<br/>three', 'line one\nline two\nthree'],
    ['<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>', 'one\ntwo'],
    ['Tom &amp; Jerry &lt;3 &#233;t&#xE9; &quot;q&quot; &apos;', 'Tom & Jerry <3 été "q" \''],
    ['&amp;lt;b&amp;gt; stays text', '&lt;b&gt; stays text'],
    ['<script>var s = "<p>no</p>";</script><style>p{}</style>kept', 'kept'],
    ['a < b and c > d', 'a < b and c > d'],
    ['<!-- hidden -->shown', 'shown'],
    ['<b>bold</b> and <a href="https://example.com/?a=1&amp;b=2">link</a>', 'bold and link'],
    ['plain   text\nwith  spaces', 'plain text with spaces'],
    ['&unknown; &#0; &#x110000;', '&unknown; &#0; &#x110000;'],
    ['<p>unterminated <b', 'unterminated'],
    ['<table><tr><td>a</td><td>b</td></tr></table>', 'a b'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('stays linear on hostile input', () => {
    const started = performance.now();
    htmlToText('<script>'.repeat(20_000));
    htmlToText('<a '.repeat(20_000));
    htmlToText('&#1'.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
