import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNoteHandler } from '../../lambdas/handlers/get-note.js';
import { healthHandler } from '../../lambdas/handlers/health.js';
import { listFindingsHandler } from '../../lambdas/handlers/list-findings.js';
import { postNotesHandler } from '../../lambdas/handlers/post-notes.js';
import type { HandlerContext } from '../../lambdas/http/handler-context.js';
import type { HttpEvent } from '../../lambdas/http/http-types.js';
import { signWebhook } from '../../lambdas/http/webhook-signature.js';
import { TEST_CONFIG } from '../helpers/api.js';
import { realDeps } from '../helpers/deps.js';

const fixture = (name: string): HttpEvent => {
  const event = JSON.parse(readFileSync(resolve(process.cwd(), '../shared/fixtures', name), 'utf8'));
  delete event._note;
  return event;
};

let env: Awaited<ReturnType<typeof realDeps>>;
let ctx: HandlerContext;
beforeAll(async () => {
  env = await realDeps();
  ctx = { deps: env.deps, config: TEST_CONFIG };
});
afterAll(async () => env.drop());

/** A real API Gateway HTTP API capture, re-pointed at one of our routes with a signed note body. */
function signedNoteEvent(base: HttpEvent, body: string, encode: boolean): HttpEvent {
  const t = Math.floor(Date.now() / 1000);
  return {
    ...base,
    routeKey: 'POST /v1/notes',
    rawPath: '/v1/notes',
    headers: {
      ...base.headers,
      'content-type': 'application/json',
      'x-noteguard-signature': signWebhook('test-webhook-secret', body, t),
    },
    body: encode ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: encode,
  };
}

describe('handlers take real API Gateway v2 events', () => {
  const note = (recordId: string) =>
    JSON.stringify({
      source: 'custom',
      recordId,
      kind: 'note',
      ownerEmail: 'rep@example.com',
      updatedAt: '2026-11-02T09:00:00Z',
      body: 'Müller said: she is pregnant 🤰, deal slips.',
    });

  it.each([
    ['the Powertools capture, plain body', 'apigw-v2-http-api.powertools-capture.json', false],
    [
      'the Powertools capture, base64 body (as HTTP APIs send forms and binary)',
      'apigw-v2-http-api.powertools-capture.json',
      true,
    ],
    ['the AWS docs example', 'apigw-v2-http-api.aws-docs-example.json', false],
  ])('POST /v1/notes from %s', async (_name, file, encode) => {
    const res = await postNotesHandler(ctx)(
      signedNoteEvent(fixture(file), note(`apigw-${file}-${encode}`), encode),
    );
    expect(res.statusCode).toBe(201);
    const body = JSON.parse(res.body);
    expect(body.findings[0]).toMatchObject({ category: 'health', start: 20, end: 28 });
  });

  it('the docs example has mixed-case-free headers and a query string: list findings without a token is 401', async () => {
    const res = await listFindingsHandler(ctx)(fixture('apigw-v2-http-api.aws-docs-example.json'));
    expect(res.statusCode).toBe(401);
  });

  it('the capture carries "Authorization: Bearer foo": a wrong token is 401, not 500', async () => {
    const res = await getNoteHandler(ctx)({
      ...fixture('apigw-v2-http-api.powertools-capture.json'),
      pathParameters: { id: 'n_x' },
    });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).message).toBe('bearer token is not valid');
  });

  it('an event without a body is a clear 401 (unsigned), and health answers any event', async () => {
    const res = await postNotesHandler(ctx)(fixture('apigw-v2-http-api.powertools-capture.json'));
    expect(res.statusCode).toBe(401);
    expect((await healthHandler(ctx)(fixture('apigw-v2-http-api.aws-docs-example.json'))).statusCode).toBe(
      200,
    );
  });

  it('invalid base64 is a 400 that says so', async () => {
    const event = {
      ...fixture('apigw-v2-http-api.powertools-capture.json'),
      body: '***not base64***',
      isBase64Encoded: true,
    };
    const res = await postNotesHandler(ctx)(event);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).message).toBe('body is not valid base64');
  });

  it('invalid UTF-8 inside a base64 body is a 400 that says so', async () => {
    const event = {
      ...fixture('apigw-v2-http-api.powertools-capture.json'),
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64'),
      isBase64Encoded: true,
    };
    const res = await postNotesHandler(ctx)(event);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).message).toBe('body is not valid UTF-8');
  });
});
