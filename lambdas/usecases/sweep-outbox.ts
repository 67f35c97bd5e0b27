import type { UseCaseDeps } from './deps.js';

/**
 * Re-enqueues nudges that were recorded with their note but never reached the queue (a crash or
 * a queue outage between the commit and the enqueue). Run on a schedule; the consumer
 * de-duplicates by note revision, so an extra enqueue never sends a second DM.
 */
export async function sweepOutbox(deps: UseCaseDeps, limit = 100): Promise<number> {
  const jobs = await deps.repo.listOutbox(limit);
  let sent = 0;
  for (const job of jobs) {
    try {
      await deps.queue.enqueue(job);
      await deps.repo.clearOutbox(job);
      sent++;
    } catch (err) {
      deps.logger.warn('outbox re-enqueue failed; will retry', {
        noteId: job.noteId,
        rev: job.rev,
        error: (err as Error).name,
      });
    }
  }
  return sent;
}
