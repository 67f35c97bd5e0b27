import { z } from 'zod';
import { ValidationError } from '../core/errors.js';
import { requireBearer } from '../http/bearer.js';
import { type HandlerContext, handle } from '../http/handler-context.js';
import type { HttpHandler } from '../http/http-types.js';
import { presentFinding } from '../http/present.js';
import { jsonBody, rawBody, requireContentType } from '../http/request.js';
import { json } from '../http/respond.js';
import { dismissFinding } from '../usecases/dismiss-finding.js';

const bodySchema = z
  .object({ reason: z.string().trim().min(1).max(500), allowList: z.boolean().default(false) })
  .strict();

/** POST /v1/findings/{id}/dismiss {reason, allowList?}: a false positive, optionally allow-listed for the organisation. */
export function dismissFindingHandler(ctx: HandlerContext): HttpHandler {
  return handle(ctx, 'POST /v1/findings/{id}/dismiss', async (event) => {
    const { actor } = requireBearer(event, ctx.config.apiTokens);
    requireContentType(event, ['application/json']);
    const parsed = bodySchema.safeParse(jsonBody(rawBody(event).text));
    if (!parsed.success) throw ValidationError.fromZod('body', parsed.error);
    const result = await dismissFinding(ctx.deps, event.pathParameters?.id ?? '', {
      actor,
      channel: 'api',
      ...parsed.data,
    });
    return json(200, {
      finding: presentFinding(result.finding),
      ...(result.allowListed ? { allowListed: result.allowListed } : {}),
    });
  });
}
