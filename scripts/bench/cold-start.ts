import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleEntry } from './esm-bundle.js';

export interface ColdStart {
  /** Median of 5 fresh processes: snapshot loaded + matcher restored + classifier built. */
  readyMs: number;
  /** The first scan after that (median of the same runs). */
  firstScanMs: number;
}

/** Bundles scripts/bench/cold-start-entry.ts as cdk/ bundles a Lambda and runs it in 5 fresh processes. */
export async function benchColdStart(): Promise<ColdStart> {
  const outfile = await bundleEntry(join(import.meta.dirname, 'cold-start-entry.ts'), 'cold');
  const runs = Array.from({ length: 5 }, () => {
    return JSON.parse(execFileSync(process.execPath, [outfile], { encoding: 'utf8' })) as ColdStart;
  });
  const median = (f: (r: ColdStart) => number) => runs.map(f).sort((a, b) => a - b)[2] as number;
  return { readyMs: median((r) => r.readyMs), firstScanMs: median((r) => r.firstScanMs) };
}
