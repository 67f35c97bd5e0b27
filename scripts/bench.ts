// `npm run bench`: speed and memory targets (never asserted in timed tests). Single process, so
// the classifier figures are single-core.
import { benchClassifier } from './bench/classifier.js';

const check = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

const c = benchClassifier();
console.log('classifier (generated workload: %d notes of ~1 KB, %s MB)', c.notes, (c.bytes / 1e6).toFixed(2));
console.log(
  `  ${check(c.coldStartMs <= 50)} matcher ready (cold start)   ${c.coldStartMs.toFixed(1)} ms   target <= 50 ms`,
);
console.log(
  `  ${check(c.mbPerSec >= 20)} throughput                    ${c.mbPerSec.toFixed(1)} MB/s, ${Math.round(c.notesPerSec)} notes/s   target >= 20 MB/s`,
);
console.log(
  `  ${check(c.p99Ms <= 1)} latency per 1 KB note         p50 ${(c.p50Ms * 1000).toFixed(0)} µs, p99 ${(c.p99Ms * 1000).toFixed(0)} µs   target p99 <= 1 ms`,
);
console.log(`       heap after warm-up          ${c.heapMb.toFixed(1)} MB`);
console.log(
  `       floor (toLowerCase + split)  ${c.floorMbPerSec.toFixed(1)} MB/s; NoteGuard takes ${c.ratioToFloor.toFixed(1)}x the floor's time`,
);
