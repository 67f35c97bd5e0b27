import { readFileSync } from 'node:fs';
import { recordTexts } from '../../lambdas/corpus/corpus-schema.js';
import { parseJsonlStrict } from '../../lambdas/corpus/read-jsonl.js';

/** Every text of the dev corpus (../shared/corpus/dev.jsonl): each note's text and each lead field. */
export function devCorpusTexts(): string[] {
  const file = new URL('../../../shared/corpus/dev.jsonl', import.meta.url);
  return parseJsonlStrict(readFileSync(file, 'utf8')).flatMap(recordTexts);
}
