import { findingJson } from '../classifier/finding-json.js';
import { ValidationError } from '../core/errors.js';
import { type HandlerContext, handle } from '../http/handler-context.js';
import type { HttpHandler } from '../http/http-types.js';
import { header, jsonBody, rawBody, requireContentType } from '../http/request.js';
import { json } from '../http/respond.js';
import { scanRequestSchema } from '../http/schemas/note-webhook.js';
import { SIGNATURE_HEADER, verifyWebhook } from '../http/webhook-signature.js';
import { scanPreview } from '../usecases/scan-preview.js';

/** POST /v1/scan: a signed dry run for a CRM page or flow; stores nothing. */
export function postScanHandler(ctx: HandlerContext): HttpHandler {
  return handle(ctx, 'POST /v1/scan', async (event) => {
    const { bytes, text } = rawBody(event);
    verifyWebhook(ctx.config.webhookSecrets, header(event, SIGNATURE_HEADER), bytes, ctx.config.nowSeconds());
    requireContentType(event, ['application/json']);
    const parsed = scanRequestSchema.safeParse(jsonBody(text));
    if (!parsed.success) throw ValidationError.fromZod('body', parsed.error);
    const { body, fields, orgId } = parsed.data;
    const preview = await scanPreview(ctx.deps, {
      orgId: orgId ?? 'default',
      ...(body !== undefined ? { body } : {}),
      ...(fields ? { fields } : {}),
    });
    return json(200, {
      findings: preview.findings.map(findingJson),
      ...(preview.redactedBody !== undefined ? { redactedBody: preview.redactedBody } : {}),
      ...(preview.redactedFields ? { redactedFields: preview.redactedFields } : {}),
    });
  });
}
