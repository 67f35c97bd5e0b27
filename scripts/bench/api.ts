import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../lambdas/local/dynamodb-local.js';
import { startLocalStack } from '../../lambdas/local/local-stack.js';
import type { LoadPhase, LoadResult } from './load-client.js';
import { processCpuMs } from './process-cpu.js';

export interface LoadFigures {
  requests: number;
  concurrency: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** CPU per request of the server (this process), DynamoDB Local (its JVM) and the load generator. */
  cpuMsPerRequest: { server: number; dynamo: number | undefined; client: number };
}

export interface ApiBench {
  /** At `concurrency` clients (the targets' figures). */
  notes: LoadFigures;
  scan: LoadFigures;
  /** At 1 client: a request's latency alone, without queueing behind the others. */
  notesAlone: LoadFigures;
  scanAlone: LoadFigures;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

function startClient(url: string, secret: string, requests: number): Promise<ChildProcess> {
  // Inherits this process's --import tsx, so the client runs from source like the bench.
  const child = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), [
    url,
    secret,
    String(requests),
  ]);
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
  });
}

function runPhase(client: ChildProcess, phase: LoadPhase): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`load generator exited with ${code}`));
    client.once('exit', exited);
    client.once('message', (result) => {
      client.off('exit', exited);
      resolve(result as LoadResult);
    });
    client.send(phase);
  });
}

/**
 * End to end through the local server and DynamoDB Local, driven by a load generator in a separate
 * process. Server, JVM and load generator share this machine's cores, so the CPU each spends per
 * request is reported too.
 */
export async function benchApi(requests = 2000, concurrency = 20): Promise<ApiBench> {
  const secret = 'bench-secret';
  const stack = await startLocalStack({
    port: await freePort(),
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    config: {
      webhookSecrets: [secret],
      apiTokens: ['bench'],
      salesforce: { token: 'x', orgId: 'x', ownerEmails: {} },
      hubspot: { clientSecret: 'x' },
      nowSeconds: () => Math.floor(Date.now() / 1000),
    },
  });
  let client: ChildProcess | undefined;
  try {
    client = await startClient(stack.url, secret, requests);
    const measure = async (phase: LoadPhase): Promise<LoadFigures> => {
      const server0 = process.cpuUsage();
      const dynamo0 = processCpuMs(stack.dynamoPid);
      const r = await runPhase(client as ChildProcess, phase);
      const server = process.cpuUsage(server0);
      const dynamo1 = processCpuMs(stack.dynamoPid);
      const n = phase.requests;
      return {
        requests: n,
        concurrency: phase.concurrency,
        rps: n / r.seconds,
        p50Ms: pct(r.latencies, 50),
        p99Ms: pct(r.latencies, 99),
        errors: r.errors,
        cpuMsPerRequest: {
          server: (server.user + server.system) / 1000 / n,
          dynamo: dynamo0 === undefined || dynamo1 === undefined ? undefined : (dynamo1 - dynamo0) / n,
          client: r.cpuMs / n,
        },
      };
    };
    // Warm up both paths (JIT, connections, DynamoDB Local's JIT).
    await measure({ path: '/v1/notes', requests: 200, concurrency, idPrefix: 'warm' });
    await measure({ path: '/v1/scan', requests: 200, concurrency, idPrefix: 'warm' });
    const notes = await measure({ path: '/v1/notes', requests, concurrency, idPrefix: 'bench' });
    const scan = await measure({ path: '/v1/scan', requests, concurrency, idPrefix: 'bench' });
    const scanAlone = await measure({ path: '/v1/scan', requests, concurrency: 1, idPrefix: 'alone' });
    // A quarter as many: one client at a time is slow to run, and only its latency is of interest.
    const notesAlone = await measure({
      path: '/v1/notes',
      requests: Math.ceil(requests / 4),
      concurrency: 1,
      idPrefix: 'alone',
    });
    return { notes, scan, notesAlone, scanAlone };
  } finally {
    client?.kill();
    await stack.stop();
  }
}
