// What scripts/bench/compare.ts runs in each of its processes, with both classifiers loaded.
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

/** Notes per timed slice: ~10 ms, short enough that the machine's speed seldom changes within a pair. */
const SLICE = 200;

/**
 * µs per note of each version, after 3 warm-up passes each. Each round goes over the notes slice by
 * slice, both versions on each slice in turn (which goes first alternates); prints the medians of
 * the rounds and the median and quartiles of head ÷ base over the paired slices, and returns that median.
 */
export function timePairs(base: Scanner, head: Scanner, notes: readonly string[], rounds: number): number {
  let sink = 0;
  const time = (s: Scanner, from: number, to: number) => {
    const t = performance.now();
    for (let i = from; i < to; i++) sink += s.scanText(notes[i] as string).length;
    return performance.now() - t;
  };
  for (let r = 0; r < 3; r++) {
    time(base, 0, notes.length);
    time(head, 0, notes.length);
  }
  const b: number[] = [];
  const h: number[] = [];
  const ratios: number[] = [];
  let pair = 0;
  for (let r = 0; r < rounds; r++) {
    let bSum = 0;
    let hSum = 0;
    for (let from = 0; from < notes.length; from += SLICE) {
      const to = Math.min(notes.length, from + SLICE);
      let bt: number;
      let ht: number;
      if (pair++ % 2 === 0) {
        bt = time(base, from, to);
        ht = time(head, from, to);
      } else {
        ht = time(head, from, to);
        bt = time(base, from, to);
      }
      ratios.push(ht / bt);
      bSum += bt;
      hSum += ht;
    }
    b.push((bSum * 1000) / notes.length);
    h.push((hSum * 1000) / notes.length);
  }
  ratios.sort((x, y) => x - y);
  const q = (p: number) => (ratios[Math.floor(p * (ratios.length - 1))] as number).toFixed(3);
  console.log(
    `µs per note, median of ${rounds} rounds: base ${median(b).toFixed(1)}, this tree ${median(h).toFixed(1)}; ` +
      `this tree ÷ base, ${ratios.length} paired slices of ${SLICE} notes: median ${q(0.5)} (quartiles ${q(0.25)}–${q(0.75)})`,
  );
  if (sink === -1) console.log(sink);
  return ratios[Math.floor(0.5 * (ratios.length - 1))] as number;
}
