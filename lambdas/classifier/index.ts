import snapshot from '../../dist/lexicons-en.js';
import { type Classifier, createClassifier } from './classifier.js';
import { PII_DETECTORS } from './detectors/index.js';
import { restoreLexicon } from './lexicon-snapshot.js';

export type { Classifier } from './classifier.js';
export { createClassifier } from './classifier.js';
export type { Finding, LeadRecord, NoteRecord, ScanRecord, Tuning } from './types.js';

let shared: Classifier | undefined;

/**
 * The classifier of the bundled English lexicons and the PII detectors, restored on first use
 * from the snapshot `npm run build` compiles (dist/lexicons-en.js; validated there by zod).
 */
export function defaultClassifier(): Classifier {
  shared ??= createClassifier({
    compiled: restoreLexicon(snapshot),
    detectors: PII_DETECTORS,
  });
  return shared;
}
