import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, startApi } from '../helpers/api.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

async function countItems(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let start: Record<string, unknown> | undefined;
  do {
    const page = await api.client.send(
      new ScanCommand({ TableName: api.table, ExclusiveStartKey: start as never }),
    );
    for (const item of page.Items ?? []) {
      const type = item.type?.S ?? '?';
      counts[type] = (counts[type] ?? 0) + 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return counts;
}

describe('50 parallel deliveries of overlapping notes', () => {
  it('store exactly one note per record, the latest version wins, and no finding is duplicated or lost', async () => {
    // 10 records × 5 deliveries each, fired all at once: versions 0-4, where only version 4 (the
    // newest) has a second finding; versions 1 and 3 are byte-identical re-deliveries of version 0's text.
    const bodies = [
      'She is pregnant.',
      'She is pregnant.',
      'She is pregnant!',
      'She is pregnant.',
      'She is pregnant. He is a moron.',
    ];
    const requests = [];
    for (let r = 0; r < 10; r++) {
      for (let v = 0; v < 5; v++) {
        requests.push(
          postSigned(api.base, '/v1/notes', {
            source: 'custom',
            recordId: `conc-${r}`,
            kind: 'note',
            ownerEmail: `rep${r}@example.com`,
            updatedAt: `2026-11-02T09:00:0${v}Z`,
            body: bodies[v],
          }),
        );
      }
    }
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    const counts = await countItems();
    expect(counts.note).toBe(10);
    // Each record: "pregnant" (kept across versions: same rule, same occurrence) + "moron" (v4 only).
    expect(counts.finding).toBe(20);
    for (let r = 0; r < 10; r++) {
      const open = await api.repo.listFindings({
        status: 'open',
        ownerEmail: `rep${r}@example.com`,
        limit: 10,
      });
      expect(open.items.map((f) => f.category).sort()).toEqual(['derogatory', 'health']);
    }
    expect(counts.raw).toBe(10);
    expect(counts.outbox ?? 0).toBe(0);
  });
});
