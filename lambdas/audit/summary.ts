import { CATEGORIES, type CategoryId, SEVERITY_RANK, type Severity } from '../core/categories.js';
import type { AuditObject } from './detect-object.js';

/**
 * The audit's running totals. Everything here is bounded by the CRM's shape (categories, rules,
 * owners, days), never by the number of records, so it fits in a checkpoint and in memory
 * whatever the export's size.
 */

interface SeverityCounts {
  high: number;
  medium: number;
  low: number;
}

interface Tally extends SeverityCounts {
  records: number;
  recordsWithFindings: number;
  findings: number;
}

export interface WorstRecord extends SeverityCounts {
  recordId: string;
  object: AuditObject;
  file: string;
  line: number;
  ownerId?: string;
  owner?: string;
  createdDate?: string;
  findings: number;
  categories: CategoryId[];
  /** Masked previews of the most severe findings (never raw text). */
  previews: { field: string; category: CategoryId; severity: Severity; preview: string }[];
}

export interface SkippedRow {
  file: string;
  line: number;
  message: string;
}

export interface SummaryState {
  totals: Tally & { skippedRows: number };
  files: Record<string, { object: AuditObject; records: number; findings: number; skippedRows: number }>;
  byCategory: Partial<Record<CategoryId, number>>;
  byOwner: Record<string, Tally & { ownerId?: string; owner: string }>;
  byDay: Record<string, Tally>;
  undated: Tally;
  rules: Record<string, { category: CategoryId; severity: Severity; findings: number; records: number }>;
  worst: WorstRecord[];
  skipped: SkippedRow[];
}

/** The finding facts the summary needs (a Finding plus its masked preview). */
export interface SummaryFinding {
  category: CategoryId;
  severity: Severity;
  ruleId: string;
  field: string;
  preview: string;
}

export interface SummaryRecord {
  file: string;
  line: number;
  object: AuditObject;
  recordId: string;
  ownerId?: string;
  owner?: string;
  createdDate?: string;
}

export const WORST_RECORDS = 25;
export const SKIPPED_KEPT = 1000;
const PREVIEWS_PER_RECORD = 3;
const NO_OWNER = '(no owner)';

const tally = (): Tally => ({ records: 0, recordsWithFindings: 0, findings: 0, high: 0, medium: 0, low: 0 });

export function emptySummary(): SummaryState {
  return {
    totals: { ...tally(), skippedRows: 0 },
    files: {},
    byCategory: {},
    byOwner: {},
    byDay: {},
    undated: tally(),
    rules: {},
    worst: [],
    skipped: [],
  };
}

function count(t: Tally, findings: readonly SummaryFinding[]): void {
  t.records++;
  if (findings.length > 0) t.recordsWithFindings++;
  t.findings += findings.length;
  for (const f of findings) t[f.severity]++;
}

/** Worse first: more high, then more medium, then more findings. */
function compareWorst(a: WorstRecord, b: WorstRecord): number {
  return b.high - a.high || b.medium - a.medium || b.findings - a.findings || a.line - b.line;
}

export function addRecord(s: SummaryState, r: SummaryRecord, findings: readonly SummaryFinding[]): void {
  count(s.totals, findings);
  const file = s.files[r.file] ?? { object: r.object, records: 0, findings: 0, skippedRows: 0 };
  s.files[r.file] = file;
  file.records++;
  file.findings += findings.length;
  const ownerKey = r.ownerId ?? NO_OWNER;
  const owner = s.byOwner[ownerKey] ?? {
    ...tally(),
    ...(r.ownerId ? { ownerId: r.ownerId } : {}),
    owner: r.owner ?? r.ownerId ?? NO_OWNER,
  };
  s.byOwner[ownerKey] = owner;
  count(owner, findings);
  const day = r.createdDate?.slice(0, 10);
  if (day) {
    const t = s.byDay[day] ?? tally();
    s.byDay[day] = t;
    count(t, findings);
  } else count(s.undated, findings);
  if (findings.length === 0) return;

  const seenRules = new Set<string>();
  for (const f of findings) {
    s.byCategory[f.category] = (s.byCategory[f.category] ?? 0) + 1;
    const rule = s.rules[f.ruleId] ?? { category: f.category, severity: f.severity, findings: 0, records: 0 };
    s.rules[f.ruleId] = rule;
    rule.findings++;
    if (!seenRules.has(f.ruleId)) {
      seenRules.add(f.ruleId);
      rule.records++;
    }
  }
  const sev = { high: 0, medium: 0, low: 0 };
  for (const f of findings) sev[f.severity]++;
  const candidate = { ...sev, findings: findings.length, line: r.line } as WorstRecord;
  const last = s.worst[s.worst.length - 1];
  if (s.worst.length >= WORST_RECORDS && last && compareWorst(candidate, last) >= 0) return;
  const previews = [...findings]
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])
    .slice(0, PREVIEWS_PER_RECORD)
    .map((f) => ({ field: f.field, category: f.category, severity: f.severity, preview: f.preview }));
  const worst: WorstRecord = {
    recordId: r.recordId,
    object: r.object,
    file: r.file,
    line: r.line,
    ...(r.ownerId ? { ownerId: r.ownerId } : {}),
    ...(r.owner ? { owner: r.owner } : {}),
    ...(r.createdDate ? { createdDate: r.createdDate } : {}),
    ...sev,
    findings: findings.length,
    categories: [...new Set(findings.map((f) => f.category))],
    previews,
  };
  s.worst.push(worst);
  s.worst.sort(compareWorst);
  if (s.worst.length > WORST_RECORDS) s.worst.length = WORST_RECORDS;
}

