import { NoteGuardError, ValidationError } from '../core/errors.js';
import { errorFields, type Logger } from '../core/log.js';
import type { HttpResult } from './http-types.js';
import { json } from './respond.js';
import { soapFault } from './salesforce-soap.js';

/**
 * The one mapper from errors to HTTP. Exposed errors (4xx, 503) say what was wrong and where;
 * anything else is a bare 500 that names nothing internal. The log gets the error's name only.
 */
export function errorToHttp(err: unknown, logger: Logger, route: string): HttpResult {
  if (err instanceof NoteGuardError && err.expose) {
    const body: Record<string, unknown> = { error: err.name, message: err.message };
    if (err instanceof ValidationError && err.issues.length > 0) body.issues = err.issues;
    if (err.status === 503) {
      logger.warn('dependency unavailable', { route, ...errorFields(err.cause ?? err) });
      return json(503, body, { 'retry-after': '30' });
    }
    return json(err.status, body);
  }
  logger.error('unhandled error', { route, ...errorFields(err) });
  return json(500, { error: 'InternalError', message: 'internal error' });
}

/**
 * The same mapping for a SOAP caller (Salesforce Outbound Messaging): same status, same exposure
 * rules and logging, rendered as a SOAP Fault with a readable faultstring instead of JSON.
 */
export function errorToSoapFault(err: unknown, logger: Logger, route: string): HttpResult {
  const res = errorToHttp(err, logger, route);
  const retryAfter = res.headers['retry-after'];
  return soapFault(
    res.statusCode,
    JSON.parse(res.body) as { error: string; message: string; issues?: { path: string; message: string }[] },
    retryAfter ? { 'retry-after': retryAfter } : {},
  );
}
