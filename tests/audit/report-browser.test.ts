import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCommand } from '../../lambdas/cli/audit-command.js';
import { RAW_SENSITIVE, writeLeadCsv, writeNoteCsv, writeUserCsv } from './fixtures.js';

// Debian's chromium (.ci/run installs it when it is missing), driven by playwright-core.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'noteguard-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const report = join(dir, 'out', 'report.html');
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const code = await auditCommand({
    files: [writeNoteCsv(dir, 300), writeLeadCsv(dir), writeUserCsv(dir)],
    outDir: join(dir, 'out'),
    resume: false,
    out: () => {},
    err: () => {},
    tty: false,
    signal: new AbortController().signal,
  });
  expect(code).toBe(0);
  browser = await chromium.launch({ executablePath: CHROMIUM });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('report.html in headless Chromium', () => {
  it('renders its four charts with no console errors and no network access', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${report}`);
    await page.waitForSelector('html[data-charts="ready"]', { timeout: 10_000 }).catch((e: Error) => {
      throw new Error(`${e.message}; the page said: ${problems.join('; ') || 'nothing'}`);
    });

    const charts = await page.evaluate(() => {
      // Runs in the page (the project compiles without DOM types: the few used are spelled out).
      type Canvas = {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const page = globalThis as unknown as {
        document: { getElementById(id: string): Canvas };
        Chart: {
          getChart(c: Canvas): { config: { type: string }; data: { datasets: { data: number[] }[] } };
        };
      };
      return ['chart-category', 'chart-severity', 'chart-owner', 'chart-time'].map((id) => {
        const canvas = page.document.getElementById(id);
        const chart = page.Chart.getChart(canvas);
        // Something was drawn: some pixels are not transparent.
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] as number) > 0) painted++;
        return {
          id,
          type: chart?.config.type,
          points: chart ? chart.data.datasets.reduce((n, d) => n + d.data.filter((v) => v > 0).length, 0) : 0,
          width: canvas.width,
          painted,
        };
      });
    });
    expect(problems).toEqual([]);
    expect(requests).toEqual([`file://${report}`]);
    expect(charts.map((c) => [c.id, c.type])).toEqual([
      ['chart-category', 'bar'],
      ['chart-severity', 'doughnut'],
      ['chart-owner', 'bar'],
      ['chart-time', 'bar'],
    ]);
    for (const c of charts) {
      expect(c.points, c.id).toBeGreaterThan(0);
      expect(c.width, c.id).toBeGreaterThan(100);
      expect(c.painted, c.id).toBeGreaterThan(1000);
    }
    await page.close();
  });

  it('shows the worst records with CRM record ids and masked previews, and the top rules', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${report}`);
    const worst = await page.$$eval('section.card:has(h2:text("Worst records")) tbody tr', (rows) =>
      rows.map((r) => r.textContent ?? ''),
    );
    expect(worst.length).toBe(25);
    expect(worst[0]).toMatch(/00[2Q]Ho\d+/);
    expect(worst[0]).toMatch(/\*{3}/);
    const rules = await page.$$eval('section.card:has(h2:text("Top rules")) tbody tr', (rows) => rows.length);
    expect(rules).toBeGreaterThan(3);
    const text = await page.evaluate(
      () => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText,
    );
    for (const raw of RAW_SENSITIVE) expect(text).not.toContain(raw);
    await page.close();
  });

  it('is one self-contained file: the charting library inline, nothing loaded from elsewhere', () => {
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('Chart.js v4');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/\s(src|href)=/);
  });
});
