import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a bench entry as cdk/ bundles a Lambda (esbuild, minified, node22) into a temporary
 * .mjs, so what is timed is the code as deployed: no tsx transform, no source maps, no kept names.
 */
export async function bundleEntry(entry: string, name: string): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), `noteguard-${name}-`)), `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'silent',
  });
  return outfile;
}
