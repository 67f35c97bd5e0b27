import { pathToFileURL } from 'node:url';
import snapshot from '../../dist/lexicons-en.js';
import { createClassifier } from '../../lambdas/classifier/classifier.js';
import { PII_DETECTORS } from '../../lambdas/classifier/detectors/index.js';
import { noteBitsOf, WordCueTable } from '../../lambdas/classifier/detectors/word-cues.js';
import { defaultClassifier } from '../../lambdas/classifier/index.js';
import { loadLexicons } from '../../lambdas/classifier/lexicon-load.js';
import { restoreLexicon } from '../../lambdas/classifier/lexicon-snapshot.js';
import { normalise } from '../../lambdas/classifier/normalise.js';
import { tokenise } from '../../lambdas/classifier/tokenise.js';
import { generateNotes } from './workload.js';

export interface ClassifierBench {
  /** Compiling the lexicon files in this process (zod + compile): what the build step now does. */
  compileMs: number;
  notes: number;
  bytes: number;
  mbPerSec: number;
  /** Throughput over the CPU time this process used: steadier than wall time on a busy machine. */
  cpuMbPerSec: number;
  notesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  heapMb: number;
  floorMbPerSec: number;
  ratioToFloor: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

/** Single-threaded: everything below runs on one core in this process. */
export function benchClassifier(count = 5000): ClassifierBench {
  const t0 = performance.now();
  createClassifier({ lexicons: loadLexicons(), detectors: PII_DETECTORS });
  const compileMs = performance.now() - t0;
  const classifier = defaultClassifier();

  const notes = generateNotes(count);
  const bytes = notes.reduce((n, s) => n + Buffer.byteLength(s), 0);
  for (const n of notes.slice(0, 500)) classifier.scanText(n); // warm-up: JIT and the token cache

  let sink = 0;
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  for (const n of notes) sink += classifier.scanText(n).length;
  const total = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu1);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const latencies: number[] = [];
  for (const n of notes) {
    const s = performance.now();
    sink += classifier.scanText(n).length;
    latencies.push(performance.now() - s);
  }
  latencies.sort((a, b) => a - b);

  globalThis.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

  // The floor: the least any scanner must do, lower-case the text and split it into words.
  const split = /[^\p{L}\p{N}]+/u;
  for (const n of notes.slice(0, 500)) sink += n.toLowerCase().split(split).length;
  const t2 = performance.now();
  for (const n of notes) sink += n.toLowerCase().split(split).length;
  const floor = (performance.now() - t2) / 1000;
  if (sink === -1) console.log(sink);

  return {
    compileMs,
    notes: notes.length,
    bytes,
    mbPerSec: bytes / 1e6 / total,
    cpuMbPerSec: bytes / 1e6 / cpuSeconds,
    notesPerSec: notes.length / total,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    heapMb,
    floorMbPerSec: bytes / 1e6 / floor,
    ratioToFloor: total / floor,
  };
}

/**
 * Where the scan time goes, in CPU µs per note (best of `rounds`, all in this process): the whole
 * scan, the lexicon side alone (normalise + tokenise + matcher, no detectors) and the PII
 * detectors alone (on notes normalised and their word cues found beforehand).
 */
export function benchBreakdown(
  count = 3000,
  rounds = 5,
): { fullUs: number; lexiconUs: number; detectorsUs: number } {
  const compiled = restoreLexicon(snapshot);
  const full = createClassifier({ compiled, detectors: PII_DETECTORS });
  const lexiconOnly = createClassifier({ compiled, detectors: [] });
  const notes = generateNotes(count);
  const views = notes.map((n) => normalise(n));
  // The word cues each note has, found beforehand as the engine finds them while reading the words.
  const cueTable = new WordCueTable(PII_DETECTORS);
  const cueBits = views.map((v) => noteBitsOf(cueTable, tokenise(v.text, v.lower)));
  const cpuUs = () => {
    const c = process.cpuUsage();
    return c.user + c.system;
  };
  const best = (run: () => void) => {
    let min = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rounds; r++) {
      const c0 = cpuUs();
      run();
      min = Math.min(min, (cpuUs() - c0) / count);
    }
    return min;
  };
  let sink = 0;
  const fullUs = best(() => {
    for (const n of notes) sink += full.scanText(n).length;
  });
  const lexiconUs = best(() => {
    for (const n of notes) sink += lexiconOnly.scanText(n).length;
  });
  const detectorsUs = best(() => {
    views.forEach((v, i) => {
      PII_DETECTORS.forEach((d, k) => {
        sink += d.detect(v, cueTable.cuesFor(k, cueBits[i] as number)).length;
      });
    });
  });
  if (sink === -1) console.log(sink);
  return { fullUs, lexiconUs, detectorsUs };
}

// `node --expose-gc --import tsx scripts/bench/classifier.ts [runs]`: the classifier figures alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (let run = 0; run < Number(process.argv[2] ?? 1); run++) {
    const c = benchClassifier();
    console.log(
      `compile ${c.compileMs.toFixed(1)} ms, ${c.mbPerSec.toFixed(1)} MB/s (${c.cpuMbPerSec.toFixed(1)} MB per CPU-second), ` +
        `${Math.round(c.notesPerSec)} notes/s, p50 ${(c.p50Ms * 1000).toFixed(0)} µs, p99 ${(c.p99Ms * 1000).toFixed(0)} µs, ` +
        `heap ${c.heapMb.toFixed(1)} MB, floor ${c.floorMbPerSec.toFixed(1)} MB/s (x${c.ratioToFloor.toFixed(1)})`,
    );
  }
  const b = benchBreakdown();
  console.log(
    `CPU per note (best of 5): full scan ${b.fullUs.toFixed(0)} µs, lexicon side ${b.lexiconUs.toFixed(0)} µs, ` +
      `PII detectors ${b.detectorsUs.toFixed(0)} µs`,
  );
}
