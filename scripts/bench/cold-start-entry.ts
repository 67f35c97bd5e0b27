// Run by scripts/bench/cold-start.ts, bundled like a Lambda, in a fresh process: how long until the
// matcher is ready (the snapshot module evaluated and restored, the classifier built), and the
// first scan after it (V8 compiles each regex on its first use).
import { createClassifier } from '../../lambdas/classifier/classifier.js';
import { PII_DETECTORS } from '../../lambdas/classifier/detectors/index.js';
import { restoreLexicon } from '../../lambdas/classifier/lexicon-snapshot.js';

const t0 = performance.now();
const { default: snapshot } = await import('../../dist/lexicons-en.js');
const classifier = createClassifier({ compiled: restoreLexicon(snapshot), detectors: PII_DETECTORS });
const t1 = performance.now();
classifier.scanText(
  'Dana is pregnant and on chemo; SSN 536-22-8471, pw is Summer2024!, call her at home 555-201-7788.',
);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ readyMs: t1 - t0, firstScanMs: t2 - t1 }));
