import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClassifier } from '../../lambdas/classifier/classifier.js';
import { PII_DETECTORS } from '../../lambdas/classifier/detectors/index.js';
import { loadLexicons } from '../../lambdas/classifier/lexicon-load.js';
import type { ClassifierRun } from './classifier-measure.js';
import { bundleEntry } from './esm-bundle.js';

export interface ClassifierBench extends ClassifierRun {
  /** Compiling the lexicon files in this process (zod + compile): what the build step now does. */
  compileMs: number;
  /** Throughput of every run, MB/s; the figures above are the run with the median throughput. */
  runsMbPerSec: number[];
  /** The floor of every run, MB/s, in the same order. */
  runsFloorMbPerSec: number[];
}

/**
 * The classifier bench: `runs` fresh processes, each running the classifier bundled as cdk/ bundles a
 * Lambda (classifier-entry.ts); the run with the median throughput is reported, with every run's.
 * Single-threaded: each process scans on one core.
 */
export async function benchClassifier(runs = 3): Promise<ClassifierBench> {
  const t0 = performance.now();
  createClassifier({ lexicons: loadLexicons(), detectors: PII_DETECTORS });
  const compileMs = performance.now() - t0;
  const bundle = await bundleEntry(join(import.meta.dirname, 'classifier-entry.ts'), 'classifier');
  const results = Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ['--expose-gc', bundle], { encoding: 'utf8' });
    return JSON.parse(out) as ClassifierRun;
  }).sort((a, b) => a.mbPerSec - b.mbPerSec);
  const median = results[Math.floor(runs / 2)] as ClassifierRun;
  return {
    ...median,
    compileMs,
    runsMbPerSec: results.map((r) => r.mbPerSec),
    runsFloorMbPerSec: results.map((r) => r.floorMbPerSec),
  };
}

// `node --import tsx scripts/bench/classifier.ts [runs]`: the classifier figures alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const c = await benchClassifier(Number(process.argv[2] ?? 3));
  console.log(
    `compile ${c.compileMs.toFixed(1)} ms; runs ${c.runsMbPerSec
      .map((v, i) => `${v.toFixed(1)} (floor ${(c.runsFloorMbPerSec[i] as number).toFixed(1)})`)
      .join(', ')} MB/s; median run: ` +
      `${c.mbPerSec.toFixed(1)} MB/s (${c.cpuMbPerSec.toFixed(1)} MB per CPU-second), ${Math.round(c.notesPerSec)} notes/s, ` +
      `p50 ${(c.p50Ms * 1000).toFixed(0)} µs, p99 ${(c.p99Ms * 1000).toFixed(0)} µs, heap ${c.heapMb.toFixed(1)} MB, ` +
      `floor ${c.floorMbPerSec.toFixed(1)} MB/s (x${c.ratioToFloor.toFixed(1)})`,
  );
  const b = c.breakdown;
  console.log(
    `time per note (best of 5 passes): full scan ${b.fullUs.toFixed(0)} µs, lexicon side ${b.lexiconUs.toFixed(0)} µs, ` +
      `PII detectors ${b.detectorsUs.toFixed(0)} µs`,
  );
}
