// Lambda entry: scheduled every 5 minutes; re-enqueues nudges whose enqueue failed after the commit.
import { productionDeps } from '../runtime/production.js';
import { sweepOutbox } from '../usecases/sweep-outbox.js';

export async function handler(): Promise<{ reenqueued: number }> {
  return { reenqueued: await sweepOutbox(await productionDeps()) };
}
