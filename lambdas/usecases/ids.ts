import { createHash } from 'node:crypto';

/**
 * A note's id is derived from where it lives in the CRM, so every delivery of the same record
 * (retries, edits, concurrent webhooks) lands on the same item.
 */
export function noteIdFor(source: string, orgId: string, recordId: string): string {
  return `n_${createHash('sha256').update(`${source}\0${orgId}\0${recordId}`).digest('base64url').slice(0, 22)}`;
}

/** Finding ids carry their note id, so `/v1/findings/{id}` finds the note without an index. */
export function findingIdFor(noteId: string, seq: number): string {
  return `${noteId}.${seq}`;
}

export function noteIdOfFinding(findingId: string): string | null {
  const m = /^(n_[A-Za-z0-9_-]{22})\.\d{1,6}$/.exec(findingId);
  return m ? (m[1] as string) : null;
}
