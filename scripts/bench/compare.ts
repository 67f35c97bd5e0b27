// `npm run bench:compare -- <git revision> [rounds]`: is this tree's classifier faster than the
// revision's, and does it find exactly the same? Machine speed here drifts 2× over minutes, so two
// bench runs minutes apart cannot tell a 5% change: both versions run in ONE process, bundled as a
// Lambda bundles them, alternating pass by pass; the figure is the median ratio of paired passes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundleEntry } from './esm-bundle.js';

const ROOT = resolve(import.meta.dirname, '../..');
const [revision, roundsArg] = process.argv.slice(2);
if (!revision) {
  console.error('usage: npm run bench:compare -- <git revision> [rounds, default 40]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 40);

/** The classifier of a source tree (this one or a revision's), as the entry imports it. */
const imports = (name: string, root: string) => `
import ${name}Snapshot from '${root}/dist/lexicons-en.js';
import { createClassifier as ${name}Create } from '${root}/lambdas/classifier/classifier.js';
import { PII_DETECTORS as ${name}Detectors } from '${root}/lambdas/classifier/detectors/index.js';
import { restoreLexicon as ${name}Restore } from '${root}/lambdas/classifier/lexicon-snapshot.js';
const ${name} = ${name}Create({ compiled: ${name}Restore(${name}Snapshot), detectors: ${name}Detectors });`;

try {
  execFileSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
    cwd: ROOT,
    stdio: 'ignore',
  });
} catch {
  console.error(`${revision} is not a revision of this repository`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'noteguard-compare-'));
const tree = join(work, 'base');
try {
  execFileSync('git', ['worktree', 'add', '--detach', tree, revision], { cwd: ROOT, stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--lexicons'], { cwd: tree, stdio: 'ignore' });
  const entry = join(work, 'compare-entry.ts');
  writeFileSync(
    entry,
    `${imports('base', tree)}
${imports('head', ROOT)}
import { generateNotes } from '${ROOT}/scripts/bench/workload.js';
import { checkSame, corpusTexts, timePairs } from '${ROOT}/scripts/bench/compare-run.js';
const notes = generateNotes(2000);
const corpus = corpusTexts('${join(ROOT, '..', 'shared', 'corpus', 'dev.jsonl')}');
checkSame(base, head, [...corpus, ...notes, ...generateNotes(20000, 300, 7)]);
timePairs(base, head, notes, ${rounds});
`,
  );
  const bundle = await bundleEntry(entry, 'compare');
  // Its own output says what differed; a non-zero exit is passed on.
  process.exitCode = spawnSync(process.execPath, [bundle], { stdio: 'inherit' }).status ?? 1;
  rmSync(dirname(bundle), { recursive: true, force: true });
} finally {
  if (existsSync(tree))
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}
