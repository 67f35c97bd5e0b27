import type { CrmUser, HubSpotCrm, HubSpotEvent, HubSpotEventEntry, HubSpotNote } from '../core/crm-ports.js';
import { UnavailableError, ValidationError } from '../core/errors.js';
import { errorFields } from '../core/log.js';
import type { UseCaseDeps } from './deps.js';
import { noteIdFor } from './ids.js';
import { type IngestResult, ingestNote } from './ingest-note.js';
import { settleLimited } from './settle-limited.js';

/** Generic webhooks' objectTypeId for notes (believed "0-46"; not confirmed in HubSpot's docs). */
export const HUBSPOT_NOTE_TYPE_ID = '0-46';
/** Note events whose current text is worth scanning; deletion, merge and association changes are not. */
const NOTE_SUBSCRIPTIONS = new Set(['object.creation', 'object.propertyChange', 'object.restore']);

export function isNoteEvent(e: HubSpotEvent): boolean {
  return e.objectTypeId === HUBSPOT_NOTE_TYPE_ID && NOTE_SUBSCRIPTIONS.has(e.subscriptionType);
}

export const hubspotDeliveryId = (eventId: string) => `hubspot:${eventId}`;

export type HubSpotEventResult =
  | { index: number; eventId: string; status: IngestResult['outcome']; noteId: string; findings: number }
  /** Not a note event: acknowledged and ignored. */
  | { index: number; eventId: string; status: 'ignored' }
  /** The note was deleted before we could fetch it. */
  | { index: number; eventId: string; status: 'gone' }
  | { index: number; eventId?: string; status: 'invalid'; problem: string }
  | { index: number; eventId: string; status: 'failed'; error: unknown };

/** HubSpot gives a webhook request 5 seconds; notes are fetched and stored a few at a time. */
const CONCURRENCY = 5;

/**
 * Stores the note of every note event in a HubSpot webhook batch, fetched from the CRM API (a
 * webhook carries only ids), each once per event id. Other events are acknowledged and ignored.
 * `hubspot` is null when no API token is configured: note events then fail (retryable).
 */
export async function ingestHubSpotEvents(
  deps: UseCaseDeps,
  hubspot: HubSpotCrm | null,
  entries: readonly HubSpotEventEntry[],
): Promise<HubSpotEventResult[]> {
  // Several events of one batch often name the same note (creation, then an edit): fetch it once.
  const notes = new Map<string, Promise<HubSpotNote | null>>();
  const owners = new Map<string, Promise<CrmUser | undefined>>();
  const noteOf = (api: HubSpotCrm, id: string) => {
    let hit = notes.get(id);
    if (!hit) {
      hit = api.getNote(id);
      notes.set(id, hit);
    }
    return hit;
  };
  const ownerOf = (api: HubSpotCrm, id: string) => {
    let hit = owners.get(id);
    if (!hit) {
      hit = api.getOwner(id).then(
        (user) => user ?? undefined,
        (err) => {
          // An unknown owner never blocks storage.
          deps.logger.warn('hubspot owner lookup failed', { ownerId: id, ...errorFields(err) });
          return undefined;
        },
      );
      owners.set(id, hit);
    }
    return hit;
  };

  const settled = await settleLimited(entries, CONCURRENCY, async (entry): Promise<HubSpotEventResult> => {
    if (entry.status === 'invalid') return entry;
    const { event, index } = entry;
    const base = { index, eventId: event.eventId };
    if (!isNoteEvent(event)) return { ...base, status: 'ignored' };
    if (!event.objectId) return { ...base, status: 'invalid', problem: 'a note event needs objectId' };
    const deliveryId = hubspotDeliveryId(event.eventId);
    const noteId = noteIdFor('hubspot', event.portalId, event.objectId);
    try {
      if (await deps.repo.wasDelivered(deliveryId))
        return { ...base, status: 'duplicate', noteId, findings: 0 };
      if (!hubspot) throw new UnavailableError('no HubSpot API token is configured to fetch notes');
      const note = await noteOf(hubspot, event.objectId);
      if (!note) return { ...base, status: 'gone' };
      const owner = note.ownerId ? await ownerOf(hubspot, note.ownerId) : undefined;
      const result = await ingestNote(
        deps,
        {
          source: 'hubspot',
          orgId: event.portalId,
          recordId: event.objectId,
          kind: 'note',
          ...(note.ownerId ? { ownerId: note.ownerId } : {}),
          ...(owner ? { ownerEmail: owner.email } : {}),
          ...(owner?.name ? { ownerName: owner.name } : {}),
          updatedAt:
            note.updatedAt ??
            (event.occurredAt !== undefined
              ? new Date(event.occurredAt).toISOString()
              : deps.clock.now().toISOString()),
          body: note.text,
        },
        { deliveryId, actor: 'hubspot' },
      );
      return { ...base, status: result.outcome, noteId: result.noteId, findings: result.findings.length };
    } catch (err) {
      if (err instanceof ValidationError) return { ...base, status: 'invalid', problem: err.message };
      return { ...base, status: 'failed', error: err };
    }
  });
  return settled.map((s, i) =>
    s.status === 'fulfilled'
      ? s.value
      : { index: i, eventId: '', status: 'failed' as const, error: s.reason },
  );
}
