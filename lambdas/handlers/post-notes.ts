import { randomUUID } from 'node:crypto';
import { ReplayError, ValidationError } from '../core/errors.js';
import { type HandlerContext, handle } from '../http/handler-context.js';
import type { HttpHandler } from '../http/http-types.js';
import { presentFinding } from '../http/present.js';
import { header, jsonBody, rawBody, requireContentType } from '../http/request.js';
import { json } from '../http/respond.js';
import { noteWebhookSchema } from '../http/schemas/note-webhook.js';
import { SIGNATURE_HEADER, TOLERANCE_SECONDS, verifyWebhook } from '../http/webhook-signature.js';
import { ingestNote } from '../usecases/ingest-note.js';

/** POST /v1/notes: the generic, signed CRM webhook. */
export function postNotesHandler(ctx: HandlerContext): HttpHandler {
  return handle(ctx, 'POST /v1/notes', async (event) => {
    const { bytes, text } = rawBody(event);
    const signature = verifyWebhook(
      ctx.config.webhookSecrets,
      header(event, SIGNATURE_HEADER),
      bytes,
      ctx.config.nowSeconds(),
    );
    requireContentType(event, ['application/json']);
    const parsed = noteWebhookSchema.safeParse(jsonBody(text));
    if (!parsed.success) throw ValidationError.fromZod('body', parsed.error);
    // A signed request is good once: the same verified signature again within the window is a
    // replay (ReplayError, 401), however the header is spelled.
    const nonce = { value: `sig:${signature}`, ttlSeconds: 2 * TOLERANCE_SECONDS, owner: randomUUID() };
    const { orgId, ...note } = parsed.data;
    try {
      const result = await ingestNote(ctx.deps, { ...note, orgId: orgId ?? 'default' }, { nonce });
      return json(result.outcome === 'stored' ? 201 : 200, {
        noteId: result.noteId,
        outcome: result.outcome,
        findings: result.findings.map(presentFinding),
      });
    } catch (err) {
      // Let the CRM retry the same signed request: this request's claim, if it made one, is
      // released; a replay's claim belongs to the original and stays.
      if (!(err instanceof ReplayError)) {
        await ctx.deps.repo.releaseNonce(nonce.value, nonce.owner).catch(() => {});
      }
      throw err;
    }
  });
}
