import type { IncomingNote } from './model.js';

/** Ports to the CRMs' REST APIs used while ingesting their webhooks (adapters in lambdas/adapters/crm/). */

export interface CrmUser {
  email: string;
  name?: string;
}

/**
 * Resolves a Salesforce User id (a record's OwnerId) to the user's email. Outbound Messages carry
 * only the id; the lookup uses the session the message came with.
 */
export interface SalesforceUserDirectory {
  /**
   * null: no such user (or it has no email). Throws UnavailableError when the lookup could not be
   * made (no answer, expired session, disallowed instance): callers fall back, never block on it.
   */
  findUser(request: { instanceUrl: string; sessionId: string; userId: string }): Promise<CrmUser | null>;
}

export interface HubSpotNote {
  id: string;
  /** hs_note_body converted from HTML to plain text ('' when the note has no body). */
  text: string;
  ownerId?: string;
  /** ISO 8601 (hs_lastmodifieddate). */
  updatedAt?: string;
}

/** The HubSpot CRM API: a webhook carries only ids, so the note and its owner are fetched. */
export interface HubSpotCrm {
  /** null: the note no longer exists. Throws UnavailableError when HubSpot cannot answer now. */
  getNote(noteId: string): Promise<HubSpotNote | null>;
  /** null: no such owner (or no email). Throws UnavailableError when HubSpot cannot answer now. */
  getOwner(ownerId: string): Promise<CrmUser | null>;
}

// Salesforce Outbound Messaging, as the adapter parsed it (lambdas/adapters/crm/salesforce-outbound-message.ts).

/** A Salesforce id: 15 characters (case-sensitive) or 18 (with the case-insensitive suffix). */
export const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Whether two Salesforce ids name the same record: equal, or equal in their 15-character form. */
export function sameSalesforceId(a: string, b: string): boolean {
  if (!SALESFORCE_ID.test(a) || !SALESFORCE_ID.test(b)) return false;
  if (a.length === b.length) return a === b;
  return a.slice(0, 15) === b.slice(0, 15);
}

export type OutboundNotification =
  /** Parsed: the note to scan; `note.ownerId` is set when the record has an OwnerId. */
  | { index: number; status: 'ok'; notificationId: string; objectType: string; note: IncomingNote }
  /** Acknowledged without storing: an object NoteGuard does not scan, or a record deleted before delivery. */
  | { index: number; status: 'skipped'; notificationId: string; objectType?: string; reason: string }
  /** Cannot be stored as sent; `problem` says why (no note text is quoted). */
  | { index: number; status: 'invalid'; notificationId?: string; problem: string };

export interface OutboundMessage {
  organizationId: string;
  actionId?: string;
  /** Absent when the outbound message is not set to send a session id. */
  sessionId?: string;
  partnerUrl?: string;
  /** https://<instance> from PartnerUrl: REST calls and record links use it. */
  instanceUrl?: string;
  notifications: OutboundNotification[];
}

// HubSpot webhooks, after the handler validated the JSON array (lambdas/http/schemas/hubspot-events.ts).

export interface HubSpotEvent {
  eventId: string;
  subscriptionType: string;
  portalId: string;
  objectId?: string;
  /** Generic webhooks: the object type in raw form ("0-1" contacts; notes are believed to be "0-46"). */
  objectTypeId?: string;
  /** Epoch milliseconds. */
  occurredAt?: number;
}

export type HubSpotEventEntry =
  | { index: number; status: 'ok'; event: HubSpotEvent }
  | { index: number; status: 'invalid'; eventId?: string; problem: string };
