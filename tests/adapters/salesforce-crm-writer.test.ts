import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentNoteHtml, SalesforceCrmWriter } from '../../lambdas/adapters/crm/salesforce-crm-writer.js';
import type { StoredNote } from '../../lambdas/core/model.js';

// Salesforce's REST API at the HTTP boundary: records each request, answers like Salesforce.
const seen: { method: string; url: string; body: Record<string, string> }[] = [];
let status = 204;
let server: Server;
let writer: SalesforceCrmWriter;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
    });
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(status === 204 ? '' : '[{"errorCode":"X"}]');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  writer = new SalesforceCrmWriter({
    instanceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    accessToken: 't',
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const note = (recordId: string, kind: StoredNote['kind'], source = 'salesforce') =>
  ({ recordId, kind, source }) as unknown as StoredNote;

describe('Salesforce write-back', () => {
  it('PATCHes Note.Body, Task.Description and Lead fields on their own objects', async () => {
    seen.length = 0;
    expect(await writer.writeBack(note('00Txx000000AAAA', 'note'), { body: 'a [REDACTED:health]' })).toBe(
      'written',
    );
    expect(await writer.writeBack(note('00Txx000000BBBB', 'task'), { body: 'b' })).toBe('written');
    expect(
      await writer.writeBack(note('00Qxx000000CCCC', 'lead'), {
        fields: { Description: 'c', 'Bad Name': 'x' },
      }),
    ).toBe('written');
    expect(seen).toEqual([
      {
        method: 'PATCH',
        url: '/services/data/v61.0/sobjects/Note/00Txx000000AAAA',
        body: { Body: 'a [REDACTED:health]' },
      },
      {
        method: 'PATCH',
        url: '/services/data/v61.0/sobjects/Task/00Txx000000BBBB',
        body: { Description: 'b' },
      },
      {
        method: 'PATCH',
        url: '/services/data/v61.0/sobjects/Lead/00Qxx000000CCCC',
        body: { Description: 'c' },
      },
    ]);
  });

  it('writes an enhanced note (069…) to ContentNote.Content as base64 HTML', async () => {
    seen.length = 0;
    await writer.writeBack(note('069xx000000DDDD', 'note'), { body: 'Tom <CFO>\n[REDACTED:health]' });
    expect(seen[0]?.url).toBe('/services/data/v61.0/sobjects/ContentNote/069xx000000DDDD');
    expect(Buffer.from(seen[0]?.body.Content ?? '', 'base64').toString()).toBe(
      '<p>Tom &lt;CFO&gt;</p><p>[REDACTED:health]</p>',
    );
    expect(contentNoteHtml('x')).toBe(Buffer.from('<p>x</p>').toString('base64'));
  });

  it('skips other CRMs and malformed ids; a Salesforce error is an UnavailableError', async () => {
    seen.length = 0;
    expect(await writer.writeBack(note('00Txx000000AAAA', 'note', 'hubspot'), { body: 'x' })).toBe('skipped');
    expect(await writer.writeBack(note('../../etc', 'note'), { body: 'x' })).toBe('skipped');
    expect(seen).toHaveLength(0);
    status = 400;
    await expect(writer.writeBack(note('00Txx000000AAAA', 'note'), { body: 'x' })).rejects.toMatchObject({
      name: 'UnavailableError',
    });
    status = 204;
  });
});
