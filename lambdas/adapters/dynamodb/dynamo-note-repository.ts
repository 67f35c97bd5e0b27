import { randomUUID } from 'node:crypto';
import { type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  DuplicateDeliveryError,
  ReplayError,
  UnavailableError,
  ValidationError,
  WriteConflictError,
} from '../../core/errors.js';
import type {
  AuditEvent,
  NudgeJob,
  OrgSettings,
  RawNote,
  SlackState,
  StoredFinding,
  StoredNote,
} from '../../core/model.js';
import type { FindingQuery, NoteCommit, NoteRepository, Page } from '../../core/ports.js';
import { gsi, INDEX, KEYS, NOTE_AND_FINDINGS, TTL_ATTRIBUTE } from './table-design.js';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const DELIVERY_TTL_SECONDS = 3 * 86400; // Salesforce retries for 24 hours; keep ids a while longer.

function strip<T>(item: Item | undefined, ...extra: string[]): T {
  const out: Item = { ...item };
  for (const k of [
    'PK',
    'SK',
    'GSI1PK',
    'GSI1SK',
    'GSI2PK',
    'GSI2SK',
    'GSI3PK',
    'GSI3SK',
    'type',
    TTL_ATTRIBUTE,
    ...extra,
  ])
    delete out[k];
  return out as T;
}

function seqOf(findingId: string): number {
  return Number(findingId.slice(findingId.lastIndexOf('.') + 1));
}

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ValidationError('invalid cursor', [
    { path: 'query.cursor', message: 'not a cursor this API returned' },
  ]);
}

