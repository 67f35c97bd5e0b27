import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

/** Documented response examples (../shared/fixtures), the shapes every fake answer starts from. */
const EXAMPLES = JSON.parse(
  readFileSync(
    resolve(process.cwd(), '../shared/fixtures/slack-webapi-responses.openapi-examples.json'),
    'utf8',
  ),
) as Record<string, { '200': Record<string, unknown> }>;

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
  /** Set when the fake answered this call with a failure (429, 5xx or ok:false). */
  failed?: boolean;
}

/** `'pass'` lets that call through, so a test can fail the second call but not the first. */
export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string } | 'pass';

/**
 * A local HTTP server that speaks the Slack Web API (`POST /api/<method>`, form or JSON bodies,
 * bearer token) for the real Bolt app and WebClient to call via `slackApiUrl`. It records every
 * call, answers with the documented shapes, and fails on request: 429 + Retry-After, 500, or an
 * `ok:false` platform error such as `invalid_auth`.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** email → user id for users.lookupByEmail. */
  readonly users = new Map<string, string>();
  private readonly queued = new Map<string, Failure[]>();
  private randomFailures: { rate: number; failures: Failure[]; rand: () => number } | null = null;
  private server: Server | null = null;
  private seq = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** The next call(s) to `method` fail this way, in order. */
  failNext(method: string, ...failures: Failure[]): void {
    this.queued.set(method, [...(this.queued.get(method) ?? []), ...failures]);
  }

  /** Every call fails with probability `rate`, picking one of `failures` (seeded, so runs repeat). */
  failRandomly(rate: number, failures: Failure[], seed = 1): void {
    // mulberry32: consecutive draws are independent (an LCG's are not: the draw after a "fail"
    // draw below `rate` fell in a narrow band, so some failures in the list were never picked).
    let s = seed >>> 0;
    const rand = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
    this.randomFailures = rate > 0 ? { rate, failures, rand } : null;
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.queued.clear();
    this.randomFailures = null;
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const type = (req.headers['content-type'] ?? '').split(';')[0];
    let args: Record<string, unknown> = {};
    if (type === 'application/json') args = raw ? JSON.parse(raw) : {};
    else {
      for (const [k, v] of new URLSearchParams(raw)) {
        // WebClient sends nested values (blocks, view) as JSON strings inside the form.
        args[k] = /^[[{]/.test(v) ? safeJson(v) : v;
      }
    }
    const auth = req.headers.authorization;
    const call: SlackCall = {
      method,
      args,
      ...(auth ? { token: auth.replace(/^Bearer /, '') } : {}),
      at: Date.now(),
    };
    this.calls.push(call);
    const failure = this.pickFailure(method);
    if (failure && failure !== 'pass') {
      call.failed = true;
      if ('status' in failure && failure.status === 429) {
        res.writeHead(429, {
          'content-type': 'application/json; charset=utf-8',
          'retry-after': String(failure.retryAfter),
        });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      if ('status' in failure) {
        res.writeHead(failure.status, { 'content-type': 'text/plain' });
        res.end('upstream error');
        return;
      }
      return this.reply(res, { ok: false, error: failure.error });
    }
    this.reply(res, this.answer(method, args));
  }

  private pickFailure(method: string): Failure | undefined {
    const queue = this.queued.get(method);
    if (queue && queue.length > 0) return queue.shift();
    if (this.randomFailures && this.randomFailures.rand() < this.randomFailures.rate) {
      const { failures, rand } = this.randomFailures;
      return failures[Math.floor(rand() * failures.length)];
    }
    return undefined;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const example = structuredClone(EXAMPLES[method]?.['200'] ?? { ok: true });
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
    switch (method) {
      case 'users.lookupByEmail': {
        const id = this.users.get(String(args.email).toLowerCase());
        if (!id) return { ok: false, error: 'users_not_found' };
        const user = example.user as Record<string, unknown>;
        return {
          ...example,
          user: { ...user, id, profile: { ...(user.profile as object), email: args.email } },
        };
      }
      case 'users.info': {
        const email = [...this.users].find(([, id]) => id === args.user)?.[0];
        if (!email) return { ok: false, error: 'user_not_found' };
        const user = (example.user ?? {}) as Record<string, unknown>;
        return {
          ...example,
          ok: true,
          user: { ...user, id: args.user, profile: { ...((user.profile as object) ?? {}), email } },
        };
      }
      case 'conversations.open':
        return { ...example, channel: { id: `D${String(args.users ?? 'X').replace(/\W/g, '')}` } };
      case 'chat.postMessage':
        return {
          ...example,
          channel: args.channel,
          ts,
          message: { ...(example.message as object), text: args.text, ts },
        };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'chat.update':
        return { ...example, channel: args.channel, ts: args.ts, text: args.text };
      default:
        return example;
    }
  }

  private reply(res: import('node:http').ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Signs a request body exactly as Slack does (v0, HMAC-SHA256 over "v0:<ts>:<body>"). */
export function slackSignature(secret: string, body: string, ts: number): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

/** POSTs to /slack/events signed with `secret` (form bodies for interactivity and commands, JSON for events). */
export async function postToSlackEndpoint(
  url: string,
  secret: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  ts = Math.floor(Date.now() / 1000),
) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(secret, body, ts),
    },
    body,
  });
}

/** An interactivity body: `payload=<url-encoded JSON>`, as Slack sends it. */
export function interactivityBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
