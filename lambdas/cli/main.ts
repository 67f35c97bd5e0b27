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

function usageError(err: (s: string) => void, message: string): number {
  err(`noteguard: ${message}\n${USAGE}`);
  return 2;
}
