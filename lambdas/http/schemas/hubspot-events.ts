import { z } from 'zod';
import type { HubSpotEventEntry } from '../../core/crm-ports.js';
import { ValidationError } from '../../core/errors.js';

/** More events than this in one request is not a HubSpot batch. */
export const MAX_HUBSPOT_EVENTS = 1000;

const numericId = z
  .union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/)])
  .transform(String);

/** One webhook event (HubSpot sends more fields; only these are read). */
const eventSchema = z.looseObject({
  eventId: numericId,
  subscriptionType: z.string().min(1).max(100),
  portalId: numericId,
  objectId: numericId.optional(),
  objectTypeId: z.string().max(20).optional(),
  occurredAt: z.number().int().nonnegative().optional(),
});

/**
 * POST /v1/webhooks/hubspot: a JSON array of events. A body that is not an array is a 400; an
 * event that does not fit is reported as invalid by index, so the others are still handled.
 */
export function parseHubSpotEvents(body: unknown): HubSpotEventEntry[] {
  if (!Array.isArray(body)) {
    throw new ValidationError('body: invalid input', [
      { path: '(root)', message: 'expected an array of events' },
    ]);
  }
  if (body.length > MAX_HUBSPOT_EVENTS) {
    throw new ValidationError(`at most ${MAX_HUBSPOT_EVENTS} events per request`, [
      { path: '(root)', message: `${body.length} events` },
    ]);
  }
  return body.map((raw, index): HubSpotEventEntry => {
    const parsed = eventSchema.safeParse(raw);
    if (parsed.success) {
      const e = parsed.data;
      return {
        index,
        status: 'ok',
        event: {
          eventId: e.eventId,
          subscriptionType: e.subscriptionType,
          portalId: e.portalId,
          ...(e.objectId !== undefined ? { objectId: e.objectId } : {}),
          ...(e.objectTypeId !== undefined ? { objectTypeId: e.objectTypeId } : {}),
          ...(e.occurredAt !== undefined ? { occurredAt: e.occurredAt } : {}),
        },
      };
    }
    const eventId = (raw as { eventId?: unknown } | null)?.eventId;
    return {
      index,
      status: 'invalid',
      ...(typeof eventId === 'number' || typeof eventId === 'string'
        ? { eventId: String(eventId).slice(0, 40) }
        : {}),
      problem: parsed.error.issues
        .map((i) => `${i.path.map(String).join('.') || '(event)'}: ${i.message}`)
        .join('; '),
    };
  });
}
