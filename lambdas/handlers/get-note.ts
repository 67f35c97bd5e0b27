import { NotFoundError } from '../core/errors.js';
import { requireBearer } from '../http/bearer.js';
import { type HandlerContext, handle } from '../http/handler-context.js';
import type { HttpHandler } from '../http/http-types.js';
import { presentFinding, presentNote } from '../http/present.js';
import { json } from '../http/respond.js';

/** GET /v1/notes/{id}: the note's metadata and findings with masked previews (no raw text). */
export function getNoteHandler(ctx: HandlerContext): HttpHandler {
  return handle(ctx, 'GET /v1/notes/{id}', async (event) => {
    requireBearer(event, ctx.config.apiTokens);
    const id = event.pathParameters?.id ?? '';
    const found = /^n_[A-Za-z0-9_-]{22}$/.test(id) ? await ctx.deps.repo.getNote(id) : null;
    if (!found) throw new NotFoundError(`note ${id} not found`);
    return json(200, { note: presentNote(found.note), findings: found.findings.map(presentFinding) });
  });
}
