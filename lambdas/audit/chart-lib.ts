import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// scripts/build.mjs defines this as the Chart.js UMD build, so dist/cli.mjs carries the library
// itself; from the TypeScript sources it is read from node_modules.
declare const __NOTEGUARD_CHART_JS__: string | undefined;

let cached: string | undefined;

/** Chart.js's minified UMD build, MIT licence banner kept, source-map comment dropped. */
export function chartJsSource(): string {
  if (cached !== undefined) return cached;
  if (typeof __NOTEGUARD_CHART_JS__ === 'string') {
    cached = __NOTEGUARD_CHART_JS__;
    return cached;
  }
  cached = readChartJs(createRequire(import.meta.url).resolve('chart.js'));
  return cached;
}

/** Reads chart.umd.min.js next to the package's main file (`chart.js` exports no subpaths). */
export function readChartJs(mainFile: string): string {
  const source = readFileSync(join(dirname(mainFile), 'chart.umd.min.js'), 'utf8');
  return source.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
}
