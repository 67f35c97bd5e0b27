import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesforceRestUserDirectory } from '../../lambdas/adapters/crm/salesforce-user-directory.js';
import { DynamoNoteRepository } from '../../lambdas/adapters/dynamodb/dynamo-note-repository.js';
import { sameSalesforceId } from '../../lambdas/core/crm-ports.js';
import { ROUTES } from '../../lambdas/http/routes.js';
import { noteIdFor } from '../../lambdas/usecases/ids.js';
import { startApi, startFakeCrmApi, TEST_CONFIG } from '../helpers/api.js';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), '../shared/fixtures', name), 'utf8');
const ACK = fixture('salesforce-om-ack-response.xml');
const ORG = TEST_CONFIG.salesforce.orgId; // 00Dxx0000000001EAA
const SESSION = '00Dxx0000000001!AQ-test-session';
const DANA = '005xx0000000002AAA'; // known to the fake Salesforce REST API
const MAPPED = '005xx0000000001AAA'; // in TEST_CONFIG.salesforce.ownerEmails, unknown to the REST API
const NOBODY = '005xx0000000009AAA'; // known nowhere
const LEE = '005xx0000000003AAA'; // known to the REST API; used only by the cache test

const soap = new XMLParser({ removeNSPrefix: true, parseTagValue: false });

// ---------------------------------------------------------------------------------------------
// The Salesforce REST boundary: a real local HTTP server answering GET …/sobjects/User/{id}.
const USERS: Record<string, { Email: string; Name: string }> = {
  [DANA]: { Email: 'dana.rep@example.com', Name: 'Dana Rep' },
  [LEE]: { Email: 'lee.rep@example.com', Name: 'Lee Rep' },
};
let sfRest: Awaited<ReturnType<typeof startFakeCrmApi>>;
const userLookups = (id: string) => sfRest.requests.filter((r) => r.path.endsWith(`/User/${id}`)).length;

let nowMs = Date.now();
const directory = new SalesforceRestUserDirectory({
  // Tests run the REST boundary on plain http://127.0.0.1; production allows only https Salesforce hosts.
  allowInstance: (url) => url.hostname === '127.0.0.1',
  now: () => nowMs,
  ttlMs: 60_000,
});

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  sfRest = await startFakeCrmApi((req) => {
    const m = /^\/services\/data\/v61\.0\/sobjects\/User\/([A-Za-z0-9]+)$/.exec(req.path);
    if (!m || req.method !== 'GET') return { status: 404, body: [{ errorCode: 'NOT_FOUND' }] };
    if (req.headers.authorization !== `Bearer ${SESSION}`) {
      return {
        status: 401,
        body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }],
      };
    }
    const user = USERS[m[1] as string];
    if (user) return { status: 200, body: { attributes: { type: 'User' }, ...user } };
    return {
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    };
  });
  api = await startApi({}, undefined, { crm: { salesforceUsers: directory } });
});
afterAll(async () => {
  await api.close();
  await sfRest.close();
});

// ---------------------------------------------------------------------------------------------
// Messages: the envelope of the real capture, with Note / Task / ContentNote / Lead sObjects.
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const field = (name: string, value: string | null) =>
  value === null ? `<sf:${name} xsi:nil="true"/>` : `<sf:${name}>${esc(value)}</sf:${name}>`;

function notification(id: string, type: string, fields: Record<string, string | null>): string {
  return `
   <Notification>
    <Id>${id}</Id>
    <sObject xsi:type="sf:${type}" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     ${Object.entries(fields)
       .map(([k, v]) => field(k, v))
       .join('\n     ')}
    </sObject>
   </Notification>`;
}

