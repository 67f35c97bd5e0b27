import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoNoteRepository } from '../adapters/dynamodb/dynamo-note-repository.js';
import { gsi, KEYS, TTL_ATTRIBUTE } from '../adapters/dynamodb/table-design.js';
import { UnavailableError } from '../core/errors.js';
import type { AuditEvent, RawNote, StoredFinding, StoredNote } from '../core/model.js';
import { noteIdFor } from '../usecases/ids.js';
import { newStoredFinding } from '../usecases/new-finding.js';
import type { AuditedRecord, AuditStore, StoreStats } from './audit-run.js';

type Item = Record<string, unknown>;

export interface DynamoAuditStoreConfig {
  table: string;
  /** Org id per source: the Salesforce org (as its webhook names it); "default" for the corpus. */
  orgIdFor: (source: AuditedRecord['record']['source']) => string;
  retentionDays: number;
  maxFindingsPerNote: number;
  now: () => Date;
  /** Who the audit trail names. */
  actor?: string;
  /** Records buffered before a batch goes out (the batch write itself is 25 items a request). */
  batchNotes?: number;
}

const GET_BATCH = 100;

/**
 * `--store`: records with findings become the same items the API writes (note, raw text while
 * review needs it, findings with their GSI keys, an `ingested` audit event), so the API and the
 * Slack review queue (open findings, GSI2) read them like any other. Written with BatchWriteItem
 * through the repository's batchPut, which retries unprocessed items with backoff.
 *
 * A note the table already holds is left alone: the live webhook owns it (dismissals, redactions
 * and revisions must not be overwritten by a backlog import). No nudges are queued: a backlog
 * goes to the review queue, not to reps' DMs all at once.
 */
export class DynamoAuditStore implements AuditStore {
  private readonly doc: DynamoDBDocumentClient;
  private pending: AuditedRecord[] = [];
  private readonly counts: StoreStats = { storedNotes: 0, storedFindings: 0, alreadyStored: 0 };

  constructor(
    client: DynamoDBClient,
    private readonly repo: Pick<DynamoNoteRepository, 'batchPut'>,
    private readonly config: DynamoAuditStoreConfig,
    start?: StoreStats,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    if (start) Object.assign(this.counts, start);
  }

  stats(): StoreStats {
    return { ...this.counts };
  }

  async add(r: AuditedRecord): Promise<void> {
    this.pending.push(r);
    if (this.pending.length >= (this.config.batchNotes ?? 100)) await this.flush();
  }

  async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, GET_BATCH);
      const byId = new Map<string, AuditedRecord>();
      for (const r of batch) {
        const noteId = noteIdFor(r.record.source, this.config.orgIdFor(r.record.source), r.record.recordId);
        // The same record twice in one export: the first one wins, as in the table.
        if (byId.has(noteId)) this.counts.alreadyStored++;
        else byId.set(noteId, r);
      }
      const existing = await this.existingNotes([...byId.keys()]);
      const items: Item[] = [];
      for (const [noteId, r] of byId) {
        if (existing.has(noteId)) {
          this.counts.alreadyStored++;
          continue;
        }
        const built = this.itemsFor(noteId, r);
        items.push(...built.items);
        this.counts.storedNotes++;
        this.counts.storedFindings += built.findings;
      }
      if (items.length > 0) await this.repo.batchPut(items);
    }
  }

  /** Which of these notes the table already holds (BatchGetItem, unprocessed keys retried). */
  private async existingNotes(noteIds: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    let keys: Item[] = noteIds.map((id) => KEYS.note(id));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt > 8) throw new UnavailableError('table kept refusing reads');
      const request = new BatchGetCommand({
        RequestItems: { [this.config.table]: { Keys: keys, ProjectionExpression: 'noteId' } },
      });
      const res = await this.doc.send(request).catch((err: unknown) => {
        throw new UnavailableError(`table ${this.config.table} did not answer (${(err as Error).name})`, {
          cause: err,
        });
      });
      for (const item of res.Responses?.[this.config.table] ?? []) found.add(item.noteId as string);
      keys = (res.UnprocessedKeys?.[this.config.table]?.Keys ?? []) as Item[];
      if (keys.length > 0) await new Promise((r) => setTimeout(r, 2 ** attempt * 25));
    }
    return found;
  }

  private itemsFor(noteId: string, r: AuditedRecord): { items: Item[]; findings: number } {
    const { record, owner } = r;
    const now = this.config.now();
    const at = now.toISOString();
    const orgId = this.config.orgIdFor(record.source);
    const kept = r.findings.slice(0, this.config.maxFindingsPerNote);
    const ownerEmail = owner?.email;
    const findings: StoredFinding[] = kept.map((f, i) =>
      newStoredFinding(noteId, i + 1, f, r.previews[i] as string, ownerEmail, at),
    );
    const note: StoredNote = {
      noteId,
      source: record.source,
      orgId,
      recordId: record.recordId,
      kind: record.kind,
      ...(ownerEmail ? { ownerEmail } : {}),
      ...(owner?.name ? { ownerName: owner.name } : {}),
      ...(record.ownerId ? { ownerId: record.ownerId } : {}),
      ...(record.parentId ? { parentId: record.parentId } : {}),
      ...(record.title ? { title: record.title } : {}),
      updatedAt: record.updatedAt ?? at,
      receivedAt: at,
      rev: 1,
      status: 'open',
      openFindings: findings.length,
      droppedFindings: r.findings.length - kept.length,
    };
    const raw: RawNote = {
      noteId,
      ...(record.body ? { body: record.body.text } : { fields: record.fields ?? {} }),
      expiresAt: Math.floor(now.getTime() / 1000) + this.config.retentionDays * 86400,
    };
    const event: AuditEvent = {
      noteId,
      at,
      actor: this.config.actor ?? 'noteguard-audit',
      action: 'ingested',
      channel: 'system',
      findingIds: findings.map((f) => f.findingId),
      detail: `bulk audit: ${findings.length} open`,
    };
    // The same item shapes as DynamoNoteRepository.commit (docs/storage.md).
    const { expiresAt, ...rawFields } = raw;
    const items: Item[] = [
      { ...KEYS.note(noteId), ...gsi.record(note.source, orgId, note.recordId), type: 'note', ...note },
      { ...KEYS.raw(noteId), type: 'raw', ...rawFields, [TTL_ATTRIBUTE]: expiresAt },
      ...findings.map((f, i) => ({
        ...KEYS.finding(noteId, i + 1),
        ...gsi.status(f.status, f.severity, f.createdAt, f.findingId),
        ...(f.ownerEmail ? gsi.owner(f.ownerEmail, f.status, f.createdAt, f.findingId) : {}),
        type: 'finding',
        ...f,
      })),
      { ...KEYS.audit(noteId, at, randomUUID().slice(0, 8)), type: 'audit', ...event },
    ];
    return { items, findings: findings.length };
  }
}