export function addSkipped(s: SummaryState, row: SkippedRow, object: AuditObject): void {
  s.totals.skippedRows++;
  const file = s.files[row.file] ?? { object, records: 0, findings: 0, skippedRows: 0 };
  s.files[row.file] = file;
  file.skippedRows++;
  if (s.skipped.length < SKIPPED_KEPT) s.skipped.push(row);
}

export interface RunFacts {
  generatedAt: string;
  durationSeconds: number;
  peakRssMb: number;
  /** CPU time (user + system) of this process, this run only: the rate a busy machine cannot skew. */
  cpuSeconds: number;
  ignoredFiles: { file: string; reason: string }[];
  store?: { table: string; storedNotes: number; storedFindings: number; alreadyStored: number };
}

export type AuditSummary = ReturnType<typeof finalSummary>;

/** summary.json: the totals, sorted and labelled for people and the report. */
export function finalSummary(s: SummaryState, run: RunFacts) {
  const days = Object.keys(s.byDay).sort();
  const first = days[0];
  const lastDay = days[days.length - 1];
  const spanDays = first && lastDay ? (Date.parse(lastDay) - Date.parse(first)) / 86_400_000 : 0;
  // Months read well for a multi-year backlog; a short export is charted by day.
  const granularity: 'day' | 'month' = spanDays > 62 ? 'month' : 'day';
  const periods = new Map<string, Tally>();
  for (const day of days) {
    const key = granularity === 'month' ? day.slice(0, 7) : day;
    const t = periods.get(key) ?? tally();
    const d = s.byDay[day] as Tally;
    for (const k of Object.keys(t) as (keyof Tally)[]) t[k] += d[k];
    periods.set(key, t);
  }
  return {
    generatedAt: run.generatedAt,
    totals: s.totals,
    files: Object.entries(s.files).map(([file, f]) => ({ file, ...f })),
    ignoredFiles: run.ignoredFiles,
    bySeverity: { high: s.totals.high, medium: s.totals.medium, low: s.totals.low },
    byCategory: Object.entries(s.byCategory)
      .map(([category, findings]) => ({
        category: category as CategoryId,
        label: CATEGORIES[category as CategoryId]?.label ?? category,
        findings: findings as number,
      }))
      .sort((a, b) => b.findings - a.findings || a.category.localeCompare(b.category)),
    byOwner: Object.values(s.byOwner).sort(
      (a, b) => b.findings - a.findings || a.owner.localeCompare(b.owner),
    ),
    overTime: {
      granularity,
      periods: [...periods].map(([period, t]) => ({ period, ...t })),
      undated: s.undated,
    },
    topRules: Object.entries(s.rules)
      .map(([ruleId, r]) => ({ ruleId, ...r }))
      .sort((a, b) => b.findings - a.findings || a.ruleId.localeCompare(b.ruleId))
      .slice(0, 20),
    worstRecords: s.worst,
    skippedRows: s.totals.skippedRows,
    skipped: s.skipped,
    ...(run.store ? { store: run.store } : {}),
    run: {
      durationSeconds: Math.round(run.durationSeconds * 10) / 10,
      recordsPerMinute:
        run.durationSeconds > 0 ? Math.round((s.totals.records / run.durationSeconds) * 60) : 0,
      peakRssMb: Math.round(run.peakRssMb),
      cpuSeconds: Math.round(run.cpuSeconds * 10) / 10,
    },
  };
}
