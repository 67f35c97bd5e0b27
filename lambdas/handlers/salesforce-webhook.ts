import { parseOutboundMessage } from '../adapters/crm/salesforce-outbound-message.js';
import { SalesforceRestUserDirectory } from '../adapters/crm/salesforce-user-directory.js';
import { sameSalesforceId } from '../core/crm-ports.js';
import { ForbiddenError, UnauthorizedError, UnavailableError, ValidationError } from '../core/errors.js';
import { logNotStored } from '../core/log.js';
import { errorToSoapFault } from '../http/errors-to-http.js';
import { type HandlerContext, handle } from '../http/handler-context.js';
import type { HttpHandler } from '../http/http-types.js';
import { rawBody, requireContentType } from '../http/request.js';
import { xml } from '../http/respond.js';
import { SALESFORCE_ACK } from '../http/salesforce-soap.js';
import { secretsEqual } from '../http/webhook-signature.js';
import { ingestSalesforceMessage } from '../usecases/ingest-salesforce-message.js';

const ROUTE = 'POST /v1/webhooks/salesforce/{token}';

/**
 * POST /v1/webhooks/salesforce/{token}: Salesforce Outbound Messaging (SOAP). Outbound messages
 * cannot be signed, so the URL carries a secret token and the message must come from the
 * configured org. The Ack is sent only once every notification is stored; otherwise a SOAP Fault
 * (Salesforce retries the whole message, and the stored notifications dedupe on their ids).
 */
export function salesforceWebhookHandler(ctx: HandlerContext): HttpHandler {
  const directory = ctx.crm?.salesforceUsers ?? new SalesforceRestUserDirectory();
  return handle(
    ctx,
    ROUTE,
    async (event) => {
      const sf = ctx.config.salesforce;
      const token = event.pathParameters?.token ?? '';
      if (!sf.token || !secretsEqual(token, sf.token)) {
        throw new UnauthorizedError('the token in the URL is not valid');
      }
      requireContentType(event, ['text/xml', 'application/xml', 'application/soap+xml']);
      const { text } = rawBody(event);
      const message = parseOutboundMessage(text, ctx.deps.clock.now().toISOString());
      if (!sf.orgId || !sameSalesforceId(message.organizationId, sf.orgId)) {
        throw new ForbiddenError(
          `OrganizationId ${message.organizationId} is not the org this endpoint serves`,
        );
      }
      const results = await ingestSalesforceMessage(
        ctx.deps,
        { directory, ownerEmails: sf.ownerEmails },
        message,
      );
      const total = results.length;
      const stored = results.filter(
        (r) => r.status !== 'skipped' && r.status !== 'invalid' && r.status !== 'failed',
      );
      const failed = results.flatMap((r) => (r.status === 'failed' ? [r] : []));
      const invalid = results.flatMap((r) => (r.status === 'invalid' ? [r] : []));
      ctx.deps.logger.info('salesforce message', {
        orgId: message.organizationId,
        notifications: total,
        stored: stored.length,
        skipped: results.filter((r) => r.status === 'skipped').length,
        invalid: invalid.length,
        failed: failed.length,
      });
      if (failed.length > 0) {
        logNotStored(
          ctx.deps.logger,
          'salesforce notification not stored',
          failed.map((f) => ({ ids: { notificationId: f.notificationId, index: f.index }, error: f.error })),
        );
        throw new UnavailableError(
          `${failed.length} of ${total} notifications could not be stored now (Notification ${failed
            .map((f) => f.index)
            .join(', ')}); ${stored.length} were stored. Not acknowledged: Salesforce retries the message`,
        );
      }
      if (invalid.length > 0) {
        throw new ValidationError(
          `${invalid.length} of ${total} notifications cannot be stored as sent; the other ${stored.length} were stored (a retry does not store them twice). Not acknowledged, so Salesforce keeps the message in its queue`,
          invalid.map((r) => ({
            path: `Notification[${r.index}]`,
            message: `${r.notificationId ? `Id ${r.notificationId}: ` : ''}${r.problem}`,
          })),
        );
      }
      return xml(200, SALESFORCE_ACK);
    },
    errorToSoapFault,
  );
}
