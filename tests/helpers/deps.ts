import { noopCrmWriter } from '../../lambdas/adapters/crm/noop-crm-writer.js';
import { DynamoNoteRepository } from '../../lambdas/adapters/dynamodb/dynamo-note-repository.js';
import { InProcessQueue } from '../../lambdas/adapters/queue/in-process-queue.js';
import { defaultClassifier } from '../../lambdas/classifier/index.js';
import { silentLogger } from '../../lambdas/core/log.js';
import { DEFAULT_CONFIG, type UseCaseDeps } from '../../lambdas/usecases/deps.js';
import { freshTable } from './dynamo.js';

/** A controllable clock: tests move time instead of sleeping. */
export class TestClock {
  constructor(public current = new Date('2026-11-02T10:00:00.000Z')) {}
  now = () => this.current;
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Real adapters on a fresh DynamoDB Local table (no mocks), an in-process queue and a test clock. */
export async function realDeps() {
  const { client, table, drop } = await freshTable();
  const clock = new TestClock();
  const repo = new DynamoNoteRepository(client, table, clock.now);
  const queue = new InProcessQueue();
  const deps: UseCaseDeps = {
    repo,
    classifier: defaultClassifier(),
    queue,
    crm: noopCrmWriter,
    clock,
    logger: silentLogger,
    config: { ...DEFAULT_CONFIG },
  };
  return { deps, repo, queue, clock, client, table, drop };
}
