#!/usr/bin/env node
// Runs the CLI bundle that `npm ci` / `npm install` builds (package.json "prepare").
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('noteguard: dist/cli.mjs is missing; run `npm run build` in the project first');
  process.exit(70);
}
await import(bundle.href);
