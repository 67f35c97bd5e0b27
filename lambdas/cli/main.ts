import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NoteGuardError } from '../core/errors.js';
import { evalCommand } from './eval-command.js';
import { ANSI, PLAIN } from './format-report.js';
import { projectRoot } from './project-root.js';
import { scanCommand } from './scan-command.js';

const USAGE = `usage:
  noteguard scan [FILE|-] [--input text|jsonl] [--format text|json|jsonl] [--redact]
      Scan plain text (default: standard input) or a corpus-format .jsonl file.
      --format jsonl prints one line per record: {"id", "findings": [...]}.
  noteguard eval [CORPUS] [--json] [--errors]
      Precision, recall and F1 per category on a labelled corpus
      (default ../shared/corpus/dev.jsonl beside the project).
  noteguard audit EXPORT... --out DIR [--resume] [--store [--table NAME] [--endpoint URL] [--org ID]]
      Privacy audit of Salesforce data-export CSVs (Note, Lead, Task, ContentNote; User.csv
      names owners) or corpus .jsonl files, streamed: writes DIR/findings.csv (masked
      previews), DIR/summary.json and DIR/report.html. Ctrl-C stops; --resume continues.
      --store also writes records with findings to DynamoDB for the review queue (DynamoDB
      Local's "noteguard" table by default, the deployed table with --table).
  noteguard help`;

export async function main(argv: string[], out = console.log, err = console.error): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            input: { type: 'string' },
            format: { type: 'string', default: 'text' },
            redact: { type: 'boolean', default: false },
          },
        });
        const file = positionals[0] ?? '-';
        const input = values.input ?? (file.endsWith('.jsonl') ? 'jsonl' : 'text');
        if (input !== 'text' && input !== 'jsonl')
          return usageError(err, `--input must be text or jsonl, not "${input}"`);
        const format = values.format;
        if (format !== 'text' && format !== 'json' && format !== 'jsonl')
          return usageError(err, `--format must be text, json or jsonl, not "${format}"`);
        const style = process.stdout.isTTY && !process.env.NO_COLOR ? ANSI : PLAIN;
        return await scanCommand({ file, input, format, redact: values.redact, style, out, err });
      }
      case 'eval': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { json: { type: 'boolean', default: false }, errors: { type: 'boolean', default: false } },
        });
        const corpus = positionals[0] ?? join(projectRoot(), '..', 'shared', 'corpus', 'dev.jsonl');
        return await evalCommand({ corpus, json: values.json, errors: values.errors, out });
      }
      case 'audit': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            out: { type: 'string' },
            resume: { type: 'boolean', default: false },
            store: { type: 'boolean', default: false },
            table: { type: 'string' },
            endpoint: { type: 'string' },
            org: { type: 'string' },
          },
        });
        if (positionals.length === 0) return usageError(err, 'audit needs at least one export file');
        if (!values.out) return usageError(err, 'audit needs --out DIR');
        if (!values.store && (values.table || values.endpoint || values.org))
          return usageError(err, '--table, --endpoint and --org go with --store');
        // Loaded on demand: the scan path never pays for the DynamoDB client at start-up.
        const { auditCommand } = await import('./audit-command.js');
        return await withSigint((signal) => {
          const tty = Boolean(process.stderr.isTTY) && out === console.log;
          return auditCommand({
            files: positionals,
            outDir: values.out as string,
            resume: values.resume,
            ...(values.store
              ? {
                  store: {
                    ...(values.table ? { table: values.table } : {}),
                    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
                    ...(values.org ? { orgId: values.org } : {}),
                  },
                }
              : {}),
            out,
            err: tty ? (s) => process.stderr.write(s) : (s) => err(s.replace(/\n$/, '')),
            tty,
            signal,
            // Plain progress lines every 10 s unless NOTEGUARD_PROGRESS_MS says otherwise.
            ...(Number(process.env.NOTEGUARD_PROGRESS_MS) > 0
              ? { progressIntervalMs: Number(process.env.NOTEGUARD_PROGRESS_MS) }
              : {}),
          });
        });
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        return usageError(err, `unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof NoteGuardError && e.expose) {
      err(`noteguard: ${e.message}`);
      return 1;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return usageError(err, e.message);
    }
    err(`noteguard: internal error (${e instanceof Error ? e.name : 'unknown'}); please report it`);
    if (process.env.NOTEGUARD_DEBUG) err(String((e as Error)?.stack));
    return 70;
  }
}

/** Ctrl-C stops a long command cleanly (it checkpoints); a second Ctrl-C quits at once. */
async function withSigint<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    process.stderr.write('\nnoteguard: stopping after the current record (Ctrl-C again quits at once)\n');
  };
  process.on('SIGINT', onSigint);
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function usageError(err: (s: string) => void, message: string): number {
  err(`noteguard: ${message}\n${USAGE}`);
  return 2;
}
