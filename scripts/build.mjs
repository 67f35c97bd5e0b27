// Builds what the sources don't hold ready-made (run by `npm run build`, by `npm ci` through
// "prepare", and before `npm test` and `npm start`): dist/lexicons-en.js, the compiled lexicon
// snapshot every classifier starts from, and dist/cli.mjs, the CLI bundle.
// After editing a lexicon, run `npm run build` (or `npm test`) for the change to take effect.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// `noteguard audit` inlines Chart.js into report.html: the bundle carries the library itself
// (lambdas/audit/chart-lib.ts), so dist/cli.mjs needs no node_modules at run time.
const chartMain = createRequire(import.meta.url).resolve('chart.js');
const chartJs = readFileSync(join(dirname(chartMain), 'chart.umd.min.js'), 'utf8').replace(
  /\n\/\/# sourceMappingURL=\S*\s*$/,
  '\n',
);

// Bundled CommonJS (natural's stemmer) needs `require` inside an ES module.
const requireBanner = {
  js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
};

// The lexicon compiler is TypeScript: bundle it to a scratch module, run it, and keep only its output.
await build({
  entryPoints: ['scripts/compile-lexicons.ts'],
  outfile: 'dist/.compile-lexicons.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: requireBanner,
  logLevel: 'warning',
});
const { writeEnglishSnapshot } = await import(pathToFileURL('dist/.compile-lexicons.mjs').href);
writeEnglishSnapshot();
rmSync('dist/.compile-lexicons.mjs');

if (process.argv.includes('--lexicons')) process.exit(0);

await build({
  entryPoints: ['lambdas/cli/bin.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  banner: requireBanner,
  define: { __NOTEGUARD_CHART_JS__: JSON.stringify(chartJs) },
  logLevel: 'warning',
});
