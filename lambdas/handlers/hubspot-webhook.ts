import { hubspotClientFor } from '../adapters/crm/hubspot-crm-client.js';
import { UnavailableError, ValidationError } from '../core/errors.js';
import { logNotStored } from '../core/log.js';
import type { ApiConfig } from '../http/api-config.js';
import { type HandlerContext, handle } from '../http/handler-context.js';
import type { HttpEvent, HttpHandler } from '../http/http-types.js';
import {
  HUBSPOT_SIGNATURE_HEADER,
  HUBSPOT_TIMESTAMP_HEADER,
  verifyHubSpotV3,
} from '../http/hubspot-signature.js';
import { header, jsonBody, rawBody, requireContentType } from '../http/request.js';
import { json } from '../http/respond.js';
import { parseHubSpotEvents } from '../http/schemas/hubspot-events.js';
import { ingestHubSpotEvents } from '../usecases/ingest-hubspot-events.js';

const ROUTE = 'POST /v1/webhooks/hubspot';

/** The URL HubSpot signed: the configured one, else this request's https URL. */
function signedUri(event: HttpEvent, config: ApiConfig): string {
  if (config.hubspot.webhookUrl) return config.hubspot.webhookUrl;
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  return `https://${event.requestContext.domainName}${event.rawPath}${query}`;
}

/**
 * POST /v1/webhooks/hubspot: HubSpot webhooks (signature v3). Note events are fetched through the
 * CRM API, converted from HTML and stored once per event id; other events are acknowledged.
 */
export function hubspotWebhookHandler(ctx: HandlerContext): HttpHandler {
  const hubspot = ctx.crm?.hubspot !== undefined ? ctx.crm.hubspot : hubspotClientFor(ctx.config.hubspot);
  return handle(ctx, ROUTE, async (event) => {
    const { bytes, text } = rawBody(event);
    verifyHubSpotV3(
      ctx.config.hubspot.clientSecret,
      header(event, HUBSPOT_SIGNATURE_HEADER),
      {
        method: event.requestContext.http.method,
        uri: signedUri(event, ctx.config),
        body: bytes,
        timestamp: header(event, HUBSPOT_TIMESTAMP_HEADER) ?? '',
      },
      ctx.config.nowSeconds() * 1000,
    );
    requireContentType(event, ['application/json']);
    const entries = parseHubSpotEvents(jsonBody(text));
    const results = await ingestHubSpotEvents(ctx.deps, hubspot, entries);
    const failed = results.flatMap((r) => (r.status === 'failed' ? [r] : []));
    const invalid = results.flatMap((r) => (r.status === 'invalid' ? [r] : []));
    ctx.deps.logger.info('hubspot events', {
      events: results.length,
      ignored: results.filter((r) => r.status === 'ignored').length,
      invalid: invalid.length,
      failed: failed.length,
    });
    if (failed.length > 0) {
      logNotStored(
        ctx.deps.logger,
        'hubspot event not stored',
        failed.map((f) => ({ ids: { eventId: f.eventId, index: f.index }, error: f.error })),
      );
      throw new UnavailableError(
        `${failed.length} of ${results.length} events could not be handled now (index ${failed
          .map((f) => f.index)
          .join(', ')}); the others were. HubSpot retries; handled events are not stored twice`,
      );
    }
    if (invalid.length > 0) {
      throw new ValidationError(
        `${invalid.length} of ${results.length} events are not valid; the others were handled`,
        invalid.map((r) => ({
          path: `[${r.index}]`,
          message: `${r.eventId ? `eventId ${r.eventId}: ` : ''}${r.problem}`,
        })),
      );
    }
    return json(200, {
      results: results.map((r) => ({
        eventId: r.eventId,
        status: r.status,
        ...('noteId' in r ? { noteId: r.noteId, findings: r.findings } : {}),
      })),
    });
  });
}
