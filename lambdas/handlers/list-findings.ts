import { z } from 'zod';
import { CATEGORY_IDS } from '../core/categories.js';
import { ValidationError } from '../core/errors.js';
import { FINDING_STATUSES } from '../core/model.js';
import { requireBearer } from '../http/bearer.js';
import { type HandlerContext, handle } from '../http/handler-context.js';
import type { HttpHandler } from '../http/http-types.js';
import { presentFinding } from '../http/present.js';
import { json } from '../http/respond.js';

const querySchema = z
  .object({
    status: z.enum(FINDING_STATUSES).optional(),
    owner: z.email().optional(),
    category: z.enum(CATEGORY_IDS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

/** GET /v1/findings?status=open&owner=…&category=…&limit=…&cursor=…: the review queue, most severe and newest first. */
export function listFindingsHandler(ctx: HandlerContext): HttpHandler {
  return handle(ctx, 'GET /v1/findings', async (event) => {
    requireBearer(event, ctx.config.apiTokens);
    const parsed = querySchema.safeParse(event.queryStringParameters ?? {});
    if (!parsed.success) throw ValidationError.fromZod('query', parsed.error);
    const q = parsed.data;
    const page = await ctx.deps.repo.listFindings({
      limit: q.limit,
      ...(q.status ? { status: q.status } : {}),
      ...(q.owner ? { ownerEmail: q.owner } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    return json(200, {
      findings: page.items.map(presentFinding),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
  });
}
