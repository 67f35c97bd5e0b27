import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ScanReply, ScanRequest } from './scan-child.js';

const CHILD = fileURLToPath(new URL('./scan-child.ts', import.meta.url));

export type ScanOutcome = ScanReply | { timedOut: true; ms: number };

/**
 * Scans texts with the default classifier in a child process, one at a time, each under a
 * deadline. A scan past its deadline kills the child (the next scan starts a fresh one), so a
 * catastrophic input is reported as `timedOut` instead of hanging whoever asked.
 */
export class ScanRunner {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private seq = 0;

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const child = fork(CHILD, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`scan child exited with ${code} before it was ready`)));
    });
    return this.ready;
  }

  async scan(req: Omit<ScanRequest, 'id'>, deadlineMs: number): Promise<ScanOutcome> {
    await this.start();
    const child = this.child as ChildProcess;
    const id = ++this.seq;
    const started = performance.now();
    return await new Promise<ScanOutcome>((resolve) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        this.kill();
        resolve({ timedOut: true, ms: performance.now() - started });
      }, deadlineMs);
      const onMessage = (m: ScanReply) => {
        if (m.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send({ ...req, id });
    });
  }

  kill(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
    this.ready = null;
  }
}
