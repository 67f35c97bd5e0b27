import type { HandlerContext } from '../http/handler-context.js';
import type { HttpEvent, HttpHandler, HttpResult } from '../http/http-types.js';
import { json } from '../http/respond.js';
import { productionContext } from './production.js';

/** A Lambda handler for one route: the same handler function the local server runs. */
export function httpLambda(
  create: (ctx: HandlerContext) => HttpHandler,
): (event: HttpEvent) => Promise<HttpResult> {
  return async (event) => {
    let ctx: HandlerContext;
    try {
      ctx = await productionContext();
    } catch (err) {
      // Misconfiguration or Secrets Manager down: a retryable 503 that names nothing internal.
      console.log(JSON.stringify({ level: 'error', message: 'startup failed', error: (err as Error).name }));
      return json(
        503,
        { error: 'UnavailableError', message: 'service unavailable; retry later' },
        { 'retry-after': '30' },
      );
    }
    return create(ctx)(event);
  };
}
