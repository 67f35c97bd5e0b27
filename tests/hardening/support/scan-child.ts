// A child process that scans texts for the parent (tests/hardening/support/scan-runner.ts), so a
// scan that runs away can be killed at its deadline instead of blocking the test process.
import { defaultClassifier } from '../../../lambdas/classifier/index.js';

export interface ScanRequest {
  id: number;
  /** The text itself, or `unit` repeated `count` times (built here, so 1 MB is not copied over IPC). */
  text?: string;
  unit?: string;
  count?: number;
}

export interface ScanReply {
  id: number;
  ms: number;
  length: number;
  findings: { category: string; start: number; end: number }[];
  error?: string;
}

const classifier = defaultClassifier();
process.on('message', (m: ScanRequest) => {
  const text = m.text ?? (m.unit ?? '').repeat(m.count ?? 0);
  const started = performance.now();
  let reply: ScanReply;
  try {
    const findings = classifier
      .scanText(text)
      .map((f) => ({ category: f.category, start: f.start, end: f.end }));
    reply = { id: m.id, ms: performance.now() - started, length: text.length, findings };
  } catch (err) {
    reply = {
      id: m.id,
      ms: performance.now() - started,
      length: text.length,
      findings: [],
      error: (err as Error).name,
    };
  }
  process.send?.(reply);
});
process.send?.({ ready: true });
