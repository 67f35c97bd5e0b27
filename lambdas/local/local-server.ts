import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HandlerContext } from '../http/handler-context.js';
import type { HttpEvent, HttpHandler, HttpResult } from '../http/http-types.js';
import { MAX_BODY_BYTES } from '../http/request.js';
import { json } from '../http/respond.js';
import { matchPath, type Route } from '../http/routes.js';

// HTTP APIs pass JSON, XML and text bodies as strings and base64-encode the rest (forms, binary).
const TEXT_TYPES = /^(application\/(json|xml|soap\+xml|[\w.+-]+\+json)|text\/[\w.+-]+)$/i;

/** Turns a Node request into the API Gateway HTTP API (2.0) event the Lambda handlers take. */
export function toHttpEvent(
  req: IncomingMessage,
  body: Buffer,
  routeKey: string,
  pathParameters: Record<string, string>,
): HttpEvent {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  // A text body that is not valid UTF-8 goes base64-encoded, as binary does: decoding it here would
  // replace the bad bytes, so the handler could neither verify its signature nor say what is wrong.
  const asText = body.length === 0 || (TEXT_TYPES.test(type) && isUtf8(body));
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: asText ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !asText,
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Stop buffering past the limit; the rest is drained, not stored.
    if (size > MAX_BODY_BYTES) {
      req.resume();
      return 'too-large';
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, result: HttpResult): void {
  res.writeHead(result.statusCode, result.headers);
  res.end(result.body);
}

/** Extra handlers mounted beside the API routes (the Slack bot's /slack/events). */
export interface RawRoute {
  method: string;
  path: string;
  handler: HttpHandler;
}

/** The local HTTP server: the SAME handler functions as in AWS, fed API Gateway v2 events. */
export function createLocalServer(
  ctx: HandlerContext,
  routes: readonly Route[],
  extra: readonly RawRoute[] = [],
): Server {
  const table = [
    ...routes.map((r) => ({ method: r.method, path: r.path, handler: r.create(ctx) })),
    ...extra,
  ];
  return createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      let match: { handler: HttpHandler; params: Record<string, string>; routeKey: string } | null = null;
      let pathKnown = false;
      for (const r of table) {
        const params = matchPath(r.path, path);
        if (!params) continue;
        pathKnown = true;
        if (r.method === req.method) {
          match = { handler: r.handler, params, routeKey: `${r.method} ${r.path}` };
          break;
        }
      }
      if (!match) {
        req.resume();
        return send(
          res,
          pathKnown
            ? json(405, { error: 'MethodNotAllowed', message: `${req.method} is not allowed on ${path}` })
            : json(404, { error: 'NotFoundError', message: `no route for ${req.method} ${path}` }),
        );
      }
      const body = await readBody(req);
      if (body === 'too-large') {
        return send(
          res,
          json(413, {
            error: 'PayloadTooLargeError',
            message: `body is larger than the limit of ${MAX_BODY_BYTES} bytes`,
          }),
        );
      }
      send(res, await match.handler(toHttpEvent(req, body, match.routeKey, match.params)));
    } catch (err) {
      ctx.deps.logger.error('local server error', { error: (err as Error).name });
      if (!res.headersSent) send(res, json(500, { error: 'InternalError', message: 'internal error' }));
      else res.end();
    }
  });
}
