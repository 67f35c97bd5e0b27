import type { Classifier } from '../classifier/classifier.js';
import type { Logger } from '../core/log.js';
import type { Clock, CrmWriter, NoteRepository, NudgeQueue } from '../core/ports.js';

/** What the use cases need, built once at each entry point (handler, bot, local server, CLI). */
export interface UseCaseDeps {
  repo: NoteRepository;
  classifier: Classifier;
  queue: NudgeQueue;
  crm: CrmWriter;
  clock: Clock;
  logger: Logger;
  config: {
    /** How long raw note text may be held for review (default 30 days). */
    retentionDays: number;
    /** Findings stored per note; the rest are counted (a DynamoDB transaction holds 100 writes). */
    maxFindingsPerNote: number;
  };
}

export const DEFAULT_CONFIG: UseCaseDeps['config'] = { retentionDays: 30, maxFindingsPerNote: 45 };
