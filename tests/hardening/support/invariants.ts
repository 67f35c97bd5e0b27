import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

/** Every item of a table (a full Scan, page by page). */
export async function scanAll(client: DynamoDBClient, table: string): Promise<Item[]> {
  const doc = DynamoDBDocumentClient.from(client);
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * The storage invariants of docs/storage.md, checked over the whole table: no finding without its
 * note, each note's open count equal to its open findings, raw text exactly while findings are
 * open, no finding twice for one occurrence, every outbox item for a stored note, every delivery id
 * pointing at a stored note. Returns the items by type and every violation found.
 */
export async function checkInvariants(client: DynamoDBClient, table: string) {
  const items = await scanAll(client, table);
  const byType = new Map<string, Item[]>();
  for (const i of items) byType.set(String(i.type), [...(byType.get(String(i.type)) ?? []), i]);
  const notes = new Map((byType.get('note') ?? []).map((n) => [String(n.noteId), n]));
  const findings = byType.get('finding') ?? [];
  const raws = new Set((byType.get('raw') ?? []).map((r) => String(r.noteId)));
  const violations: string[] = [];
  const findingsOf = new Map<string, Item[]>();
  for (const f of findings) {
    const noteId = String(f.noteId);
    if (!notes.has(noteId)) violations.push(`finding ${String(f.findingId)} has no note`);
    findingsOf.set(noteId, [...(findingsOf.get(noteId) ?? []), f]);
  }
  for (const [noteId, n] of notes) {
    const mine = findingsOf.get(noteId) ?? [];
    const open = mine.filter((f) => f.status === 'open' || f.status === 'pending').length;
    if (n.openFindings !== open)
      violations.push(`note ${noteId}: openFindings ${String(n.openFindings)} but ${open} open`);
    if (open > 0 && !raws.has(noteId)) violations.push(`note ${noteId}: open findings but no raw text`);
    if (open === 0 && raws.has(noteId)) violations.push(`note ${noteId}: raw text kept with nothing open`);
    const occurrences = mine
      .filter((f) => f.status === 'open')
      .map((f) => `${String(f.field ?? '')}#${String(f.ruleId)}#${String(f.start)}`);
    if (new Set(occurrences).size !== occurrences.length)
      violations.push(`note ${noteId}: a finding stored twice`);
  }
  for (const r of raws) if (!notes.has(r)) violations.push(`raw text of ${r} has no note`);
  for (const o of byType.get('outbox') ?? [])
    if (!notes.has(String(o.noteId))) violations.push(`outbox ${String(o.noteId)} has no note`);
  for (const d of byType.get('delivery') ?? [])
    if (!notes.has(String(d.noteId))) violations.push(`delivery ${String(d.PK)} has no note`);
  return { items, byType, notes, findings, violations };
}
