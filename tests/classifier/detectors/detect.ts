import type { Detector } from '../../../lambdas/classifier/detectors/detector.js';
import { normalise } from '../../../lambdas/classifier/normalise.js';

/** The texts a detector flags in `text` (offsets mapped back to the original). */
export function detected(detector: Detector, text: string): string[] {
  const view = normalise(text);
  return detector.detect(view).map((h) => text.slice(view.origStart(h.start), view.origEnd(h.end)));
}
