import { defaultClassifier } from '../../lambdas/classifier/index.js';
import type { Finding } from '../../lambdas/classifier/types.js';

/** [category, flagged text] for each finding of the default classifier: the shape fixture tables assert. */
export function flagged(text: string): [string, string][] {
  return defaultClassifier()
    .scanText(text)
    .map((f: Finding) => [f.category, text.slice(f.start, f.end)]);
}

/** Categories found in `text` (deduplicated, sorted). */
export function categoriesOf(text: string): string[] {
  return [...new Set(flagged(text).map(([c]) => c))].sort();
}
