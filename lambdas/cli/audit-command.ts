import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DynamoNoteRepository } from '../adapters/dynamodb/dynamo-note-repository.js';
import { createTableInput } from '../adapters/dynamodb/table-design.js';
import { type AuditPorts, type AuditSource, runAudit, type StoreStats } from '../audit/audit-run.js';
import { chartJsSource } from '../audit/chart-lib.js';
import {
  type Checkpoint,
  clearCheckpoint,
  loadCheckpoint,
  resumeMismatch,
  saveCheckpoint,
} from '../audit/checkpoint.js';
import { SCANNED_OBJECTS } from '../audit/detect-object.js';
import { DynamoAuditStore } from '../audit/dynamo-audit-store.js';
import {
  type ExportFile,
  inspectExport,
  type Owner,
  ownerOf,
  readExport,
  readUsers,
} from '../audit/export-records.js';
import { FindingsCsvWriter } from '../audit/findings-csv-writer.js';
import { Progress } from '../audit/progress.js';
import { renderReportHtml } from '../audit/report-html.js';
import { finalSummary } from '../audit/summary.js';
import { defaultClassifier } from '../classifier/index.js';
import type { Tuning } from '../classifier/types.js';
import { InputError, UnavailableError } from '../core/errors.js';
import { LOCAL_DEFAULTS } from '../local/env-config.js';
import { DEFAULT_CONFIG } from '../usecases/deps.js';
import { emptySettings, tuningOf } from '../usecases/settings.js';

export interface StoreOptions {
  /** The deployed table (AWS credentials from the environment); absent: DynamoDB Local's `noteguard`. */
  table?: string;
  /** DynamoDB endpoint; default for local: NOTEGUARD_DYNAMODB_ENDPOINT or http://127.0.0.1:8000. */
  endpoint?: string;
  /** Salesforce org id, as the webhook names the org (noteIds derive from it). */
  orgId?: string;
}

export interface AuditOptions {
  files: string[];
  outDir: string;
  resume: boolean;
  store?: StoreOptions;
  out: (line: string) => void;
  /** Progress and malformed-row reports (standard error). */
  err: (text: string) => void;
  tty: boolean;
  /** Ctrl-C: stop cleanly at the next record. */
  signal: AbortSignal;
  progressIntervalMs?: number;
  checkpointEveryMs?: number;
  env?: NodeJS.ProcessEnv;
}

const int = (n: number) => n.toLocaleString('en-US');

