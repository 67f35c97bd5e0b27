import { availableParallelism } from 'node:os';
import type { ApiBench, LoadFigures } from './api.js';

const check = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const pad = ' '.repeat(24);

function cpuLine(f: LoadFigures): string {
  const { server, dynamo, client } = f.cpuMsPerRequest;
  const parts = [`server ${ms(server)}`];
  if (dynamo !== undefined) parts.push(`DynamoDB Local ${ms(dynamo)}`);
  parts.push(`load generator ${ms(client)}`);
  const cores = availableParallelism();
  // Every core busy on nothing else: the most requests per second this machine can serve.
  const ceiling = (cores * 1000) / (server + (dynamo ?? 0) + client);
  return `${pad}CPU per request at ${f.concurrency} clients: ${parts.join(', ')} → at most ~${Math.round(ceiling)} req/s on ${cores} cores`;
}

function aloneLine(f: LoadFigures): string {
  return `${pad}1 client:   p50 ${ms(f.p50Ms)}, p99 ${ms(f.p99Ms)}, errors ${f.errors} (${f.requests} requests; latency alone, nothing queued ahead)`;
}

/** Prints the API figures: the targets are checked at the concurrent-client figures, as before. */
export function printApiBench(a: ApiBench): void {
  console.log(
    '\nAPI end to end (local server + DynamoDB Local; load generator in a separate process; all on this machine)',
  );
  const row = (f: LoadFigures, route: string, target: number) =>
    `  ${check(f.p99Ms <= target)} POST ${route.padEnd(10)} ${f.concurrency} clients: p50 ${ms(f.p50Ms)}, p99 ${ms(f.p99Ms)}, ${f.rps.toFixed(0)} req/s, errors ${f.errors} (${f.requests} requests)   target p99 <= ${target} ms`;
  console.log(row(a.notes, '/v1/notes', 50));
  console.log(aloneLine(a.notesAlone));
  console.log(cpuLine(a.notes));
  console.log(row(a.scan, '/v1/scan', 5));
  console.log(aloneLine(a.scanAlone));
  console.log(cpuLine(a.scan));
}
