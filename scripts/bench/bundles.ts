import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROUTES } from '../../lambdas/http/routes.js';

export interface BundleFigure {
  name: string;
  bytes: number;
  /** Fresh `node` process: time to load the bundle (module init). */
  loadMs: number;
  /** Fresh process: load + one request handled (only for functions that need no AWS call). */
  readyMs?: number;
}

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Bundles every Lambda entry the way cdk/ does (esbuild, minified, CommonJS, node22, the AWS SDK
 * left to the runtime), then loads each in a fresh Node process and times it.
 */
export async function benchBundles(): Promise<BundleFigure[]> {
  const out = mkdtempSync(join(tmpdir(), 'noteguard-bundles-'));
  const entries = readdirSync(join(ROOT, 'lambdas', 'functions')).filter((f) => f.endsWith('.ts'));
  const figures: BundleFigure[] = [];
  for (const entry of entries) {
    const name = entry.replace(/\.ts$/, '');
    const outfile = join(out, `${name}.js`);
    await build({
      entryPoints: [join(ROOT, 'lambdas', 'functions', entry)],
      outfile,
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      external: ['@aws-sdk/*'],
      logLevel: 'silent',
    });
    const loadMs = timeInFreshNode(`require(${JSON.stringify(outfile)})`);
    // Readiness: load + the first request, which builds the container's context (classifier
    // included). With no secret ARNs set nothing is fetched, and an unsigned request gets a 4xx.
    const route = ROUTES.find((r) => r.name === name);
    const readyMs = route
      ? timeInFreshNode(
          `const m=require(${JSON.stringify(outfile)});return m.handler(${JSON.stringify(eventFor(route.method, route.path))}).then(r=>{if(r.statusCode>=500)throw new Error('${name} '+r.statusCode)})`,
        )
      : undefined;
    figures.push({
      name,
      bytes: statSync(outfile).size,
      loadMs,
      ...(readyMs !== undefined ? { readyMs } : {}),
    });
  }
  return figures;
}

/** Median of 5 fresh processes: milliseconds from process start of the script to the end of `code`. */
function timeInFreshNode(code: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const script = `const t0=performance.now();Promise.resolve((()=>{${code}})()).then(()=>{process.stdout.write(String(performance.now()-t0))})`;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      // NODE_PATH stands in for the AWS SDK that the nodejs22.x runtime provides.
      env: {
        PATH: process.env.PATH ?? '',
        NODE_PATH: join(ROOT, 'node_modules'),
        NOTEGUARD_TABLE: 'bench',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'x',
        // The SDK's Node-version notice would fill the report; it is not a result.
        NODE_NO_WARNINGS: '1',
      },
      encoding: 'utf8',
    });
    runs.push(Number(out));
  }
  runs.sort((a, b) => a - b);
  return runs[2] as number;
}

/** A minimal API Gateway v2 event for a route, path parameters filled with a placeholder. */
function eventFor(method: string, path: string) {
  const rawPath = path.replace(/\{[^}]+\}/g, 'n_bench');
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: { http: { method, path: rawPath } },
    body: method === 'POST' ? '{}' : undefined,
    isBase64Encoded: false,
  };
}
