import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiConfig } from '../../lambdas/http/api-config.js';
import type { CrmClients, HandlerContext } from '../../lambdas/http/handler-context.js';
import { ROUTES } from '../../lambdas/http/routes.js';
import { signWebhook } from '../../lambdas/http/webhook-signature.js';
import { createLocalServer, type RawRoute } from '../../lambdas/local/local-server.js';
import { realDeps } from './deps.js';

export const TEST_CONFIG: ApiConfig = {
  webhookSecrets: ['test-webhook-secret'],
  apiTokens: ['test-api-token'],
  salesforce: {
    token: 'sf-url-token-123',
    orgId: '00Dxx0000000001EAA',
    ownerEmails: { '005xx0000000001AAA': 'owner@example.com' },
  },
  hubspot: { clientSecret: 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy' },
  nowSeconds: () => Math.floor(Date.now() / 1000),
};

/** The real local server (same handlers as Lambda) on a free port, over a fresh DynamoDB Local table. */
export async function startApi(
  config: Partial<ApiConfig> = {},
  extra: (ctx: HandlerContext) => RawRoute[] = () => [],
  options: { crm?: CrmClients } = {},
) {
  const env = await realDeps();
  const ctx: HandlerContext = {
    deps: env.deps,
    config: { ...TEST_CONFIG, ...config },
    ...(options.crm ? { crm: options.crm } : {}),
  };
  const server = createLocalServer(ctx, ROUTES, extra(ctx));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...env,
    ctx,
    base,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await env.drop();
    },
  };
}

/** POSTs a body signed exactly as a CRM integration must sign it. */
export async function postSigned(
  base: string,
  path: string,
  body: unknown,
  opts: { secret?: string; t?: number; headers?: Record<string, string> } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const t = opts.t ?? Math.floor(Date.now() / 1000);
  return fetch(base + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-noteguard-signature': signWebhook(opts.secret ?? 'test-webhook-secret', raw, t),
      ...opts.headers,
    },
    body: raw,
  });
}

export const bearer = { authorization: 'Bearer test-api-token' };

// biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON response bodies
export type Json = any;

/** The JSON body of a response, typed loosely for assertions. */
export async function jsonOf(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/**
 * A small real HTTP server standing in for a CRM's REST API (the boundary our fetch adapters call):
 * `respond` answers each request as that API would, and every request is recorded for assertions.
 */
export async function startFakeCrmApi(
  respond: (
    req: RecordedRequest,
  ) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>,
) {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const recorded = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(recorded);
    req.resume();
    const { status, body } = await respond(recorded);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
