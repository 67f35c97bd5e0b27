import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { SEVERITY_RANK, type Severity } from '../../core/categories.js';

/**
 * The single-table key design (docs/storage.md explains each access pattern). Shared by the
 * repository, the local stack and the CDK stack so they cannot drift apart.
 */
export const KEYS = {
  note: (noteId: string) => ({ PK: `NOTE#${noteId}`, SK: 'NOTE' }),
  raw: (noteId: string) => ({ PK: `NOTE#${noteId}`, SK: 'RAW' }),
  finding: (noteId: string, seq: number) => ({
    PK: `NOTE#${noteId}`,
    SK: `FINDING#${String(seq).padStart(6, '0')}`,
  }),
  audit: (noteId: string, at: string, n: string) => ({ PK: `NOTE#${noteId}`, SK: `AUDIT#${at}#${n}` }),
  delivery: (deliveryId: string) => ({ PK: `DELIVERY#${deliveryId}`, SK: 'DELIVERY' }),
  settings: (orgId: string) => ({ PK: `ORG#${orgId}`, SK: 'SETTINGS' }),
  outbox: (noteId: string, rev: number) => ({ PK: 'OUTBOX', SK: `${noteId}#${rev}` }),
  slackState: (noteId: string) => ({ PK: `NOTE#${noteId}`, SK: 'SLACK' }),
  nonce: (nonce: string) => ({ PK: `NONCE#${nonce}`, SK: 'NONCE' }),
  slackUser: (email: string) => ({ PK: `SLACKUSER#${email.toLowerCase()}`, SK: 'SLACKUSER' }),
} as const;

/**
 * The sort-key range holding exactly a note's item and its findings (`FINDING#…` < `NOTE`), so
 * reading a note does not also read its audit trail (`AUDIT#…`), which grows with every change.
 */
export const NOTE_AND_FINDINGS = { from: 'FINDING#', to: 'NOTE' } as const;

/** GSI1: notes by CRM record. GSI2: findings by status, most severe then newest first. GSI3: findings by owner. */
export const INDEX = {
  byRecord: 'GSI1',
  byStatus: 'GSI2',
  byOwner: 'GSI3',
} as const;

export const gsi = {
  record: (source: string, orgId: string, recordId: string) => ({
    GSI1PK: `REC#${source}#${orgId}#${recordId}`,
    GSI1SK: 'NOTE',
  }),
  // Rank 3 = high sorts after 1 = low; queried newest-last-descending, so high + newest come first.
  status: (status: string, severity: Severity, createdAt: string, findingId: string) => ({
    GSI2PK: `STATUS#${status}`,
    GSI2SK: `${SEVERITY_RANK[severity]}#${createdAt}#${findingId}`,
  }),
  owner: (email: string, status: string, createdAt: string, findingId: string) => ({
    GSI3PK: `OWNER#${email.toLowerCase()}`,
    GSI3SK: `${status}#${createdAt}#${findingId}`,
  }),
};

/** TTL attribute: epoch seconds (raw note text, delivery ids, Slack user cache). */
export const TTL_ATTRIBUTE = 'ttl';

export function createTableInput(tableName: string): CreateTableCommandInput {
  const index = (name: string) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: `${name}PK`, KeyType: 'HASH' as const },
      { AttributeName: `${name}SK`, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK'].map(
      (n) => ({
        AttributeName: n,
        AttributeType: 'S' as const,
      }),
    ),
    GlobalSecondaryIndexes: [index(INDEX.byRecord), index(INDEX.byStatus), index(INDEX.byOwner)],
  };
}
