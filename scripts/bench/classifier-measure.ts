import snapshot from '../../dist/lexicons-en.js';
import { createClassifier } from '../../lambdas/classifier/classifier.js';
import { type DigitRun, runsIn, setDigitRuns } from '../../lambdas/classifier/detectors/digit-runs.js';
import { PII_DETECTORS } from '../../lambdas/classifier/detectors/index.js';
import { noteBitsOf, WordCueTable } from '../../lambdas/classifier/detectors/word-cues.js';
import { defaultClassifier } from '../../lambdas/classifier/index.js';
import { restoreLexicon } from '../../lambdas/classifier/lexicon-snapshot.js';
import { normalise } from '../../lambdas/classifier/normalise.js';
import { TokenScratch, tokenise } from '../../lambdas/classifier/tokenise.js';
import { generateNotes } from './workload.js';

/** One run of the classifier bench, in one fresh process. */
export interface ClassifierRun {
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
  breakdown: { fullUs: number; lexiconUs: number; detectorsUs: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

const PASSES = 5;

/**
 * One run, in this process: throughput (the median of 5 timed passes over the workload, after two
 * passes of warm-up: a Lambda scans notes for its whole life, the JIT's first minutes are not its
 * steady state), latency, heap and the floor over the generated workload.
 */
export function measureClassifier(count = 5000): ClassifierRun {
  const classifier = defaultClassifier();

  const notes = generateNotes(count);
  const bytes = notes.reduce((n, s) => n + Buffer.byteLength(s), 0);
  let sink = 0;
  for (let pass = 0; pass < 2; pass++) for (const n of notes) sink += classifier.scanText(n).length;

  const passes: { wall: number; cpu: number }[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    for (const n of notes) sink += classifier.scanText(n).length;
    const cpu = process.cpuUsage(cpu1);
    passes.push({ wall: (performance.now() - t1) / 1000, cpu: (cpu.user + cpu.system) / 1e6 });
  }
  passes.sort((a, b) => a.wall - b.wall);
  const { wall: total, cpu: cpuSeconds } = passes[Math.floor(PASSES / 2)] as { wall: number; cpu: number };

  const latencies: number[] = [];
  for (const n of notes) {
    const s = performance.now();
    sink += classifier.scanText(n).length;
    latencies.push(performance.now() - s);
  }
  latencies.sort((a, b) => a - b);

  globalThis.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

  // The floor: the least any scanner must do, lower-case the text and split it into words (timed
  // the same way: median of 5 passes after warm-up).
  const split = /[^\p{L}\p{N}]+/u;
  for (const n of notes) sink += n.toLowerCase().split(split).length;
  const floors: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const t2 = performance.now();
    for (const n of notes) sink += n.toLowerCase().split(split).length;
    floors.push((performance.now() - t2) / 1000);
  }
  const floor = floors.sort((a, b) => a - b)[Math.floor(PASSES / 2)] as number;
  if (sink === -1) console.log(sink);

  return {
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
    breakdown: benchBreakdown(),
  };
}

/**
 * Where the scan time goes, in µs per note (wall time, best of `rounds`, all in this process; CPU
 * time would also count the GC's and the compiler's helper threads on the other core): the whole
 * scan, the lexicon side alone (normalise + tokenise + matcher, no detectors) and the PII
 * detectors alone (on notes normalised, and their word cues and digit runs found beforehand).
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
  const cueBits = views.map((v) => noteBitsOf(cueTable, tokenise(v.lower)));
  // And the runs of digits, found beforehand from the words with digits as the engine finds them.
  const scratch = new TokenScratch();
  const runs = views.map((v) => {
    tokenise(v.lower, undefined, scratch);
    return runsIn(scratch.units.current, v.lower.length, scratch.digitWords);
  });
  const best = (run: () => void) => {
    let min = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      run();
      min = Math.min(min, ((performance.now() - t0) * 1000) / count);
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
      setDigitRuns(v, runs[i] as DigitRun[]);
      PII_DETECTORS.forEach((d, k) => {
        sink += d.detect(v, cueTable.cuesFor(k, cueBits[i] as number)).length;
      });
    });
  });
  if (sink === -1) console.log(sink);
  return { fullUs, lexiconUs, detectorsUs };
}
