import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface ColdStart {
  /** Median of 5 fresh processes: snapshot loaded + matcher restored + classifier built. */
  readyMs: number;
  /** The first scan after that (median of the same runs). */
  firstScanMs: number;
}

/** Bundles scripts/bench/cold-start-entry.ts as cdk/ bundles a Lambda and runs it in 5 fresh processes. */
export async function benchColdStart(): Promise<ColdStart> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'noteguard-cold-')), 'cold.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'cold-start-entry.ts')],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'silent',
  });
  const runs = Array.from({ length: 5 }, () => {
    return JSON.parse(execFileSync(process.execPath, [outfile], { encoding: 'utf8' })) as ColdStart;
  });
  const median = (f: (r: ColdStart) => number) => runs.map(f).sort((a, b) => a - b)[2] as number;
  return { readyMs: median((r) => r.readyMs), firstScanMs: median((r) => r.firstScanMs) };
}