/** Exit code: 0 done, 1 done but malformed rows were skipped, 130 stopped (resumable). */
export async function auditCommand(opts: AuditOptions): Promise<number> {
  const env = opts.env ?? process.env;
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const files = await Promise.all(opts.files.map((f) => inspectExport(resolve(f))));
  const owners = new Map<string, Owner>();
  const sources: AuditSource[] = [];
  const ignoredFiles: { file: string; reason: string }[] = [];
  for (const file of files) {
    if (file.detected.type === 'users') await readUsers(file, owners);
    else if (file.detected.type === 'object') sources.push(sourceOf(file));
    else {
      const reason = file.problem ?? `not an export the audit scans (${SCANNED_OBJECTS})`;
      ignoredFiles.push({ file: file.name, reason });
      opts.err(`noteguard: ${file.name}: ${reason}; skipped\n`);
    }
  }
  if (sources.length === 0) {
    throw new InputError(`none of the files is an export the audit scans (${SCANNED_OBJECTS})`);
  }

  if (opts.store?.table && !opts.store.endpoint && !opts.store.orgId && !env.NOTEGUARD_SALESFORCE_ORG_ID) {
    // Note ids derive from the org id: a wrong one would store duplicates the webhook never finds.
    throw new InputError(
      '--table needs --org (the Salesforce org id, as NOTEGUARD_SALESFORCE_ORG_ID in the stack)',
    );
  }
  const dir = resolve(opts.outDir);
  mkdirSync(dir, { recursive: true });
  const fingerprints = files.map((f) => ({ path: f.path, size: f.size, mtimeMs: f.mtimeMs }));
  const previous = loadCheckpoint(dir);
  if (opts.resume) {
    if (!previous) throw new InputError(`${opts.outDir}: no interrupted audit to resume`);
    const mismatch = resumeMismatch(previous, fingerprints);
    if (mismatch) throw new InputError(`cannot resume: ${mismatch}`);
    if ((previous.store !== undefined) !== (opts.store !== undefined)) {
      throw new InputError(
        `cannot resume: the interrupted audit ran ${previous.store ? 'with' : 'without'} --store; resume it the same way`,
      );
    }
  } else if (previous) {
    throw new InputError(
      `${opts.outDir} holds an interrupted audit: continue it with --resume, or write to another --out`,
    );
  }
  const csvPath = join(dir, 'findings.csv');
  const findings = previous
    ? FindingsCsvWriter.resume(csvPath, previous.findingsBytes)
    : FindingsCsvWriter.create(csvPath);

  let storeTarget: { table: string; store: DynamoAuditStore; client: DynamoDBClient } | undefined;
  let tuning: { salesforce?: Tuning; custom?: Tuning } = {};
  const orgIdFor = (source: 'salesforce' | 'custom') =>
    source === 'custom'
      ? 'default'
      : (opts.store?.orgId ?? env.NOTEGUARD_SALESFORCE_ORG_ID ?? LOCAL_DEFAULTS.NOTEGUARD_SALESFORCE_ORG_ID);
  try {
    if (opts.store) {
      const target = await openStore(opts.store, env, orgIdFor, previous?.store);
      storeTarget = target;
      opts.err(`noteguard: storing records with findings in table ${target.table} (${target.where})\n`);
      const [sf, custom] = await Promise.all([
        target.repo.getSettings(orgIdFor('salesforce')),
        target.repo.getSettings('default'),
      ]);
      tuning = {
        salesforce: tuningOf(sf ?? emptySettings(orgIdFor('salesforce'))),
        custom: tuningOf(custom ?? emptySettings('default')),
      };
    }

    const totalBytes = sources.reduce((n, s) => n + s.size, 0);
    const resumeAt = previous
      ? {
          doneBytes:
            sources.slice(0, previous.position.input).reduce((n, s) => n + s.size, 0) +
            (previous.position.at?.offset ?? 0),
          records: previous.summary.totals.records,
          findings: previous.summary.totals.findings,
          skipped: previous.summary.totals.skippedRows,
        }
      : undefined;
    const progress = new Progress({
      totalBytes,
      tty: opts.tty,
      write: opts.err,
      ...(opts.progressIntervalMs !== undefined ? { intervalMs: opts.progressIntervalMs } : {}),
      ...(resumeAt ? { start: resumeAt } : {}),
    });
    if (previous) {
      opts.err(
        `noteguard: resuming: ${int(previous.summary.totals.records)} records already audited in ${opts.outDir}\n`,
      );
    }
    const elapsedBefore = previous?.elapsedMs ?? 0;
    const ports: AuditPorts = {
      classifier: defaultClassifier(),
      tuningFor: (r) => tuning[r.source],
      ownerOf: (id) => ownerOf(owners, id),
      findings,
      ...(storeTarget ? { store: storeTarget.store } : {}),
      saveCheckpoint: (state) => {
        const checkpoint: Checkpoint = {
          version: 1,
          inputs: fingerprints,
          position: state.position,
          findingsBytes: state.findingsBytes,
          summary: state.summary,
          elapsedMs: elapsedBefore + (performance.now() - startedAt),
          ...(state.store ? { store: state.store } : {}),
        };
        saveCheckpoint(dir, checkpoint);
      },
      progress,
      signal: opts.signal,
      now: () => performance.now(),
    };
    let outcome: Awaited<ReturnType<typeof runAudit>>;
    try {
      outcome = await runAudit(ports, {
        sources,
        ...(previous ? { resume: { position: previous.position, summary: previous.summary } } : {}),
        ...(opts.checkpointEveryMs !== undefined ? { checkpointEveryMs: opts.checkpointEveryMs } : {}),
      });
    } finally {
      progress.finish();
    }
    const t = outcome.summary.totals;
    if (outcome.status === 'stopped') {
      opts.out(
        `stopped after ${int(t.records)} records (${int(t.findings)} findings so far); run the same command with --resume to continue`,
      );
      return 130;
    }

    const summary = finalSummary(outcome.summary, {
      generatedAt: new Date().toISOString(),
      durationSeconds: (elapsedBefore + (performance.now() - startedAt)) / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      cpuSeconds: (() => {
        const cpu = process.cpuUsage(cpuAtStart);
        return (cpu.user + cpu.system) / 1e6;
      })(),
      ignoredFiles,
      ...(storeTarget ? { store: { table: storeTarget.table, ...storeTarget.store.stats() } } : {}),
    });
    writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(join(dir, 'report.html'), renderReportHtml(summary, chartJsSource()));
    findings.close();
    clearCheckpoint(dir);

    opts.out(
      `audited ${int(t.records)} records from ${sources.length} file(s) in ${summary.run.durationSeconds} s (${int(summary.run.recordsPerMinute)} records/minute)`,
    );
    opts.out(
      `  ${int(t.findings)} findings in ${int(t.recordsWithFindings)} records (${int(summary.bySeverity.high)} high)${t.skippedRows > 0 ? `; ${int(t.skippedRows)} malformed rows skipped (listed in summary.json)` : ''}`,
    );
    if (summary.store) {
      opts.out(
        `  stored ${int(summary.store.storedNotes)} notes with ${int(summary.store.storedFindings)} open findings in ${summary.store.table}${summary.store.alreadyStored > 0 ? `; ${int(summary.store.alreadyStored)} already there, left as they were` : ''}`,
      );
    }
    for (const name of ['findings.csv', 'summary.json', 'report.html'])
      opts.out(`  ${join(opts.outDir, name)}`);
    return t.skippedRows > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof UnavailableError && loadCheckpoint(dir)) {
      throw new UnavailableError(`${err.message}; the audit can continue with --resume`, { cause: err });
    }
    throw err;
  } finally {
    findings.close();
    storeTarget?.client.destroy();
  }
}

