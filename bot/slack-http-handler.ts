import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AwsLambdaReceiver } from '@slack/bolt';
import type { Logger } from '../lambdas/core/log.js';
import type { NoteRepository } from '../lambdas/core/ports.js';
import type { HttpEvent, HttpHandler, HttpResult } from '../lambdas/http/http-types.js';
import { header, rawBody } from '../lambdas/http/request.js';
import { json } from '../lambdas/http/respond.js';

const WINDOW_SECONDS = 300;

/** Slack's v0 signature over the exact body bytes, constant-time compared. */
export function verifySlackSignature(
  secret: string,
  body: string,
  ts: string | undefined,
  signature: string | undefined,
  nowSeconds: number,
): string | null {
  if (!ts || !signature || !/^\d{1,12}$/.test(ts))
    return 'missing or malformed X-Slack-Request-Timestamp / X-Slack-Signature';
  if (Math.abs(nowSeconds - Number(ts)) > WINDOW_SECONDS) return 'stale X-Slack-Request-Timestamp';
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return 'X-Slack-Signature does not match';
  return null;
}

/**
 * POST /slack/events (events, interactivity and the slash command on one URL) in front of Bolt's
 * AwsLambdaReceiver. We verify the signature ourselves first — stale either way, replayed, or
 * wrong → 401 and Bolt never runs — and hand Bolt the body decoded as UTF-8: its own base64 path
 * decodes as ASCII, which breaks the signature and text of any note with é, ü or emoji
 * (../shared/fixtures/slack-sdk-behaviour.notes.md).
 */
export function createSlackHttpHandler(
  receiver: AwsLambdaReceiver,
  opts: { signingSecret: string; repo: NoteRepository; logger: Logger; nowSeconds?: () => number },
): HttpHandler {
  const bolt = receiver.toHandler();
  const now = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return async (event: HttpEvent): Promise<HttpResult> => {
    let text: string;
    try {
      text = rawBody(event).text;
    } catch (err) {
      const e = err as { status?: number; message?: string };
      return json(e.status ?? 400, { error: 'BadRequest', message: e.message ?? 'bad body' });
    }
    const ts = header(event, 'x-slack-request-timestamp');
    const signature = header(event, 'x-slack-signature');
    const problem = verifySlackSignature(opts.signingSecret, text, ts, signature, now());
    if (problem) {
      // Slack's own SSL probe for slash commands is unsigned; it gets an empty 200 and nothing else.
      if (/(^|&)ssl_check=1(&|$)/.test(text) && !signature) return { statusCode: 200, headers: {}, body: '' };
      return json(401, { error: 'UnauthorizedError', message: problem });
    }
    if (!(await opts.repo.claimNonce(`slack:${signature}`, 2 * WINDOW_SECONDS))) {
      return json(401, {
        error: 'UnauthorizedError',
        message: 'this Slack request was already received (replay)',
      });
    }
    const type = (header(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const headers = { ...event.headers, 'content-type': type };
    try {
      const result = await bolt(
        { ...event, headers, body: text, isBase64Encoded: false } as never,
        {} as never,
      );
      const r = result as { statusCode: number; headers?: Record<string, string>; body?: string };
      return {
        statusCode: r.statusCode,
        headers: (r.headers as Record<string, string>) ?? {},
        body: r.body ?? '',
      };
    } catch (err) {
      // Bolt throws on a body it cannot parse (after our signature check passed).
      opts.logger.warn('Slack request could not be processed', { error: (err as Error).name });
      return json(400, { error: 'BadRequest', message: 'the Slack request body could not be parsed' });
    }
  };
}
