// `npx tsx scripts/screenshot-report.ts`: audits a generated Salesforce export and saves a
// screenshot of report.html, rendered by headless Chromium, as docs/audit-report.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { auditCommand } from '../lambdas/cli/audit-command.js';
import { writeSalesforceExport } from './bench/audit.js';

const root = join(import.meta.dirname, '..');
const target = process.argv[2] ?? join(root, 'docs', 'audit-report.png');
const dir = mkdtempSync(join(tmpdir(), 'noteguard-report-'));
try {
  const exp = writeSalesforceExport(dir, { notes: 4000, leads: 400, tasks: 600, noteBytes: 600 });
  const out = join(dir, 'out');
  const code = await auditCommand({
    files: exp.files,
    outDir: out,
    resume: false,
    out: () => {},
    err: () => {},
    tty: false,
    signal: new AbortController().signal,
  });
  if (code !== 0) throw new Error(`audit exited with ${code}`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`file://${join(out, 'report.html')}`);
    await page.waitForSelector('html[data-charts="ready"]');
    // The charts, the top rules and the first worst records: the rest of the table is more of the same.
    const height = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document
          .documentElement.scrollHeight,
    );
    await page.screenshot({
      path: target,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: Math.min(height, 2100) },
    });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${target}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
