// Bundles the CLI with esbuild (run by `npm run build` and by `npm ci` through "prepare").
import { build } from 'esbuild';

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
  logLevel: 'warning',
});
