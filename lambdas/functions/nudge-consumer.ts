// Lambda entry: the nudge queue's consumer (SQS). A failed job is reported back so SQS retries
// only that message, and dead-letters it after the redrive policy's attempts.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseNudgeJob } from '../adapters/queue/sqs-queue.js';
import { productionBot } from '../runtime/production-bot.js';

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const bot = await productionBot();
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await bot.consumeNudge(parseNudgeJob(record.body));
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