/** The DynamoDB single-table store (docs/storage.md). */
export class DynamoNoteRepository implements NoteRepository {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly table: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  private async send<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw translate(err);
    }
  }

  async getNote(noteId: string): Promise<{ note: StoredNote; findings: StoredFinding[] } | null> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.send(() =>
        this.doc.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            FilterExpression: '#type IN (:note, :finding)',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: {
              ':pk': `NOTE#${noteId}`,
              ':from': NOTE_AND_FINDINGS.from,
              ':to': NOTE_AND_FINDINGS.to,
              ':note': 'note',
              ':finding': 'finding',
            },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const noteItem = items.find((i) => i.type === 'note');
    if (!noteItem) return null;
    return {
      note: strip<StoredNote>(noteItem),
      findings: items.filter((i) => i.type === 'finding').map((i) => strip<StoredFinding>(i)),
    };
  }

  async getRaw(noteId: string): Promise<RawNote | null> {
    const res = await this.send(() =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: KEYS.raw(noteId), ConsistentRead: true })),
    );
    if (!res.Item) return null;
    const raw = { ...strip<RawNote>(res.Item), expiresAt: res.Item[TTL_ATTRIBUTE] as number };
    // TTL deletion may lag up to 48 hours: an expired item is treated as gone.
    return raw.expiresAt * 1000 <= this.now().getTime() ? null : raw;
  }

  async commit(c: NoteCommit): Promise<void> {
    const { note } = c;
    const items: TransactItem[] = [];
    items.push({
      Put: {
        TableName: this.table,
        Item: {
          ...KEYS.note(note.noteId),
          ...gsi.record(note.source, note.orgId, note.recordId),
          type: 'note',
          ...note,
        },
        ...(c.expectedRev === null
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': c.expectedRev } }),
      },
    });
    if (c.raw === 'delete') items.push({ Delete: { TableName: this.table, Key: KEYS.raw(note.noteId) } });
    else if (c.raw !== 'keep') {
      const { expiresAt, ...raw } = c.raw.put;
      items.push({
        Put: {
          TableName: this.table,
          Item: { ...KEYS.raw(note.noteId), type: 'raw', ...raw, [TTL_ATTRIBUTE]: expiresAt },
        },
      });
    }
    for (const f of c.findings) items.push({ Put: { TableName: this.table, Item: this.findingItem(f) } });
    for (const a of c.audit) items.push({ Put: { TableName: this.table, Item: this.auditItem(a) } });
    let deliveryIndex = -1;
    if (c.deliveryId) {
      deliveryIndex = items.length;
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            ...KEYS.delivery(c.deliveryId),
            type: 'delivery',
            noteId: note.noteId,
            [TTL_ATTRIBUTE]: Math.floor(this.now().getTime() / 1000) + DELIVERY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    let nonceIndex = -1;
    if (c.nonce) {
      nonceIndex = items.length;
      items.push({ Put: this.nonceClaim(c.nonce.value, c.nonce.ttlSeconds, c.nonce.owner) });
    }
    if (c.outbox) {
      items.push({
        Put: {
          TableName: this.table,
          Item: { ...KEYS.outbox(c.outbox.noteId, c.outbox.rev), type: 'outbox', ...c.outbox },
        },
      });
    }
    if (c.settings)
      items.push({
        Put: {
          TableName: this.table,
          Item: { ...KEYS.settings(c.settings.orgId), type: 'settings', ...c.settings },
        },
      });
    if (items.length > 100) throw new ValidationError(`too many writes for one note (${items.length})`);
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (err instanceof TransactionCanceledException) {
        const reasons = err.CancellationReasons ?? [];
        if (nonceIndex >= 0 && reasons[nonceIndex]?.Code === 'ConditionalCheckFailed') {
          throw new ReplayError({ cause: err });
        }
        if (deliveryIndex >= 0 && reasons[deliveryIndex]?.Code === 'ConditionalCheckFailed') {
          throw new DuplicateDeliveryError('delivery already stored', { cause: err });
        }
        throw new WriteConflictError('note changed concurrently', { cause: err });
      }
      throw translate(err);
    }
  }

  private findingItem(f: StoredFinding): Item {
    return {
      ...KEYS.finding(f.noteId, seqOf(f.findingId)),
      ...gsi.status(f.status, f.severity, f.createdAt, f.findingId),
      ...(f.ownerEmail ? gsi.owner(f.ownerEmail, f.status, f.createdAt, f.findingId) : {}),
      type: 'finding',
      ...f,
    };
  }

  private auditItem(a: AuditEvent): Item {
    return { ...KEYS.audit(a.noteId, a.at, randomUUID().slice(0, 8)), type: 'audit', ...a };
  }

  async wasDelivered(deliveryId: string): Promise<boolean> {
    const res = await this.send(() =>
      this.doc.send(
        new GetCommand({ TableName: this.table, Key: KEYS.delivery(deliveryId), ConsistentRead: true }),
      ),
    );
    return res.Item !== undefined;
  }

  async listFindings(q: FindingQuery): Promise<Page<StoredFinding>> {
    const input: QueryCommandInput = q.ownerEmail
      ? {
          TableName: this.table,
          IndexName: INDEX.byOwner,
          KeyConditionExpression: q.status ? 'GSI3PK = :pk AND begins_with(GSI3SK, :status)' : 'GSI3PK = :pk',
          ExpressionAttributeValues: {
            ':pk': `OWNER#${q.ownerEmail.toLowerCase()}`,
            ...(q.status ? { ':status': `${q.status}#` } : {}),
          },
          ScanIndexForward: false,
        }
      : {
          TableName: this.table,
          IndexName: INDEX.byStatus,
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': `STATUS#${q.status ?? 'open'}` },
          ScanIndexForward: false,
        };
    if (q.category) {
      input.FilterExpression = 'category = :category';
      input.ExpressionAttributeValues = { ...input.ExpressionAttributeValues, ':category': q.category };
    }
    // A filter can leave a page short: keep reading until the page is full or the index ends.
    const items: StoredFinding[] = [];
    let start = decodeCursor(q.cursor);
    do {
      const res = await this.send(() =>
        this.doc.send(
          new QueryCommand({ ...input, Limit: q.limit - items.length, ExclusiveStartKey: start }),
        ),
      );
      items.push(...(res.Items ?? []).map((i) => strip<StoredFinding>(i)));
      start = res.LastEvaluatedKey;
    } while (start && items.length < q.limit);
    const cursor = encodeCursor(start);
    return cursor ? { items, cursor } : { items };
  }

  async listAudit(noteId: string): Promise<AuditEvent[]> {
    const res = await this.send(() =>
      this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
          ExpressionAttributeValues: { ':pk': `NOTE#${noteId}`, ':audit': 'AUDIT#' },
          ConsistentRead: true,
        }),
      ),
    );
    return (res.Items ?? []).map((i) => strip<AuditEvent>(i));
  }

  async getSettings(orgId: string): Promise<OrgSettings | null> {
    const res = await this.send(() =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: KEYS.settings(orgId) })),
    );
    return res.Item ? strip<OrgSettings>(res.Item) : null;
  }

  async putSettings(settings: OrgSettings): Promise<void> {
    await this.send(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...KEYS.settings(settings.orgId), type: 'settings', ...settings },
        }),
      ),
    );
  }

  /** The conditional put that claims a nonce: alone (claimNonce) or inside a note's commit. */
  private nonceClaim(nonce: string, ttlSeconds: number, owner: string | undefined) {
    const now = Math.floor(this.now().getTime() / 1000);
    return {
      TableName: this.table,
      Item: {
        ...KEYS.nonce(nonce),
        type: 'nonce',
        ...(owner ? { claimedBy: owner } : {}),
        [TTL_ATTRIBUTE]: now + ttlSeconds,
      },
      ConditionExpression: 'attribute_not_exists(PK) OR #ttl < :now',
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':now': now },
    };
  }

  async claimNonce(nonce: string, ttlSeconds: number, owner?: string): Promise<boolean> {
    try {
      await this.doc.send(new PutCommand(this.nonceClaim(nonce, ttlSeconds, owner)));
      return true;
    } catch (err) {
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return false;
      throw translate(err);
    }
  }

  async releaseNonce(nonce: string, owner?: string): Promise<void> {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: KEYS.nonce(nonce),
          ...(owner
            ? { ConditionExpression: 'claimedBy = :owner', ExpressionAttributeValues: { ':owner': owner } }
            : {}),
        }),
      );
    } catch (err) {
      // Claimed by another request (or not at all): not ours to release.
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return;
      throw translate(err);
    }
  }

  async getSlackState(noteId: string): Promise<SlackState | null> {
    const res = await this.send(() =>
      this.doc.send(
        new GetCommand({ TableName: this.table, Key: KEYS.slackState(noteId), ConsistentRead: true }),
      ),
    );
    return res.Item ? strip<SlackState>(res.Item) : null;
  }

  async claimNudge(noteId: string, rev: number): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: KEYS.slackState(noteId),
          UpdateExpression: 'SET claimedRev = :rev, noteId = :id, #type = :type',
          ConditionExpression: 'attribute_not_exists(claimedRev) OR claimedRev < :rev',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':rev': rev, ':id': noteId, ':type': 'slack' },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return false;
      throw translate(err);
    }
  }

  async releaseNudge(noteId: string, rev: number): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: KEYS.slackState(noteId),
          UpdateExpression: 'SET claimedRev = :prev',
          ConditionExpression: 'claimedRev = :rev',
          ExpressionAttributeValues: { ':rev': rev, ':prev': rev - 1 },
        }),
      );
    } catch (err) {
      if (err instanceof Error && err.name === 'ConditionalCheckFailedException') return;
      throw translate(err);
    }
  }

  /** Records where the bot posted; never touches `claimedRev`, which only claim/release move. */
  async saveSlackState(state: SlackState): Promise<void> {
    const set: string[] = ['noteId = :id', '#type = :type'];
    const remove: string[] = [];
    const values: Record<string, unknown> = { ':id': state.noteId, ':type': 'slack' };
    for (const key of ['dm', 'review', 'failure'] as const) {
      if (state[key]) {
        set.push(`${key} = :${key}`);
        values[`:${key}`] = state[key];
      } else remove.push(key);
    }
    await this.send(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: KEYS.slackState(state.noteId),
          UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

  async addAudit(event: AuditEvent): Promise<void> {
    await this.send(() =>
      this.doc.send(new PutCommand({ TableName: this.table, Item: this.auditItem(event) })),
    );
  }

  async getCachedSlackUser(email: string): Promise<string | null | undefined> {
    const res = await this.send(() =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: KEYS.slackUser(email) })),
    );
    if (!res.Item || (res.Item[TTL_ATTRIBUTE] as number) * 1000 <= this.now().getTime()) return undefined;
    return (res.Item.userId as string | null) ?? null;
  }

  async cacheSlackUser(email: string, userId: string | null, ttlSeconds: number): Promise<void> {
    await this.send(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...KEYS.slackUser(email),
            type: 'slackuser',
            userId,
            [TTL_ATTRIBUTE]: Math.floor(this.now().getTime() / 1000) + ttlSeconds,
          },
        }),
      ),
    );
  }

  async listOutbox(limit: number): Promise<NudgeJob[]> {
    const res = await this.send(() =>
      this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': 'OUTBOX' },
          Limit: limit,
          ConsistentRead: true,
        }),
      ),
    );
    return (res.Items ?? []).map((i) => ({ noteId: i.noteId as string, rev: i.rev as number }));
  }

  async clearOutbox(job: NudgeJob): Promise<void> {
    await this.send(() =>
      this.doc.send(new DeleteCommand({ TableName: this.table, Key: KEYS.outbox(job.noteId, job.rev) })),
    );
  }

  /** Bulk import (audit --store): BatchWrite in 25s, retrying unprocessed items with backoff. */
  async batchPut(items: Item[]): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new UnavailableError('table kept refusing writes');
        const res = await this.send(() =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } })),
        );
        pending = (res.UnprocessedItems?.[this.table] ?? []) as typeof pending;
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 2 ** attempt * 25));
      }
    }
  }
}

/** Network failures and throttling become a retryable 503; anything else stays internal. */
function translate(err: unknown): Error {
  if (err instanceof Error) {
    const name = err.name;
    const retryable =
      [
        'ProvisionedThroughputExceededException',
        'ThrottlingException',
        'RequestLimitExceeded',
        'InternalServerError',
        'ServiceUnavailable',
        'TimeoutError',
      ].includes(name) ||
      /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|socket hang up/.test(
        `${(err as { code?: string }).code ?? ''} ${err.message}`,
      );
    if (retryable) return new UnavailableError('storage is unavailable; retry later', { cause: err });
    if (name === 'TransactionConflictException')
      return new WriteConflictError('transaction conflict', { cause: err });
    return err;
  }
  return new Error(String(err));
}
