import { signWebhook } from '../../lambdas/http/webhook-signature.js';
import { freePort } from '../../lambdas/local/dynamodb-local.js';
import { startLocalStack } from '../../lambdas/local/local-stack.js';
import { generateNotes } from './workload.js';

export interface ApiBench {
  notes: { requests: number; concurrency: number; rps: number; p50Ms: number; p99Ms: number; errors: number };
  scan: { requests: number; concurrency: number; p50Ms: number; p99Ms: number; errors: number };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

async function load(total: number, concurrency: number, send: (i: number) => Promise<number>) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        const status = await send(i);
        latencies.push(performance.now() - s);
        if (status >= 400) errors++;
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, latencies, errors };
}

/** End to end through the local server and DynamoDB Local (client, server and Java share this machine's 2 cores). */
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
  try {
    const bodies = generateNotes(requests, 1024, 7);
    const post = async (path: string, payload: object) => {
      const body = JSON.stringify(payload);
      const res = await fetch(stack.url + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-noteguard-signature': signWebhook(secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
      });
      await res.arrayBuffer();
      return res.status;
    };
    // Warm up both paths (JIT, connections, DynamoDB Local's JIT).
    await load(200, concurrency, (i) =>
      post('/v1/notes', note(`warm-${i}`, bodies[i % bodies.length] as string)),
    );
    await load(200, concurrency, (i) => post('/v1/scan', { body: bodies[i % bodies.length] }));

    const n = await load(requests, concurrency, (i) =>
      post('/v1/notes', note(`bench-${i}`, bodies[i] as string)),
    );
    const s = await load(requests, concurrency, (i) => post('/v1/scan', { body: bodies[i] }));
    return {
      notes: {
        requests,
        concurrency,
        rps: requests / n.seconds,
        p50Ms: pct(n.latencies, 50),
        p99Ms: pct(n.latencies, 99),
        errors: n.errors,
      },
      scan: {
        requests,
        concurrency,
        p50Ms: pct(s.latencies, 50),
        p99Ms: pct(s.latencies, 99),
        errors: s.errors,
      },
    };
  } finally {
    await stack.stop();
  }
}

function note(recordId: string, body: string) {
  return {
    source: 'custom',
    recordId,
    kind: 'note',
    ownerEmail: 'rep@example.com',
    updatedAt: new Date().toISOString(),
    body,
  };
}
