import { UnavailableError } from './errors.js';

/**
 * Structured JSON logs. Callers pass ids, counts and categories only, never note text: the
 * fields type keeps free text out (strings are for ids and names of things, not content).
 */
export type LogFields = Record<string, string | number | boolean | null | undefined | string[]>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function jsonLogger(
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  base: LogFields = {},
): Logger {
  const emit = (level: string, message: string, fields?: LogFields) =>
    write(JSON.stringify({ level, time: new Date().toISOString(), message, ...base, ...fields }));
  return {
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** What may be logged about an error: its name and status, never its message (it may quote input). */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) {
    const status = (err as { status?: number; $metadata?: { httpStatusCode?: number } }).status;
    return { error: err.name, status: typeof status === 'number' ? status : null };
  }
  return { error: typeof err };
}

/**
 * Logs each item of a CRM batch that could not be stored: a warning when the store was
 * unavailable (the CRM retries), an error for anything else.
 */
export function logNotStored(
  logger: Logger,
  message: string,
  items: readonly { ids: LogFields; error: unknown }[],
): void {
  for (const { ids, error } of items) {
    const fields = { ...ids, ...errorFields(error) };
    if (error instanceof UnavailableError) logger.warn(message, fields);
    else logger.error(message, fields);
  }
}
