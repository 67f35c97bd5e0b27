import type { CategoryId } from './categories.js';
import type {
  AuditEvent,
  FindingStatus,
  NudgeJob,
  OrgSettings,
  RawNote,
  SlackState,
  StoredFinding,
  StoredNote,
} from './model.js';

/** A one-time value (a webhook signature), remembered for `ttlSeconds`. */
export interface Nonce {
  value: string;
  ttlSeconds: number;
  /** Who claimed it (one id per request), so a failed request releases its own claim and no other. */
  owner: string;
}

/**
 * Everything that must be written together for one note: the store applies it atomically, on
 * condition that the note's revision is still `expectedRev` (null = the note must not exist yet).
 */
export interface NoteCommit {
  expectedRev: number | null;
  note: StoredNote;
  /** Put the raw text (with its TTL), delete it, or leave it. */
  raw: { put: RawNote } | 'delete' | 'keep';
  /** New or changed findings (unchanged ones are not rewritten). */
  findings: StoredFinding[];
  audit: AuditEvent[];
  /** Webhook delivery id; the commit fails with DuplicateDeliveryError if it was already claimed. */
  deliveryId?: string;
  /** Claimed with the commit, which fails with ReplayError if it is already claimed. */
  nonce?: Nonce;
  /** Records a nudge to send, cleared once the queue accepted it (an outbox, so no nudge is lost). */
  outbox?: NudgeJob;
  /** Settings changes that must land with this commit (allow-listing a dismissed phrase). */
  settings?: OrgSettings;
}

export interface FindingQuery {
  status?: FindingStatus;
  ownerEmail?: string;
  category?: CategoryId;
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface NoteRepository {
  getNote(noteId: string): Promise<{ note: StoredNote; findings: StoredFinding[] } | null>;
  getRaw(noteId: string): Promise<RawNote | null>;
  /** Applies the commit atomically; WriteConflictError if the revision moved, DuplicateDeliveryError if the delivery was seen. */
  commit(commit: NoteCommit): Promise<void>;
  /** Was this delivery id already stored (a cheap pre-check before classifying)? */
  wasDelivered(deliveryId: string): Promise<boolean>;
  listFindings(query: FindingQuery): Promise<Page<StoredFinding>>;
  listAudit(noteId: string): Promise<AuditEvent[]>;
  getSettings(orgId: string): Promise<OrgSettings | null>;
  putSettings(settings: OrgSettings): Promise<void>;
  /** Records a one-time value (a webhook signature) for `ttlSeconds`; false if it was already recorded. */
  claimNonce(nonce: string, ttlSeconds: number, owner?: string): Promise<boolean>;
  /** Forgets a claimed value; with `owner`, only if that owner claimed it. */
  releaseNonce(nonce: string, owner?: string): Promise<void>;
  getSlackState(noteId: string): Promise<SlackState | null>;
  /** Claims the nudge for `rev` (true) unless that revision or a later one was already claimed (false). */
  claimNudge(noteId: string, rev: number): Promise<boolean>;
  /** Gives a claim back after a transient failure, so the queue's retry can send it. */
  releaseNudge(noteId: string, rev: number): Promise<void>;
  saveSlackState(state: SlackState): Promise<void>;
  addAudit(event: AuditEvent): Promise<void>;
  /** Cached Slack user id for an email (null = known not to be on Slack); undefined = not cached. */
  getCachedSlackUser(email: string): Promise<string | null | undefined>;
  cacheSlackUser(email: string, userId: string | null, ttlSeconds: number): Promise<void>;
  /** Nudges recorded but not yet accepted by the queue (crash recovery). */
  listOutbox(limit: number): Promise<NudgeJob[]>;
  clearOutbox(job: NudgeJob): Promise<void>;
}

export interface NudgeQueue {
  enqueue(job: NudgeJob): Promise<void>;
}

/** Writes a redacted note back to the CRM (Salesforce REST; a no-op when not configured). */
export interface CrmWriter {
  readonly name: string;
  writeBack(
    note: StoredNote,
    redacted: { body?: string; fields?: Record<string, string> },
  ): Promise<'written' | 'skipped'>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
