import { NotFoundError, WriteConflictError } from '../core/errors.js';
import type { StoredFinding, StoredNote } from '../core/model.js';
import type { UseCaseDeps } from './deps.js';

/**
 * Read-modify-write of one note under optimistic concurrency: `step` reads the current state and
 * commits; a concurrent change (WriteConflictError) re-runs it on fresh state.
 */
export async function withNote<T>(
  deps: UseCaseDeps,
  noteId: string,
  step: (current: { note: StoredNote; findings: StoredFinding[] }) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.repo.getNote(noteId);
    if (!current) throw new NotFoundError(`note ${noteId} not found`);
    try {
      return await step(current);
    } catch (err) {
      if (!(err instanceof WriteConflictError) || attempt >= 8) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

export function openCount(findings: readonly StoredFinding[]): number {
  return findings.filter((f) => f.status === 'open' || f.status === 'pending').length;
}
