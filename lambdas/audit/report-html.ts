import { CATEGORIES, type CategoryId } from '../core/categories.js';
import { formatDuration } from './progress.js';
import type { AuditSummary } from './summary.js';

/**
 * report.html: one self-contained file. Chart.js (its UMD build) is inlined with the data, and a
 * Content-Security-Policy forbids every network fetch, so the report opens offline and leaks
 * nothing. Only masked previews and CRM record ids appear; record titles are left out (they are
 * raw text nobody scanned).
 */

const SEVERITY_COLOURS = { high: '#c0392b', medium: '#e67e22', low: '#d4ac0d' } as const;
const GROUP_COLOURS = { pii: '#6c5ce7', special: '#0984e3', conduct: '#00a383' } as const;
const TOP_OWNERS = 15;

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** JSON that can sit inside a <script> element: no "</script>", no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const int = (n: number) => n.toLocaleString('en-US');
const pct = (part: number, whole: number) => (whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`);

function chartData(s: AuditSummary) {
  const owners = s.byOwner.filter((o) => o.findings > 0).slice(0, TOP_OWNERS);
  const severityDatasets = <T extends { high: number; medium: number; low: number }>(rows: T[]) =>
    (['high', 'medium', 'low'] as const).map((sev) => ({
      label: sev,
      data: rows.map((r) => r[sev]),
      backgroundColor: SEVERITY_COLOURS[sev],
      stack: 'findings',
    }));
  return {
    category: {
      labels: s.byCategory.map((c) => c.label),
      data: s.byCategory.map((c) => c.findings),
      colours: s.byCategory.map(
        (c) => GROUP_COLOURS[CATEGORIES[c.category as CategoryId]?.group ?? 'conduct'],
      ),
    },
    severity: {
      labels: ['high', 'medium', 'low'],
      data: [s.bySeverity.high, s.bySeverity.medium, s.bySeverity.low],
      colours: [SEVERITY_COLOURS.high, SEVERITY_COLOURS.medium, SEVERITY_COLOURS.low],
    },
    owner: { labels: owners.map((o) => o.owner), datasets: severityDatasets(owners) },
    time: {
      labels: s.overTime.periods.map((p) => p.period),
      datasets: severityDatasets(s.overTime.periods),
      records: s.overTime.periods.map((p) => p.records),
    },
  };
}

// Runs in the page: draws the four charts from the embedded data, then marks the page ready.
const INIT = `
(function () {
  var d = JSON.parse(document.getElementById('audit-data').textContent);
  Chart.defaults.animation = false;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#3d4451';
  Chart.defaults.maintainAspectRatio = false;
  var stacked = { x: { stacked: true }, y: { stacked: true, beginAtZero: true } };
  new Chart(document.getElementById('chart-category'), {
    type: 'bar',
    data: { labels: d.category.labels, datasets: [{ label: 'findings', data: d.category.data, backgroundColor: d.category.colours }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } }
  });
  new Chart(document.getElementById('chart-severity'), {
    type: 'doughnut',
    data: { labels: d.severity.labels, datasets: [{ data: d.severity.data, backgroundColor: d.severity.colours }] },
    options: { plugins: { legend: { position: 'bottom' } } }
  });
  new Chart(document.getElementById('chart-owner'), {
    type: 'bar',
    data: { labels: d.owner.labels, datasets: d.owner.datasets },
    options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } }, plugins: { legend: { position: 'bottom' } } }
  });
  var time = d.time.datasets.slice();
  time.push({ type: 'line', label: 'records scanned', data: d.time.records, yAxisID: 'records', borderColor: '#5f6b7a', backgroundColor: '#5f6b7a', pointRadius: 2, tension: 0.2 });
  new Chart(document.getElementById('chart-time'), {
    type: 'bar',
    data: { labels: d.time.labels, datasets: time },
    options: {
      scales: { x: stacked.x, y: Object.assign({ title: { display: true, text: 'findings' } }, stacked.y),
        records: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'records' } } },
      plugins: { legend: { position: 'bottom' } }
    }
  });
  document.documentElement.setAttribute('data-charts', 'ready');
})();
`;

const STYLE = `
:root { --ink: #1f2430; --muted: #5f6b7a; --line: #e3e6ea; --bg: #f5f6f8; --card: #fff; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 0 0 12px; }
.meta { color: var(--muted); margin: 0 0 20px; }
.kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin-bottom: 16px; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.kpi b { display: block; font-size: 22px; }
.kpi span { color: var(--muted); font-size: 12px; }
.kpi.high b { color: ${SEVERITY_COLOURS.high}; }
.grid { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 16px; margin-bottom: 16px; }
.span2 { grid-column: span 2; } .span3 { grid-column: span 3; } .span4 { grid-column: span 4; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin: 0; min-width: 0; }
.wide { grid-column: 1 / -1; }
td.previews { width: 45%; }
td code { word-break: break-all; }
.chart { position: relative; height: 300px; }
.chart.tall { height: 420px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 12px; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sev { display: inline-block; border-radius: 4px; padding: 0 6px; color: #fff; font-size: 12px; }
.sev.high { background: ${SEVERITY_COLOURS.high}; } .sev.medium { background: ${SEVERITY_COLOURS.medium}; } .sev.low { background: ${SEVERITY_COLOURS.low}; }
.preview { color: #333; font-size: 13px; margin: 0 0 4px; }
.muted { color: var(--muted); }
footer { color: var(--muted); font-size: 12px; margin-top: 16px; }
@media (max-width: 900px) { .grid > * { grid-column: 1 / -1; } .kpis { grid-template-columns: repeat(2, 1fr); } }
`;

const sev = (s: string) => `<span class="sev ${escapeHtml(s)}">${escapeHtml(s)}</span>`;

function rulesTable(s: AuditSummary): string {
  if (s.topRules.length === 0) return '<p class="muted">No findings.</p>';
  const rows = s.topRules
    .map(
      (r) =>
        `<tr><td><code>${escapeHtml(r.ruleId)}</code></td><td>${escapeHtml(CATEGORIES[r.category]?.label ?? r.category)}</td><td>${sev(r.severity)}</td><td class="n">${int(r.findings)}</td><td class="n">${int(r.records)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>rule</th><th>category</th><th>severity</th><th>findings</th><th>records</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function worstTable(s: AuditSummary): string {
  if (s.worstRecords.length === 0) return '<p class="muted">No record has findings.</p>';
  const rows = s.worstRecords
    .map((w, i) => {
      const previews = w.previews
        .map(
          (p) =>
            `<p class="preview">${sev(p.severity)} <span class="muted">${escapeHtml(p.field)}</span> ${escapeHtml(p.preview)}</p>`,
        )
        .join('');
      const cats = w.categories.map((c) => escapeHtml(CATEGORIES[c]?.label ?? c)).join(', ');
      return `<tr><td class="n">${i + 1}</td><td><code>${escapeHtml(w.recordId)}</code><br><span class="muted">${escapeHtml(w.object)} · ${escapeHtml(w.file)}:${w.line}</span></td><td>${escapeHtml(w.owner ?? w.ownerId ?? '')}</td><td>${escapeHtml(w.createdDate?.slice(0, 10) ?? '')}</td><td class="n">${w.high} / ${w.medium} / ${w.low}</td><td>${cats}</td><td class="previews">${previews}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>#</th><th>CRM record</th><th>owner</th><th>created</th><th>high / med / low</th><th>categories</th><th>masked previews</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function inputsTable(s: AuditSummary): string {
  const rows = s.files
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.file)}</td><td>${escapeHtml(f.object)}</td><td class="n">${int(f.records)}</td><td class="n">${int(f.findings)}</td><td class="n">${int(f.skippedRows)}</td></tr>`,
    )
    .join('');
  const ignored = s.ignoredFiles
    .map((f) => `<li>${escapeHtml(f.file)}: ${escapeHtml(f.reason)}</li>`)
    .join('');
  return `<table><thead><tr><th>file</th><th>object</th><th>records</th><th>findings</th><th>malformed rows skipped</th></tr></thead><tbody>${rows}</tbody></table>${ignored ? `<p class="muted">Not audited:</p><ul class="muted">${ignored}</ul>` : ''}`;
}

export function renderReportHtml(s: AuditSummary, chartJs: string): string {
  const t = s.totals;
  const when = s.generatedAt.slice(0, 16).replace('T', ' ');
  const per = s.overTime.granularity;
  const undated = s.overTime.undated.records;
  const timeNote =
    s.overTime.periods.length === 0
      ? '<p class="muted">These exports carry no created dates.</p>'
      : undated > 0
        ? `<p class="muted">${int(undated)} records without a created date are not charted.</p>`
        : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>NoteGuard privacy audit — ${escapeHtml(when)} UTC</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Privacy audit of CRM notes</h1>
<p class="meta">Generated ${escapeHtml(when)} UTC by NoteGuard · ${s.files.length} export file(s) · ${int(t.records)} records in ${formatDuration(s.run.durationSeconds)} · previews are masked, no raw flagged text appears here</p>
<section class="kpis">
<div class="kpi"><b>${int(t.records)}</b><span>records scanned</span></div>
<div class="kpi"><b>${int(t.recordsWithFindings)}</b><span>records with findings (${pct(t.recordsWithFindings, t.records)})</span></div>
<div class="kpi"><b>${int(t.findings)}</b><span>findings</span></div>
<div class="kpi high"><b>${int(s.bySeverity.high)}</b><span>high-severity findings</span></div>
<div class="kpi"><b>${int(s.skippedRows)}</b><span>malformed rows skipped</span></div>
</section>
<section class="grid">
<figure class="card span4"><h2>Findings by category</h2><div class="chart tall"><canvas id="chart-category" role="img" aria-label="Findings by category"></canvas></div></figure>
<figure class="card span2"><h2>Findings by severity</h2><div class="chart tall"><canvas id="chart-severity" role="img" aria-label="Findings by severity"></canvas></div></figure>
<figure class="card wide"><h2>Findings over time (by record created date, per ${per})</h2><div class="chart"><canvas id="chart-time" role="img" aria-label="Findings over time"></canvas></div>${timeNote}</figure>
<figure class="card span3"><h2>Findings by owner (top ${TOP_OWNERS})</h2><div class="chart tall"><canvas id="chart-owner" role="img" aria-label="Findings by owner"></canvas></div></figure>
<section class="card span3"><h2>Top rules</h2>${rulesTable(s)}</section>
</section>
<section class="card"><h2>Worst records</h2>${worstTable(s)}</section>
<section class="card" style="margin-top:16px"><h2>Inputs</h2>${inputsTable(s)}</section>
<footer>NoteGuard audit report. Charts drawn with Chart.js (MIT licence), embedded in this file: it opens offline and loads nothing from the network.</footer>
</main>
<script>${chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script type="application/json" id="audit-data">${scriptJson(chartData(s))}</script>
<script>${INIT}</script>
</body>
</html>
`;
}
