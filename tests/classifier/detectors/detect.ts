import type { Detector, DetectorHit, NoteCues } from '../../../lambdas/classifier/detectors/detector.js';
import { noteBitsOf, WordCueTable } from '../../../lambdas/classifier/detectors/word-cues.js';
import { type NormalisedText, normalise } from '../../../lambdas/classifier/normalise.js';
import { tokenise } from '../../../lambdas/classifier/tokenise.js';

/** Every word cue answered yes: the detector runs all its patterns, as if it had no gates. */
export const ALL_CUES: NoteCues = { has: () => true };

/** The detector's hits with the word cues the note really has, as the engine computes them. */
export function detectGated(detector: Detector, view: NormalisedText): DetectorHit[] {
  const table = new WordCueTable([detector]);
  const bits = noteBitsOf(table, tokenise(view.lower));
  return detector.detect(view, table.cuesFor(0, bits));
}

/**
 * The texts a detector flags in `text` (offsets mapped back to the original). Every call also
 * checks the detector's word cues: gated and ungated, it must find exactly the same.
 */
export function detected(detector: Detector, text: string): string[] {
  const view = normalise(text);
  const hits = detectGated(detector, view);
  const ungated = detector.detect(view, ALL_CUES);
  if (JSON.stringify(hits) !== JSON.stringify(ungated))
    throw new Error(`${detector.id}: its word cues hide a hit in ${JSON.stringify(text)}`);
  return hits.map((h) => text.slice(view.origStart(h.start), view.origEnd(h.end)));
}
