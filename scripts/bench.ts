// `npm run bench`: speed and memory targets (never asserted in timed tests). Single process, so
// the classifier figures are single-core.
import { benchApi } from './bench/api.js';
import { printApiBench } from './bench/api-report.js';
import { benchAudit } from './bench/audit.js';
import { benchBundles } from './bench/bundles.js';
import { benchClassifier } from './bench/classifier.js';
import { benchColdStart } from './bench/cold-start.js';

const check = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

const c = await benchClassifier();
const cold = await benchColdStart();
console.log('classifier (generated workload: %d notes of ~1 KB, %s MB)', c.notes, (c.bytes / 1e6).toFixed(2));
console.log(
  `  ${check(cold.readyMs <= 50)} matcher ready (cold start)   ${cold.readyMs.toFixed(1)} ms (fresh process, snapshot restored; median of 5); first scan after it ${cold.firstScanMs.toFixed(1)} ms   target <= 50 ms`,
);
console.log(
  `       compiling the lexicon files  ${c.compileMs.toFixed(0)} ms (zod + compile, done by npm run build, not at a cold start)`,
);
console.log(
  `  ${check(c.mbPerSec >= 20)} throughput                    ${c.mbPerSec.toFixed(1)} MB/s, ${Math.round(c.notesPerSec)} notes/s (median of ${c.runsMbPerSec.length} fresh processes: ${c.runsMbPerSec.map((v) => v.toFixed(1)).join(', ')} MB/s)   target >= 20 MB/s`,
);
console.log(
  `  ${check(c.p99Ms <= 1)} latency per 1 KB note         p50 ${(c.p50Ms * 1000).toFixed(0)} µs, p99 ${(c.p99Ms * 1000).toFixed(0)} µs   target p99 <= 1 ms`,
);
console.log(`       heap after warm-up          ${c.heapMb.toFixed(1)} MB`);
console.log(
  `       floor (toLowerCase + split)  ${c.floorMbPerSec.toFixed(1)} MB/s; NoteGuard takes ${c.ratioToFloor.toFixed(1)}x the floor's time`,
);
console.log(
  `       where the time goes          ${c.breakdown.fullUs.toFixed(0)} µs a note: lexicon side ${c.breakdown.lexiconUs.toFixed(0)} µs, identifier detectors ${c.breakdown.detectorsUs.toFixed(0)} µs (best of 5 passes, same run)`,
);

printApiBench(await benchApi());

const au = await benchAudit();
console.log(
  '\naudit (built CLI in a child process%s; generated Salesforce Note export: %d rows, %s MB, ~%s KB a row)',
  au.pinned ? ' pinned to one core with taskset' : '',
  au.notes,
  au.exportMb.toFixed(0),
  ((au.exportMb * 1000) / au.notes).toFixed(1),
);
console.log(
  `  ${check(au.notesPerCpuMinute >= 200_000)} throughput                    ${Math.round(au.notesPerCpuMinute).toLocaleString('en-US')} notes/minute of CPU (${au.cpuSeconds.toFixed(1)} s CPU); ${Math.round(au.notesPerMinute).toLocaleString('en-US')} notes/minute wall (${au.wallSeconds.toFixed(1)} s, start-up included)   target >= 200,000 notes/minute`,
);
console.log(
  `  ${check(au.peakRssMb <= 300)} peak memory (child maxRSS)    ${au.peakRssMb.toFixed(0)} MB   target <= 300 MB`,
);

const bundles = await benchBundles();
console.log(
  '\nLambda bundles (esbuild, minified, as cdk/ builds them; fresh node process each, median of 5)',
);
for (const b of bundles) {
  const limit = b.name === 'scan' || b.name === 'ingest' ? 1_000_000 : undefined;
  const mark = limit === undefined ? '    ' : check(b.bytes < limit);
  console.log(
    `  ${mark} ${b.name.padEnd(20)} ${(b.bytes / 1024).toFixed(0).padStart(5)} KB   load ${b.loadMs.toFixed(0).padStart(4)} ms${b.readyMs !== undefined ? `   ready (first request) ${b.readyMs.toFixed(0).padStart(5)} ms` : ''}${limit ? '   target < 1 MB' : ''}`,
  );
}
