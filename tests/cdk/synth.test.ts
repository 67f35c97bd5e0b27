import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npx cdk synth', () => {
  it('synthesises both stacks offline, with no AWS credentials, bundling every function with the local esbuild', () => {
    const out = mkdtempSync(join(tmpdir(), 'noteguard-cdk-'));
    // No credentials, no region, no profile: what a fresh clone on an offline machine has.
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      CDK_DISABLE_VERSION_CHECK: '1',
    };
    execFileSync(
      'npx',
      ['cdk', 'synth', '--quiet', '--output', out, '--no-notices', '--no-version-reporting'],
      {
        env,
        stdio: 'pipe',
        timeout: 180_000,
      },
    );
    const templates = readdirSync(out).filter((f) => f.endsWith('.template.json'));
    expect(templates.sort()).toEqual([
      'NoteGuard-prod-Api.template.json',
      'NoteGuard-prod-Data.template.json',
    ]);
    const api = JSON.parse(readFileSync(join(out, 'NoteGuard-prod-Api.template.json'), 'utf8'));
    const functions = Object.values(api.Resources as Record<string, { Type: string }>).filter(
      (r) => r.Type === 'AWS::Lambda::Function',
    );
    expect(functions.length).toBeGreaterThanOrEqual(10);
    // Every function's code is a bundled asset in the assembly.
    const assets = readdirSync(out).filter((f) => f.startsWith('asset.'));
    expect(assets.length).toBe(functions.length);
    for (const a of assets) expect(existsSync(join(out, a, 'index.js'))).toBe(true);
  }, 200_000);
});
