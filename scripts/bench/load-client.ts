// The API bench's load generator, forked by api.ts: real clients are not inside the server's
// process, so their fetch, JSON and signing work stays off the server's event loop. It runs the
// phases the parent asks for and answers with the latencies and its own CPU time.
import { signWebhook } from '../../lambdas/http/webhook-signature.js';
import { generateNotes } from './workload.js';

export interface LoadPhase {
  path: '/v1/notes' | '/v1/scan';
  requests: number;
  concurrency: number;
  /** Record id prefix for /v1/notes, so every phase stores new notes. */
  idPrefix: string;
}

export interface LoadResult {
  latencies: number[];
  errors: number;
  seconds: number;
  cpuMs: number;
}

const [url, secret, count] = process.argv.slice(2) as [string, string, string];
const bodies = generateNotes(Number(count), 1024, 7);

async function post(path: string, payload: object): Promise<number> {
  const body = JSON.stringify(payload);
  const res = await fetch(url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-noteguard-signature': signWebhook(secret, body, Math.floor(Date.now() / 1000)),
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

function payload(phase: LoadPhase, i: number): object {
  const body = bodies[i % bodies.length] as string;
  if (phase.path === '/v1/scan') return { body };
  return {
    source: 'custom',
    recordId: `${phase.idPrefix}-${i}`,
    kind: 'note',
    ownerEmail: 'rep@example.com',
    updatedAt: new Date().toISOString(),
    body,
  };
}

async function run(phase: LoadPhase): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: phase.concurrency }, async () => {
      while (next < phase.requests) {
        const i = next++;
        const s = performance.now();
        // A refused or reset connection counts as an error, as a 4xx or 5xx does.
        const status = await post(phase.path, payload(phase, i)).catch(() => 0);
        latencies.push(performance.now() - s);
        if (status === 0 || status >= 400) errors++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { latencies, errors, seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
}

process.on('message', (phase: LoadPhase) => {
  void run(phase).then((result) => process.send?.(result));
});
// Without its parent (the bench crashed), there is nothing left to measure for.
process.on('disconnect', () => process.exit(1));
process.send?.('ready');
