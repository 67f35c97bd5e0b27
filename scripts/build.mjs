// Bundles the CLI with esbuild (run by `npm run build` and by `npm ci` through "prepare").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

// `noteguard audit` inlines Chart.js into report.html: the bundle carries the library itself
// (lambdas/audit/chart-lib.ts), so dist/cli.mjs needs no node_modules at run time.
const chartMain = createRequire(import.meta.url).resolve('chart.js');
const chartJs = readFileSync(join(dirname(chartMain), 'chart.umd.min.js'), 'utf8').replace(
  /\n\/\/# sourceMappingURL=\S*\s*$/,
  '\n',
);

await build({
  entryPoints: ['lambdas/cli/bin.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Bundled CommonJS (natural's stemmer) needs `require` inside an ES module.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  define: { __NOTEGUARD_CHART_JS__: JSON.stringify(chartJs) },
  logLevel: 'warning',
});
