import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { UnavailableError } from '../../core/errors.js';
import type { NudgeJob } from '../../core/model.js';
import type { NudgeQueue } from '../../core/ports.js';

/** The nudge queue in AWS: one SQS message per job; redrive to the dead-letter queue is configured in cdk/. */
export class SqsQueue implements NudgeQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(job: NudgeJob): Promise<void> {
    try {
      await this.client.send(
        new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(job) }),
      );
    } catch (err) {
      throw new UnavailableError('the nudge queue is unavailable', { cause: err });
    }
  }
}

/** Parses an SQS message body back into a job; anything else is rejected (and dead-lettered). */
export function parseNudgeJob(body: string): NudgeJob {
  const job = JSON.parse(body) as Partial<NudgeJob>;
  if (typeof job.noteId !== 'string' || typeof job.rev !== 'number') throw new Error('not a nudge job');
  return { noteId: job.noteId, rev: job.rev };
}