function message(
  notifications: string[],
  opts: { org?: string; session?: string | null; partnerUrl?: string } = {},
): string {
  const session = opts.session === undefined ? SESSION : opts.session;
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>${opts.org ?? ORG}</OrganizationId>
   <ActionId>04kxx0000000001AAA</ActionId>
   ${session === null ? '<SessionId xsi:nil="true"/>' : `<SessionId>${session}</SessionId>`}
   <EnterpriseUrl>${opts.partnerUrl ?? sfRest.base}/services/Soap/c/61.0/00Dxx0000000001</EnterpriseUrl>
   <PartnerUrl>${opts.partnerUrl ?? sfRest.base}/services/Soap/u/61.0/00Dxx0000000001</PartnerUrl>${notifications.join('')}
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>`;
}

let seq = 0;
/** A fresh 18-character id with the given 3-character key prefix. */
const sfId = (prefix: string) => `${prefix}xx${String(++seq).padStart(10, '0')}AAA`;

const noteFields = (recordId: string, body: string, extra: Record<string, string | null> = {}) => ({
  Id: recordId,
  Body: body,
  LastModifiedDate: '2026-11-02T09:00:00.000Z',
  OwnerId: DANA,
  ParentId: '006xx0000000001AAA',
  Title: 'Discovery call',
  ...extra,
});

function post(xml: string, token: string = TEST_CONFIG.salesforce.token, base = api.base) {
  return fetch(`${base}/v1/webhooks/salesforce/${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
    body: xml,
  });
}

const stored = (recordId: string, org = ORG, repo = api.repo) =>
  repo.getNote(noteIdFor('salesforce', org, recordId));

async function faultOf(res: Response): Promise<string> {
  expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
  const doc = soap.parse(await res.text());
  return String(doc.Envelope.Body.Fault.faultstring);
}

// ---------------------------------------------------------------------------------------------

