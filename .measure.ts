import snapshot from '/work/main/dist/lexicons-en.js';
import { createClassifier } from '/work/main/lambdas/classifier/classifier.js';
import { PII_DETECTORS } from '/work/main/lambdas/classifier/detectors/index.js';
import { restoreLexicon } from '/work/main/lambdas/classifier/lexicon-snapshot.js';
import { generateNotes } from '/work/main/scripts/bench/workload.js';
const c = createClassifier({ compiled: restoreLexicon(snapshot), detectors: PII_DETECTORS });
const notes = generateNotes(Number(process.env.N ?? 3000));
let sink = 0; let best = Infinity;
for (let r = 0; r < (process.env.NOSCAN ? 0 : Number(process.env.R ?? 9)); r++) { const t = performance.now(); for (const n of notes) sink += c.scanText(n).length; best = Math.min(best, (performance.now() - t) * 1000 / notes.length); }
let fl = Infinity; const split = /[^\p{L}\p{N}]+/u;
for (let r = 0; r < Number(process.env.R ?? 9); r++) { const t = performance.now(); for (const n of notes) sink += n.toLowerCase().split(split).length; fl = Math.min(fl, (performance.now() - t) * 1000 / notes.length); }
console.log(best.toFixed(1), (best / fl).toFixed(2), sink % 7);
