import type { NudgeJob } from '../../core/model.js';
import type { NudgeQueue } from '../../core/ports.js';

/**
 * The local stand-in for SQS: jobs wait in memory until a consumer is attached, then are
 * delivered one at a time in order. A consumer that throws gets the job again later (at most
 * `maxAttempts` times), like an SQS redrive, then it lands in `deadLetters`.
 */
export class InProcessQueue implements NudgeQueue {
  private readonly jobs: { job: NudgeJob; attempts: number }[] = [];
  private consumer: ((job: NudgeJob) => Promise<void>) | null = null;
  private running: Promise<void> | null = null;
  readonly deadLetters: NudgeJob[] = [];

  constructor(private readonly maxAttempts = 5) {}

  async enqueue(job: NudgeJob): Promise<void> {
    this.jobs.push({ job, attempts: 0 });
    this.pump();
  }

  /** Jobs not yet consumed (for tests and the local server's status line). */
  pending(): NudgeJob[] {
    return this.jobs.map((j) => j.job);
  }

  consume(consumer: (job: NudgeJob) => Promise<void>): void {
    this.consumer = consumer;
    this.pump();
  }

  /** Resolves when every queued job has been handled (or dead-lettered). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private pump(): void {
    if (!this.consumer || this.running) return;
    const consumer = this.consumer;
    this.running = (async () => {
      while (this.jobs.length > 0) {
        const next = this.jobs.shift() as { job: NudgeJob; attempts: number };
        try {
          await consumer(next.job);
        } catch {
          next.attempts++;
          if (next.attempts >= this.maxAttempts) this.deadLetters.push(next.job);
          else this.jobs.push(next);
        }
      }
    })().finally(() => {
      this.running = null;
      // A job enqueued after the loop's last check but before this ran would otherwise wait forever.
      if (this.jobs.length > 0) this.pump();
    });
  }
}
