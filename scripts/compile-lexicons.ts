// Writes dist/lexicons-en.js (+ .d.ts): the bundled lexicons validated by their zod schemas and compiled
// once here, at build time, so that a Lambda or the CLI restores the matcher in milliseconds
// instead of expanding and stemming ~32,000 phrase variants on every cold start.
// Run by scripts/build.mjs (`npm run build`, `npm ci`, `npm test`, `npm start`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { compileLexicon } from '../lambdas/classifier/lexicon-compile.js';
import { loadLexicons } from '../lambdas/classifier/lexicon-load.js';
import { snapshotLexicon } from '../lambdas/classifier/lexicon-snapshot.js';

export const SNAPSHOT_MODULE = 'dist/lexicons-en.js';

/**
 * The snapshot as a module of one JSON.parse call: V8 parses a JSON string faster than the same
 * data as an object literal, and TypeScript reads the small declaration instead of ~1 MB of data.
 */
export function writeEnglishSnapshot(path = SNAPSHOT_MODULE): void {
  mkdirSync(dirname(path), { recursive: true });
  const json = JSON.stringify(snapshotLexicon(compileLexicon(loadLexicons())));
  writeFileSync(path, `export default JSON.parse(${JSON.stringify(json)});\n`);
  writeFileSync(
    path.replace(/\.js$/, '.d.ts'),
    "import type { LexiconSnapshot } from '../lambdas/classifier/lexicon-snapshot.js';\n" +
      'declare const snapshot: LexiconSnapshot;\nexport default snapshot;\n',
  );
}
