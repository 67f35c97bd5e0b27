import { type HandlerContext, handle } from '../http/handler-context.js';
import type { HttpHandler } from '../http/http-types.js';
import { json } from '../http/respond.js';

/** GET /health: the process is up and the classifier is built (no dependency calls, so it stays cheap). */
export function healthHandler(ctx: HandlerContext): HttpHandler {
  return handle(ctx, 'GET /health', async () => {
    ctx.deps.classifier.scanText('ok');
    return json(200, { status: 'ok' });
  });
}
