// Run by scripts/bench/classifier.ts, bundled as cdk/ bundles a Lambda, in a fresh process: one run
// of the throughput, latency and heap figures, printed as JSON.
import { measureClassifier } from './classifier-measure.js';

process.stdout.write(JSON.stringify(measureClassifier()));
