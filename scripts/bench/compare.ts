// `npm run bench:compare -- <git revision> [rounds] [processes]`: is this tree's classifier faster
// than the revision's, and does it find exactly the same? Machine speed here drifts 2× over minutes,
// so two bench runs minutes apart cannot tell a 5% change: both versions run in one process, bundled
// as a Lambda bundles them, taking turns on slices of the workload. And each process compiles them
// its own way (the same code against itself came out 0.97 in one process, 1.02 in another), so
// several processes run and the figure is the geometric mean of their median ratios.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundleEntry } from './esm-bundle.js';

const ROOT = resolve(import.meta.dirname, '../..');
const [revision, roundsArg, processesArg] = process.argv.slice(2);
if (!revision) {
  console.error('usage: npm run bench:compare -- <git revision> [rounds, default 10] [processes, default 4]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 10);
const processes = Number(processesArg ?? 4);

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
if (process.argv[2] === 'check') {
  const corpus = corpusTexts('${join(ROOT, '..', 'shared', 'corpus', 'dev.jsonl')}');
  checkSame(base, head, [...corpus, ...notes, ...generateNotes(20000, 300, 7)]);
}
process.stdout.write(\`ratio \${timePairs(base, head, notes, ${rounds})}\\n\`);
`,
  );
  const bundle = await bundleEntry(entry, 'compare');
  const ratios: number[] = [];
  for (let p = 0; p < processes; p++) {
    // The first process also checks the findings; its output says what differed.
    const run = spawnSync(process.execPath, [bundle, p === 0 ? 'check' : 'time'], { encoding: 'utf8' });
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    for (const line of lines) if (!line.startsWith('ratio ')) console.log(`${p + 1}: ${line}`);
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      process.exitCode = run.status ?? 1;
      break;
    }
    ratios.push(Number(lines.at(-1)?.slice('ratio '.length)));
  }
  if (ratios.length === processes) {
    const mean = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(
      `this tree ÷ base over ${processes} processes: ${mean.toFixed(3)} ` +
        `(geometric mean of their medians, ${(sorted[0] as number).toFixed(3)}–${(sorted.at(-1) as number).toFixed(3)})`,
    );
  }
  rmSync(dirname(bundle), { recursive: true, force: true });
} finally {
  if (existsSync(tree))
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}
