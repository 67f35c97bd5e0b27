import { requireBearer } from '../http/bearer.js';
import { type HandlerContext, handle } from '../http/handler-context.js';
import type { HttpHandler } from '../http/http-types.js';
import { presentFinding, presentNote } from '../http/present.js';
import { json } from '../http/respond.js';
import { redactNote } from '../usecases/redact-note.js';

/** POST /v1/notes/{id}/redact: the same use case as the manager's Redact button in Slack. */
export function redactNoteHandler(ctx: HandlerContext): HttpHandler {
  return handle(ctx, 'POST /v1/notes/{id}/redact', async (event) => {
    const { actor } = requireBearer(event, ctx.config.apiTokens);
    const result = await redactNote(ctx.deps, event.pathParameters?.id ?? '', { actor, channel: 'api' });
    return json(200, {
      note: presentNote(result.note),
      redacted: result.redacted.map(presentFinding),
      crm: result.crm,
    });
  });
}
