import type { ZodError } from 'zod';

/**
 * The one error hierarchy. Every error has a stable `name`, an optional `cause`, and an HTTP
 * status for the single mapper (lambdas/http/errors-to-http later). 4xx messages say what was
 * wrong and where; anything else is reported to callers as a bare 500.
 */
export class NoteGuardError extends Error {
  readonly status: number = 500;
  /** Whether the message may be shown to the caller as it is. */
  readonly expose: boolean = false;
  override readonly name: string = 'NoteGuardError';
}

export interface IssueDetail {
  /** Where: a JSON path ("fields.Description"), a line number ("line 12"), a field name. */
  path: string;
  message: string;
}

/** Input that does not satisfy the contract (schema, format, encoding). */
export class ValidationError extends NoteGuardError {
  override readonly status = 400;
  override readonly expose = true;
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    readonly issues: readonly IssueDetail[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  static fromZod(where: string, error: ZodError): ValidationError {
    return new ValidationError(`${where}: invalid input`, zodIssues(error), { cause: error });
  }
}

/** A file or stream the caller pointed us at cannot be read. */
export class InputError extends NoteGuardError {
  override readonly status = 400;
  override readonly expose = true;
  override readonly name = 'InputError';
}

/** The bundled lexicon data is invalid: a defect of ours, caught by tests before it ships. */
export class LexiconDataError extends NoteGuardError {
  override readonly name = 'LexiconDataError';
  constructor(
    message: string,
    readonly issues: readonly IssueDetail[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  static fromZod(file: string, error: ZodError): LexiconDataError {
    const issues = zodIssues(error);
    const first = issues[0];
    return new LexiconDataError(`${file}: ${first ? `${first.path}: ${first.message}` : 'invalid'}`, issues, {
      cause: error,
    });
  }
}

export function zodIssues(error: ZodError): IssueDetail[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** Missing, malformed, stale or wrong credentials or signature. */
export class UnauthorizedError extends NoteGuardError {
  override readonly status = 401;
  override readonly expose = true;
  override readonly name = 'UnauthorizedError';
}

/** A signed request received again within its window: its signature was already claimed. */
export class ReplayError extends UnauthorizedError {
  constructor(options?: ErrorOptions) {
    super('this signed request was already received (replay)', options);
  }
}

/** Authenticated, but not allowed to do this (a rep acting on another rep's note). */
export class ForbiddenError extends NoteGuardError {
  override readonly status = 403;
  override readonly expose = true;
  override readonly name = 'ForbiddenError';
}

export class NotFoundError extends NoteGuardError {
  override readonly status = 404;
  override readonly expose = true;
  override readonly name = 'NotFoundError';
}

/** The request conflicts with the stored state (e.g. redacting a note whose text is no longer held). */
export class ConflictError extends NoteGuardError {
  override readonly status = 409;
  override readonly expose = true;
  override readonly name = 'ConflictError';
}

export class PayloadTooLargeError extends NoteGuardError {
  override readonly status = 413;
  override readonly expose = true;
  override readonly name = 'PayloadTooLargeError';
}

export class UnsupportedMediaTypeError extends NoteGuardError {
  override readonly status = 415;
  override readonly expose = true;
  override readonly name = 'UnsupportedMediaTypeError';
}

/** A dependency (the table, Slack, the CRM) is unavailable: the caller should retry later. */
export class UnavailableError extends NoteGuardError {
  override readonly status = 503;
  override readonly expose = true;
  override readonly name = 'UnavailableError';
}

/**
 * Optimistic-concurrency loss inside the store; use cases retry it. One that outlasts every retry
 * reaches the caller as a retryable 503 (with Retry-After), not a 500: nothing was stored.
 */
export class WriteConflictError extends NoteGuardError {
  override readonly status = 503;
  override readonly expose = true;
  override readonly name = 'WriteConflictError';
}

/** The delivery id was already stored: the webhook is a retry of something we already have. */
export class DuplicateDeliveryError extends NoteGuardError {
  override readonly status = 200;
  override readonly name = 'DuplicateDeliveryError';
}