describe('POST /v1/webhooks/salesforce/{token}: fixtures', () => {
  it('stores both leads of the fixture message with their findings, then answers the exact Ack', async () => {
    const res = await post(fixture('salesforce-om-notification.lead.CONSTRUCTED.xml'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await res.text()).toBe(ACK);

    const first = await stored('00Qxx0000000001EAA');
    expect(first?.note).toMatchObject({
      source: 'salesforce',
      orgId: ORG,
      kind: 'lead',
      title: 'Example Widgets Ltd',
      url: 'https://example.my.salesforce.com/00Qxx0000000001EAA',
      ownerId: MAPPED,
      // SessionId is nil in this message: no REST lookup, the configured mapping names the owner.
      ownerEmail: 'owner@example.com',
      status: 'open',
    });
    expect(first?.findings.map((f) => [f.field, f.category]).sort()).toEqual([
      ['Description', 'government_id'],
      ['Description', 'payment_card'],
    ]);
    expect(JSON.stringify(first)).not.toContain('4242 4242 4242 4242');
    expect((await api.repo.getRaw(first?.note.noteId as string))?.fields).toEqual({
      Description:
        'Call notes: asked about pricing; card on file 4242 4242 4242 4242; SSN mentioned 078-05-1120 (Woolworth test value).',
      Title: 'Head of Procurement',
    });

    const second = await stored('00Qxx0000000002EAA');
    expect(second?.findings.map((f) => [f.field, f.category])).toEqual([['Description', 'bank_account']]);
    expect(userLookups(MAPPED)).toBe(0);
  });

  it('acknowledges the real capture (a custom object it does not scan) without storing it; a 15-character org id matches the 18-character one', async () => {
    const realOrg = await startApi({ salesforce: { ...TEST_CONFIG.salesforce, orgId: '00De0000000pmu1' } });
    try {
      const res = await post(fixture('salesforce-om-notification.real-capture.xml'), undefined, realOrg.base);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(ACK);
      expect(await stored('a29e0000000K4P0AAK', '00De0000000pmu1EAA', realOrg.repo)).toBeNull();
    } finally {
      await realOrg.close();
    }
  });

  it('compares org ids in 15- and 18-character form, case-sensitively', () => {
    expect(sameSalesforceId('00De0000000pmu1EAA', '00De0000000pmu1')).toBe(true);
    expect(sameSalesforceId('00De0000000pmu1', '00De0000000pmu1EAA')).toBe(true);
    expect(sameSalesforceId('00De0000000pmu1EAA', '00De0000000pmu1EAA')).toBe(true);
    expect(sameSalesforceId('00De0000000pmu1EAA', '00De0000000pmu2EAA')).toBe(false);
    expect(sameSalesforceId('00De0000000PMU1EAA', '00De0000000pmu1')).toBe(false);
    expect(sameSalesforceId('', '')).toBe(false);
  });
});

describe('POST /v1/webhooks/salesforce/{token}: objects and owners', () => {
  it('stores a Note, a Task and a ContentNote (base64 HTML) with their kinds, titles and findings', async () => {
    const [noteId, taskId, contentId] = [sfId('002'), sfId('00T'), sfId('069')];
    const html =
      '<p>Spoke with Sam &amp; Lee.</p><p>Sam said his wife is pregnant&nbsp;&ndash; timing slips.</p>';
    const res = await post(
      message([
        notification(
          sfId('04l'),
          'Note',
          noteFields(noteId, 'He is a total idiot, but the deal is fine.', { OwnerId: MAPPED }),
        ),
        notification(sfId('04l'), 'Task', {
          Id: taskId,
          Subject: 'Follow-up call',
          Description: 'Customer mentioned his cancer treatment.',
          OwnerId: MAPPED,
          WhatId: '006xx0000000001AAA',
          LastModifiedDate: '2026-11-02T09:00:00.000Z',
        }),
        notification(sfId('04l'), 'ContentNote', {
          Id: contentId,
          Title: 'Call notes',
          Content: Buffer.from(html, 'utf8').toString('base64'),
          OwnerId: MAPPED,
        }),
      ]),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(ACK);

    const note = await stored(noteId);
    expect(note?.note).toMatchObject({
      kind: 'note',
      title: 'Discovery call',
      parentId: '006xx0000000001AAA',
    });
    expect(note?.findings.map((f) => f.category)).toEqual(['derogatory']);

    const task = await stored(taskId);
    expect(task?.note).toMatchObject({
      kind: 'task',
      title: 'Follow-up call',
      parentId: '006xx0000000001AAA',
    });
    expect(task?.findings.map((f) => f.category)).toEqual(['health']);

    const content = await stored(contentId);
    expect(content?.note).toMatchObject({ kind: 'note', title: 'Call notes' });
    expect(content?.findings.map((f) => f.category)).toContain('health');
    expect((await api.repo.getRaw(content?.note.noteId as string))?.body).toBe(
      'Spoke with Sam & Lee.\nSam said his wife is pregnant – timing slips.',
    );
  });

  it('resolves OwnerId to the email through the Salesforce REST API with the session id, once per owner', async () => {
    expect(userLookups(DANA)).toBe(0);
    const ids = [sfId('002'), sfId('002')];
    const res = await post(
      message(ids.map((id) => notification(sfId('04l'), 'Note', noteFields(id, 'She is pregnant.')))),
    );
    expect(res.status).toBe(200);
    for (const id of ids) {
      const note = await stored(id);
      expect(note?.note).toMatchObject({
        ownerId: DANA,
        ownerEmail: 'dana.rep@example.com',
        ownerName: 'Dana Rep',
      });
      expect(note?.findings[0]?.ownerEmail).toBe('dana.rep@example.com');
    }
    // Two notes of the same owner: one request, with the message's session as bearer token.
    const lookups = sfRest.requests.filter((r) => r.path.endsWith(`/User/${DANA}`));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.headers.authorization).toBe(`Bearer ${SESSION}`);
    expect(lookups[0]?.path).toBe(`/services/data/v61.0/sobjects/User/${DANA}`);
    expect(lookups[0]?.query.get('fields')).toBe('Email,Name');
  });

  it('caches owners for the TTL, then looks them up again', async () => {
    const send = () =>
      post(message([notification(sfId('04l'), 'Note', noteFields(sfId('002'), 'Fine.', { OwnerId: LEE }))]));
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect(userLookups(LEE)).toBe(1);
    nowMs += 61_000;
    expect((await send()).status).toBe(200);
    expect(userLookups(LEE)).toBe(2);
  });

  it('falls back to the configured mapping (18- or 15-character OwnerId), and stores an unresolved owner without an email', async () => {
    const [a, b, c, d] = [sfId('002'), sfId('002'), sfId('002'), sfId('002')];
    const res = await post(
      message([
        notification(sfId('04l'), 'Note', noteFields(a, 'Fine.', { OwnerId: MAPPED })),
        notification(sfId('04l'), 'Note', noteFields(b, 'Fine.', { OwnerId: MAPPED.slice(0, 15) })),
        notification(sfId('04l'), 'Note', noteFields(c, 'She is pregnant.', { OwnerId: NOBODY })),
      ]),
    );
    expect(res.status).toBe(200);
    expect(userLookups(NOBODY)).toBe(1); // the REST API was asked first (404), then the mapping
    expect((await stored(a))?.note.ownerEmail).toBe('owner@example.com');
    expect((await stored(b))?.note.ownerEmail).toBe('owner@example.com');
    const unresolved = await stored(c);
    expect(unresolved?.note.ownerId).toBe(NOBODY);
    expect(unresolved?.note.ownerEmail).toBeUndefined();
    expect(unresolved?.findings.map((f) => f.category)).toEqual(['health']);

    // A session Salesforce rejects (401) never blocks storage: the mapping still applies.
    const rejected = await post(
      message([notification(sfId('04l'), 'Note', noteFields(d, 'Fine.', { OwnerId: MAPPED }))], {
        session: 'expired-session',
      }),
    );
    expect(rejected.status).toBe(200);
    expect((await stored(d))?.note.ownerEmail).toBe('owner@example.com');
  });

  it('never sends the session id to a PartnerUrl host that is not Salesforce (default directory)', async () => {
    const strict = await startApi();
    try {
      const before = sfRest.requests.length;
      const id = sfId('002');
      const res = await post(
        message([notification(sfId('04l'), 'Note', noteFields(id, 'Fine.', { OwnerId: DANA }))]),
        undefined,
        strict.base,
      );
      expect(res.status).toBe(200);
      expect(sfRest.requests.length).toBe(before);
      expect((await stored(id, ORG, strict.repo))?.note).toMatchObject({ ownerId: DANA });
      expect((await stored(id, ORG, strict.repo))?.note.ownerEmail).toBeUndefined();
    } finally {
      await strict.close();
    }
  });
});

describe('POST /v1/webhooks/salesforce/{token}: delivery semantics', () => {
  it('stores a re-delivered notification once (its id is the delivery id)', async () => {
    const id = sfId('002');
    const xml = message([notification(sfId('04l'), 'Note', noteFields(id, 'He is a moron.'))]);
    expect((await post(xml)).status).toBe(200);
    const again = await post(xml);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(ACK);
    const note = await stored(id);
    expect(note?.note.rev).toBe(1);
    expect(note?.findings).toHaveLength(1);
    expect(await api.repo.listAudit(note?.note.noteId as string)).toHaveLength(1);
  });

  it('stores the good notifications when one is malformed, answers 400 naming it, and stores nothing twice on the retry', async () => {
    const [good1, good2] = [sfId('002'), sfId('002')];
    const badNotification = sfId('04l');
    const xml = message([
      notification(sfId('04l'), 'Note', noteFields(good1, 'She is pregnant.')),
      notification(badNotification, 'ContentNote', { Id: sfId('069'), Content: '***not base64***' }),
      notification(sfId('04l'), 'Note', noteFields(good2, 'He is a total idiot.')),
    ]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await post(xml);
      expect(res.status).toBe(400);
      const fault = await faultOf(res);
      expect(fault).toContain('1 of 3 notifications cannot be stored');
      expect(fault).toContain(
        `Notification[1]: Id ${badNotification}: ContentNote Content is not valid base64`,
      );
      expect((await stored(good1))?.note.rev).toBe(1);
      expect((await stored(good2))?.note.rev).toBe(1);
    }
    expect((await stored(good1))?.findings.map((f) => f.category)).toEqual(['health']);
  });

  it('names a notification whose object lacks its text field (an outbound-message configuration error)', async () => {
    const res = await post(
      message([
        notification(sfId('04l'), 'Note', { Id: sfId('002'), Title: 'No body selected', OwnerId: DANA }),
      ]),
    );
    expect(res.status).toBe(400);
    expect(await faultOf(res)).toContain('Note has no Body field');
  });

  it('does not acknowledge (503) when a notification cannot be stored, so Salesforce retries', async () => {
    const broken = await startApi({}, undefined, { crm: { salesforceUsers: directory } });
    // The real DynamoDB Local, but a table that does not exist: every write fails.
    broken.ctx.deps.repo = new DynamoNoteRepository(broken.client, 'no_such_table');
    try {
      const res = await post(
        message([notification(sfId('04l'), 'Note', noteFields(sfId('002'), 'Fine.'))]),
        undefined,
        broken.base,
      );
      expect(res.status).toBe(503);
      expect(await faultOf(res)).toMatch(/could not be stored now.*Not acknowledged/);
    } finally {
      broken.ctx.deps.repo = broken.repo;
      await broken.close();
    }
  });
});

describe('POST /v1/webhooks/salesforce/{token}: authentication and hostile input', () => {
  const valid = () =>
    message([notification(sfId('04l'), 'Note', noteFields(sfId('002'), 'She is pregnant.'))]);

  it.each([
    ['a wrong token of the same length', 'sf-url-token-124'],
    ['a shorter token', 'sf-url'],
    ['a longer token', 'sf-url-token-1234'],
  ])('401 for %s, as a SOAP fault, and nothing stored', async (_name, token) => {
    const recordId = sfId('002');
    const res = await post(
      message([notification(sfId('04l'), 'Note', noteFields(recordId, 'She is pregnant.'))]),
      token,
    );
    expect(res.status).toBe(401);
    expect(await faultOf(res)).toBe('UnauthorizedError: the token in the URL is not valid');
    expect(await stored(recordId)).toBeNull();
  });

  it('403 for a message from another org, and nothing stored', async () => {
    const recordId = sfId('002');
    const res = await post(
      message([notification(sfId('04l'), 'Note', noteFields(recordId, 'She is pregnant.'))], {
        org: '00Dxx0000000002EAA',
      }),
    );
    expect(res.status).toBe(403);
    expect(await faultOf(res)).toContain('OrganizationId 00Dxx0000000002EAA is not the org');
    expect(await stored(recordId, '00Dxx0000000002EAA')).toBeNull();
  });

  it('rejects a billion-laughs DOCTYPE quickly, before parsing', async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
${valid().replace('<?xml version="1.0" encoding="UTF-8"?>\n', '').replace('She is pregnant.', '&lol9;')}`;
    const started = performance.now();
    const res = await post(lol);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(400);
    expect(await faultOf(res)).toContain('DOCTYPE');
  });

  it('rejects an external entity (XXE) declaration', async () => {
    const xxe = valid().replace(
      '<soapenv:Envelope',
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<soapenv:Envelope',
    );
    const res = await post(xxe.replace('She is pregnant.', '&xxe;'));
    expect(res.status).toBe(400);
    expect(await faultOf(res)).toContain('DOCTYPE');
  });

  it.each([
    ['malformed XML', () => '<soapenv:Envelope><soapenv:Body></soapenv:Envelope>', /not well-formed XML/],
    [
      'XML that is not an outbound message',
      () => '<hello>world</hello>',
      /not a Salesforce Outbound Message/,
    ],
    [
      'a message without OrganizationId',
      () => message([]).replace(/<OrganizationId>.*<\/OrganizationId>/, ''),
      /no valid OrganizationId/,
    ],
  ])('400 for %s', async (_name, xml, reason) => {
    const res = await post(xml());
    expect(res.status).toBe(400);
    expect(await faultOf(res)).toMatch(reason);
  });

  it('400 for more than 100 notifications, before storing any', async () => {
    const first = sfId('002');
    const many = [notification(sfId('04l'), 'Note', noteFields(first, 'Fine.'))];
    for (let i = 0; i < 100; i++)
      many.push(notification(sfId('04l'), 'Note', noteFields(sfId('002'), 'Fine.')));
    const res = await post(message(many));
    expect(res.status).toBe(400);
    expect(await faultOf(res)).toContain('at most 100 notifications');
    expect(await stored(first)).toBeNull();
  });

  it('415 for a JSON body', async () => {
    const res = await fetch(`${api.base}/v1/webhooks/salesforce/${TEST_CONFIG.salesforce.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(415);
  });

  it('is one of the routes (local server and CDK deploy the same list)', () => {
    expect(ROUTES.find((r) => r.name === 'salesforce-webhook')).toMatchObject({
      method: 'POST',
      path: '/v1/webhooks/salesforce/{token}',
    });
  });
});
