import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubspotWebhookHandler } from '../../lambdas/handlers/hubspot-webhook.js';
import { postScanHandler } from '../../lambdas/handlers/post-scan.js';
import { salesforceWebhookHandler } from '../../lambdas/handlers/salesforce-webhook.js';
import type { HttpEvent } from '../../lambdas/http/http-types.js';
import { signHubSpotV3 } from '../../lambdas/http/hubspot-signature.js';
import { signWebhook } from '../../lambdas/http/webhook-signature.js';
import { noteIdFor } from '../../lambdas/usecases/ids.js';
import { jsonOf, postSigned, startApi, TEST_CONFIG } from '../helpers/api.js';

// Hostile input at every entry: each gets its documented 4xx quickly, never a 5xx, and good data
// in the same request is still stored.
let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

const QUICK_MS = 1500;
const now = () => Math.floor(Date.now() / 1000);

const note = (recordId: string, extra: Record<string, unknown> = {}) => ({
  source: 'custom',
  recordId,
  kind: 'note',
  ownerEmail: 'rep@example.com',
  updatedAt: '2026-11-02T09:00:00Z',
  body: 'She is pregnant.',
  ...extra,
});

/** A POST with exact bytes and exact (possibly repeated) headers, which fetch cannot send. */
function rawPost(
  path: string,
  body: Buffer,
  headers: [string, string][],
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const url = new URL(api.base + path);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        // An array of raw header pairs may repeat a name; it does not add Host by itself.
        headers: [['host', url.host], ['content-length', String(body.length)], ...headers].flat(),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function timedSigned(body: unknown, opts: Parameters<typeof postSigned>[3] = {}) {
  const started = performance.now();
  const res = await postSigned(api.base, '/v1/notes', body, opts);
  return { res, ms: performance.now() - started };
}

describe('POST /v1/notes: hostile JSON', () => {
  it.each([
    ['100,000 nested arrays', `{"source":"custom","body":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['40,000 nested objects', `${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}`],
    [
      'a 40,000-element array for fields',
      JSON.stringify(note('deep-1', { body: undefined, fields: Array(40_000).fill(1) })),
    ],
    [
      'a 40,000-key object for fields',
      JSON.stringify(
        note('deep-2', {
          body: undefined,
          fields: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`f${i}`, 'x'])),
        }),
      ),
    ],
    ['a top-level array of 50,000 notes', JSON.stringify(Array(50_000).fill(0))],
    ['a JSON string', '"She is pregnant."'],
    ['null', 'null'],
  ])('400 for %s, quickly, nothing stored', async (_name, raw) => {
    const { res, ms } = await timedSigned(raw);
    expect(res.status).toBe(400);
    expect(ms).toBeLessThan(QUICK_MS);
    const body = await jsonOf(res);
    expect(body.error).toBe('ValidationError');
    expect(body.issues.length).toBeGreaterThan(0);
    expect(body.issues.length).toBeLessThanOrEqual(200);
    expect(await api.repo.getNote(noteIdFor('custom', 'default', 'deep-1'))).toBeNull();
  });

  it('wrong types in every field (fast-check): always a 400 naming the field or a stored note, never a 5xx', async () => {
    const valid = note('fuzz');
    const fields = Object.keys(valid) as (keyof typeof valid)[];
    let t = now();
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(fields, { minLength: 1 }),
        fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: fields.length, maxLength: fields.length }),
        async (broken, values) => {
          const body: Record<string, unknown> = { ...valid, recordId: `fuzz-${t}` };
          broken.forEach((k, i) => {
            body[k] = values[i];
          });
          const { res, ms } = await timedSigned(body, { t: t-- });
          expect(ms).toBeLessThan(QUICK_MS);
          expect([200, 201, 400]).toContain(res.status);
          const out = await jsonOf(res);
          if (res.status === 400) {
            expect(out.error).toBe('ValidationError');
            expect(out.issues.length).toBeGreaterThan(0);
            for (const issue of out.issues) expect(typeof issue.path).toBe('string');
          } else {
            expect(out.noteId).toMatch(/^n_/);
          }
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });

  it.each([
    ['a lone 0xFF byte', Buffer.from([0xff])],
    ['an overlong "/" (C0 AF)', Buffer.from([0xc0, 0xaf])],
    ['an encoded surrogate half (ED A0 80)', Buffer.from([0xed, 0xa0, 0x80])],
    ['a truncated 4-byte sequence', Buffer.from([0xf0, 0x9f, 0xa4])],
  ])('400 for invalid UTF-8 (%s) inside a signed JSON body', async (_name, bad) => {
    const bytes = Buffer.concat([
      Buffer.from(JSON.stringify(note('utf8-bad', { body: 'X' })).replace('"X"', '"She is '), 'utf8'),
      bad,
      Buffer.from('"}'),
    ]);
    const res = await rawPost('/v1/notes', bytes, [
      ['content-type', 'application/json'],
      ['x-noteguard-signature', signWebhook('test-webhook-secret', bytes, now())],
    ]);
    expect(res.status).toBe(400);
    expect(res.ms).toBeLessThan(QUICK_MS);
    expect(JSON.parse(res.body).message).toBe('body is not valid UTF-8');
  });

  it('a body that is not JSON gets a 400 that does not quote it back', async () => {
    const secret = 'pw is Hunter2-Kestrel-4471';
    const res = await postSigned(api.base, '/v1/notes', secret);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).message).toBe('body is not valid JSON');
    expect(text).not.toContain('Hunter2');
    expect(text).not.toContain('pw is');
  });
});

describe('headers missing, duplicated or of the wrong length', () => {
  const body = (id: string) => Buffer.from(JSON.stringify(note(id)));

  it('no content type → 415; no signature → 401; neither stores anything', async () => {
    const b = body('hdr-1');
    const unsigned = await rawPost('/v1/notes', b, [['content-type', 'application/json']]);
    expect(unsigned.status).toBe(401);
    const untyped = await rawPost('/v1/notes', b, [
      ['x-noteguard-signature', signWebhook('test-webhook-secret', b, now())],
    ]);
    expect(untyped.status).toBe(415);
    expect(await api.repo.getNote(noteIdFor('custom', 'default', 'hdr-1'))).toBeNull();
  });

  it.each([
    ['63 hex digits', 63],
    ['65 hex digits', 65],
    ['128 hex digits', 128],
    ['none', 0],
  ])('401 for a v1 signature of %s', async (_name, length) => {
    const b = body('hdr-len');
    const res = await rawPost('/v1/notes', b, [
      ['content-type', 'application/json'],
      ['x-noteguard-signature', `t=${now()},v1=${'a'.repeat(length)}`],
    ]);
    expect(res.status).toBe(401);
    expect(res.ms).toBeLessThan(QUICK_MS);
  });

  it('a duplicated signature header still verifies once, and every variation of a used signature is a replay', async () => {
    const b = body('hdr-dup');
    const t = now();
    const sig = signWebhook('test-webhook-secret', b, t);
    const v1 = sig.split('v1=')[1] as string;
    const send = (...values: string[]) =>
      rawPost('/v1/notes', b, [
        ['content-type', 'application/json'],
        ...values.map((v): [string, string] => ['x-noteguard-signature', v]),
      ]);
    // The same header twice (a proxy duplicating it) is still the one signed request.
    const first = await send(sig, sig);
    expect(first.status).toBe(201);
    // Re-sent with the header rewritten in every way the parser tolerates: still the same signed
    // request, so every one is a replay (the nonce is the verified signature, not the header text).
    for (const variant of [
      [sig],
      [`${sig},v1=${v1}`],
      [`v1=${v1},t=${t}`],
      [`t=${t}, v1=${v1}`],
      [`t=${t},v1=${v1},v0=ignored`],
      [`t=${t},v1=${'0'.repeat(64)},v1=${v1}`],
      [sig, `t=${t},v1=${'f'.repeat(64)}`],
    ]) {
      const again = await send(...variant);
      expect(again.status, variant.join(' | ')).toBe(401);
      expect(JSON.parse(again.body).message).toMatch(/replay/);
    }
    const stored = await api.repo.getNote(noteIdFor('custom', 'default', 'hdr-dup'));
    expect(stored?.note.rev).toBe(1);
    expect(await api.repo.listAudit(stored?.note.noteId as string)).toHaveLength(1);
  });

  it('HubSpot: duplicated, missing or wrong-length signature and timestamp headers → 401 quickly', async () => {
    const raw = Buffer.from('[]');
    const ts = String(Date.now());
    const url = `${api.base.replace(/^http:/, 'https:')}/v1/webhooks/hubspot`;
    const good = signHubSpotV3(TEST_CONFIG.hubspot.clientSecret, {
      method: 'POST',
      uri: url,
      body: raw,
      timestamp: ts,
    });
    const cases: [string, string][][] = [
      [['x-hubspot-signature-v3', good]],
      [['x-hubspot-request-timestamp', ts]],
      [
        ['x-hubspot-signature-v3', good],
        ['x-hubspot-signature-v3', good],
        ['x-hubspot-request-timestamp', ts],
      ],
      [
        ['x-hubspot-signature-v3', good],
        ['x-hubspot-request-timestamp', ts],
        ['x-hubspot-request-timestamp', ts],
      ],
      [
        ['x-hubspot-signature-v3', good.slice(0, -2)],
        ['x-hubspot-request-timestamp', ts],
      ],
      [
        ['x-hubspot-signature-v3', `${good}AAAA`],
        ['x-hubspot-request-timestamp', ts],
      ],
    ];
    for (const headers of cases) {
      const res = await rawPost('/v1/webhooks/hubspot', raw, [
        ['content-type', 'application/json'],
        ...headers,
      ]);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.ms).toBeLessThan(QUICK_MS);
    }
    // The control: the same request with one of each header is accepted.
    const ok = await rawPost('/v1/webhooks/hubspot', raw, [
      ['content-type', 'application/json'],
      ['x-hubspot-signature-v3', good],
      ['x-hubspot-request-timestamp', ts],
    ]);
    expect(ok.status).toBe(200);
  });
});

describe('API Gateway events: invalid base64 and UTF-8 on every signed route', () => {
  const event = (body: string, headers: Record<string, string> = {}): HttpEvent =>
    ({
      version: '2.0',
      routeKey: 'POST /x',
      rawPath: '/x',
      rawQueryString: '',
      headers: { 'content-type': 'application/json', ...headers },
      pathParameters: { token: TEST_CONFIG.salesforce.token },
      requestContext: {
        domainName: 'api.example.com',
        http: { method: 'POST', path: '/x', protocol: 'HTTP/1.1', sourceIp: '1.2.3.4', userAgent: 'x' },
      },
      body,
      isBase64Encoded: true,
    }) as unknown as HttpEvent;

  it.each([
    ['/v1/scan', () => postScanHandler(api.ctx)],
    ['/v1/webhooks/hubspot', () => hubspotWebhookHandler(api.ctx)],
  ])('%s: 400 for a body that is not base64, and for base64 of invalid UTF-8', async (_route, make) => {
    const handler = make();
    const notBase64 = await handler(event('***not base64***'));
    expect(notBase64.statusCode).toBe(400);
    expect(JSON.parse(notBase64.body).message).toBe('body is not valid base64');
    const badUtf8 = await handler(event(Buffer.from([0x5b, 0xff, 0x5d]).toString('base64')));
    expect(badUtf8.statusCode).toBe(400);
    expect(JSON.parse(badUtf8.body).message).toBe('body is not valid UTF-8');
  });

  it('Salesforce: the same as SOAP faults', async () => {
    const handler = salesforceWebhookHandler(api.ctx);
    for (const body of ['***not base64***', Buffer.from([0x3c, 0xff, 0x3e]).toString('base64')]) {
      const res = await handler(event(body, { 'content-type': 'text/xml' }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/<faultstring>ValidationError: body is not valid (base64|UTF-8)/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Salesforce SOAP: declarations, nesting, and one bad notification among 100.

const ORG = TEST_CONFIG.salesforce.orgId;
let seq = 0;
const sfId = (prefix: string) => `${prefix}xx${String(++seq).padStart(10, '0')}AHZ`;

function notification(id: string, fields: Record<string, string>, type = 'Note'): string {
  const body = Object.entries(fields)
    .map(([k, v]) => `<sf:${k}>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</sf:${k}>`)
    .join('');
  return `<Notification><Id>${id}</Id><sObject xsi:type="sf:${type}" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">${body}</sObject></Notification>`;
}

function message(notifications: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>${ORG}</OrganizationId><ActionId>04kxx0000000001AAA</ActionId>
   <SessionId xsi:nil="true"/>
   ${notifications.join('\n')}
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>`;
}

const noteFields = (id: string, body: string) => ({
  Id: id,
  Body: body,
  LastModifiedDate: '2026-11-02T09:00:00.000Z',
  OwnerId: '005xx0000000001AAA',
});

async function postSoap(xml: string) {
  const started = performance.now();
  const res = await fetch(`${api.base}/v1/webhooks/salesforce/${TEST_CONFIG.salesforce.token}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
    body: xml,
  });
  return { status: res.status, text: await res.text(), ms: performance.now() - started };
}

describe('Salesforce SOAP: hostile XML', () => {
  const valid = () => message([notification(sfId('04l'), noteFields(sfId('002'), 'She is pregnant.'))]);

  it.each([
    [
      'a lower-case doctype',
      (x: string) => x.replace('<soapenv:Envelope', '<!doctype x [<!entity a "b">]>\n<soapenv:Envelope'),
    ],
    [
      'an ENTITY without a DOCTYPE',
      (x: string) => x.replace('<soapenv:Body>', '<!ENTITY a "b"><soapenv:Body>'),
    ],
    [
      'a parameter entity pulling an external DTD',
      (x: string) =>
        x.replace(
          '<soapenv:Envelope',
          '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>\n<soapenv:Envelope',
        ),
    ],
    [
      'a DOCTYPE after a comment',
      (x: string) =>
        x.replace(
          '<soapenv:Envelope',
          '<!-- hi --><!DOCTYPE x SYSTEM "file:///etc/passwd">\n<soapenv:Envelope',
        ),
    ],
    [
      'a quadratic-blowup entity (one 50 KB entity used 1000 times)',
      (x: string) =>
        x
          .replace(
            '<soapenv:Envelope',
            `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(50_000)}">]>\n<soapenv:Envelope`,
          )
          .replace('She is pregnant.', '&a;'.repeat(1000)),
    ],
  ])('400 for %s, before parsing, quickly; nothing stored', async (_name, mutate) => {
    const res = await postSoap(mutate(valid()));
    expect(res.status).toBe(400);
    expect(res.ms).toBeLessThan(QUICK_MS);
    expect(res.text).toContain('DOCTYPE');
  });

  it('400 for 10,000 nested elements, quickly', async () => {
    const deep = valid().replace('She is pregnant.', `${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`);
    const res = await postSoap(deep);
    expect(res.status).toBe(400);
    expect(res.ms).toBeLessThan(QUICK_MS);
  });

  it('100 notifications, one malformed: 400 naming it, the other 99 stored; the retry stores nothing twice', async () => {
    const ids = Array.from({ length: 100 }, () => sfId('002'));
    const bad = sfId('04l');
    const notes = ids.map((id, i) =>
      i === 57
        ? notification(bad, { Id: sfId('069'), Content: '!!not base64!!' }, 'ContentNote')
        : notification(sfId('04l'), noteFields(id, i % 2 ? 'He is a moron.' : 'Renewal approved.')),
    );
    const xml = message(notes);
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await postSoap(xml);
      expect(res.status).toBe(400);
      expect(res.ms).toBeLessThan(20_000);
      expect(res.text).toContain('1 of 100 notifications cannot be stored');
      expect(res.text).toContain(`Notification[57]: Id ${bad}: ContentNote Content is not valid base64`);
    }
    for (const [i, id] of ids.entries()) {
      if (i === 57) continue;
      const stored = await api.repo.getNote(noteIdFor('salesforce', ORG, id));
      expect(stored?.note.rev, `notification ${i}`).toBe(1);
      expect(stored?.findings).toHaveLength(i % 2 ? 1 : 0);
    }
  });
});
