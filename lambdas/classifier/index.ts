import { type Classifier, createClassifier } from './classifier.js';
import { PII_DETECTORS } from './detectors/index.js';
import { loadLexicons } from './lexicon-load.js';

export type { Classifier } from './classifier.js';
export { createClassifier } from './classifier.js';
export type { Finding, LeadRecord, NoteRecord, ScanRecord, Tuning } from './types.js';

let shared: Classifier | undefined;

/** The classifier built from the bundled lexicons and detectors, compiled on first use. */
export function defaultClassifier(): Classifier {
  shared ??= createClassifier({ lexicons: loadLexicons(), detectors: PII_DETECTORS });
  return shared;
}
