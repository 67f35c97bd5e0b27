// What scripts/bench/compare.ts runs in its one process, with both classifiers loaded.
import { existsSync, readFileSync } from 'node:fs';
import { recordTexts } from '../../lambdas/corpus/corpus-schema.js';
import { parseJsonlStrict } from '../../lambdas/corpus/read-jsonl.js';

interface Scanner {
  scanText(text: string): unknown[];
}

/** Every text of a corpus file (none if it is not there: the generated notes are checked anyway). */
export function corpusTexts(file: string): string[] {
  return existsSync(file) ? parseJsonlStrict(readFileSync(file, 'utf8')).flatMap(recordTexts) : [];
}

/** Stops the comparison if the two versions find anything different in any text. */
export function checkSame(base: Scanner, head: Scanner, texts: readonly string[]): void {
  for (const text of texts) {
    if (JSON.stringify(base.scanText(text)) !== JSON.stringify(head.scanText(text))) {
      console.log(`findings differ on: ${JSON.stringify(text.slice(0, 120))}`);
      process.exit(1);
    }
  }
  console.log(`findings identical on ${texts.length} texts`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * µs per note of each version, passes alternating (which goes first alternates too), after 3 warm-up
 * passes each; prints the medians and the median and quartiles of head ÷ base over paired passes.
 */
export function timePairs(base: Scanner, head: Scanner, notes: readonly string[], rounds: number): void {
  let sink = 0;
  const pass = (s: Scanner) => {
    const t = performance.now();
    for (const n of notes) sink += s.scanText(n).length;
    return ((performance.now() - t) * 1000) / notes.length;
  };
  for (let r = 0; r < 3; r++) {
    pass(base);
    pass(head);
  }
  const b: number[] = [];
  const h: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      b.push(pass(base));
      h.push(pass(head));
    } else {
      h.push(pass(head));
      b.push(pass(base));
    }
  }
  const ratios = b.map((x, i) => (h[i] as number) / x).sort((x, y) => x - y);
  const q = (p: number) => (ratios[Math.floor(p * (ratios.length - 1))] as number).toFixed(3);
  console.log(
    `µs per note, median of ${rounds} passes: base ${median(b).toFixed(1)}, this tree ${median(h).toFixed(1)}; ` +
      `this tree ÷ base, paired passes: median ${q(0.5)} (quartiles ${q(0.25)}–${q(0.75)})`,
  );
  if (sink === -1) console.log(sink);
}
