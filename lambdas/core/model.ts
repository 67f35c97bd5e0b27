import type { CategoryId, Severity } from './categories.js';

export const SOURCES = ['salesforce', 'hubspot', 'custom'] as const;
export type Source = (typeof SOURCES)[number];
export const NOTE_KINDS = ['note', 'lead', 'task'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** open: awaiting action; pending: rep says fixed, next delivery confirms; the rest are resolved. */
export const FINDING_STATUSES = ['open', 'pending', 'dismissed', 'redacted', 'fixed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const RESOLVED: ReadonlySet<FindingStatus> = new Set(['dismissed', 'redacted', 'fixed']);

/** A note or lead as a CRM delivered it, after the adapter parsed its wire format. */
export interface IncomingNote {
  source: Source;
  /** Salesforce org id, HubSpot portal id; "default" for the generic webhook. */
  orgId: string;
  recordId: string;
  kind: NoteKind;
  ownerEmail?: string;
  ownerName?: string;
  /** CRM owner id when the email is not known yet (Salesforce OwnerId). */
  ownerId?: string;
  parentId?: string;
  title?: string;
  url?: string;
  /** ISO 8601; an older delivery than the stored one changes nothing. */
  updatedAt: string;
  body?: string;
  fields?: Record<string, string>;
}

export interface StoredNote {
  noteId: string;
  source: Source;
  orgId: string;
  recordId: string;
  kind: NoteKind;
  ownerEmail?: string;
  ownerName?: string;
  ownerId?: string;
  parentId?: string;
  title?: string;
  url?: string;
  updatedAt: string;
  receivedAt: string;
  /** Bumped on every stored change; writes are conditional on it (optimistic concurrency). */
  rev: number;
  /** open: has open/pending findings; clean: none found; resolved: all findings resolved. */
  status: 'open' | 'clean' | 'resolved';
  openFindings: number;
  /** Text with [REDACTED:category] placeholders, once a manager or the rep redacted it. */
  redactedBody?: string;
  redactedFields?: Record<string, string>;
  /** Findings beyond the per-note storage cap (not stored; the nudge says so). */
  droppedFindings: number;
}

/** What review needs of the raw text; deleted once findings are resolved, or by TTL. */
export interface RawNote {
  noteId: string;
  body?: string;
  fields?: Record<string, string>;
  expiresAt: number;
}

export interface StoredFinding {
  findingId: string;
  noteId: string;
  category: CategoryId;
  start: number;
  end: number;
  field?: string;
  severity: Severity;
  confidence: number;
  ruleId: string;
  message: string;
  suggestion: string;
  /** The masked span with a little context: never the raw flagged text. */
  preview: string;
  status: FindingStatus;
  ownerEmail?: string;
  createdAt: string;
  updatedAt: string;
  /** Who resolved it, and why (dismiss reason). */
  resolvedBy?: string;
  reason?: string;
  /** The rep said "not sensitive": who, why, when. Goes to manager review. */
  dispute?: { by: string; reason: string; at: string };
}

/** Where the bot told people about a note, kept apart from the note so it never races ingest. */
export interface SlackState {
  noteId: string;
  /** The note revision whose nudge was claimed (sent or being sent): never sent twice. */
  claimedRev: number;
  /** The rep's DM, for chat.update when the note changes. */
  dm?: { channel: string; ts: string };
  /** The review-channel post. */
  review?: { channel: string; ts: string };
  /** A permanent Slack error (invalid_auth, channel_not_found…) recorded instead of retrying forever. */
  failure?: { error: string; at: string };
}

export type Channel = 'api' | 'slack' | 'crm' | 'system';

export interface AuditEvent {
  noteId: string;
  at: string;
  actor: string;
  action:
    | 'ingested'
    | 'updated'
    | 'dismissed'
    | 'redacted'
    | 'fixed'
    | 'pending'
    | 'disputed'
    | 'nudged'
    | 'nudge_failed';
  channel: Channel;
  findingIds?: string[];
  detail?: string;
}

/** Per-organisation classifier settings, read on every scan. */
export interface OrgSettings {
  orgId: string;
  allowList: string[];
  disabledCategories: CategoryId[];
  severityOverrides: Partial<Record<CategoryId, Severity>>;
  managers: string[];
}

export interface NudgeJob {
  noteId: string;
  rev: number;
}