function sourceOf(file: ExportFile): AuditSource {
  const object = file.detected.type === 'object' ? file.detected.spec.object : 'corpus';
  return { name: file.name, object, size: file.size, read: (from) => readExport(file, from) };
}

async function openStore(
  options: StoreOptions,
  env: NodeJS.ProcessEnv,
  orgIdFor: (source: 'salesforce' | 'custom') => string,
  start: StoreStats | undefined,
) {
  // An endpoint (given, or DynamoDB Local's by default) means local credentials; a table name
  // alone means the deployed table, with AWS credentials and region from the environment.
  const endpoint =
    options.endpoint ??
    (options.table === undefined ? (env.NOTEGUARD_DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000') : undefined);
  const local = endpoint !== undefined;
  const table = options.table ?? 'noteguard';
  const client = new DynamoDBClient(
    local
      ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {},
  );
  const where = endpoint ?? 'AWS';
  try {
    await client.send(new DescribeTableCommand({ TableName: table }));
  } catch (err) {
    if (err instanceof ResourceNotFoundException && local) {
      await client.send(new CreateTableCommand(createTableInput(table)));
    } else {
      client.destroy();
      const e = err as Error & { code?: string };
      const why = err instanceof ResourceNotFoundException ? 'no such table' : (e.code ?? e.name);
      throw new UnavailableError(
        `cannot use table ${table} at ${where} (${why})${local ? '; start DynamoDB Local (npm start prints its endpoint) and pass --endpoint, or name the deployed table with --table' : ''}`,
        { cause: err },
      );
    }
  }
  const repo = new DynamoNoteRepository(client, table);
  const store = new DynamoAuditStore(
    client,
    repo,
    {
      table,
      orgIdFor,
      retentionDays: DEFAULT_CONFIG.retentionDays,
      maxFindingsPerNote: DEFAULT_CONFIG.maxFindingsPerNote,
      now: () => new Date(),
    },
    start,
  );
  return { client, table, where, repo, store };
}
