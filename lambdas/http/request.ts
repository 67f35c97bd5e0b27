import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../core/errors.js';
import type { HttpEvent } from './http-types.js';

/** Documented body limit for every route (README, openapi.yaml). */
export const MAX_BODY_BYTES = 256 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Header value by case-insensitive name (HTTP APIs lower-case them, the local server too; v1 events don't). */
export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {}))
    if (k.toLowerCase() === wanted) return v ?? undefined;
  return undefined;
}

/**
 * The raw body as bytes and text. API Gateway sets isBase64Encoded for form and binary bodies;
 * the bytes are what signatures are computed over, and the text must be valid UTF-8.
 */
export function rawBody(event: HttpEvent): { bytes: Buffer; text: string } {
  const body = event.body ?? '';
  let bytes: Buffer;
  if (event.isBase64Encoded) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
      throw new ValidationError('body is not valid base64', [
        { path: 'body', message: 'isBase64Encoded is set but the body does not decode' },
      ]);
    }
    bytes = Buffer.from(body, 'base64');
  } else {
    bytes = Buffer.from(body, 'utf8');
  }
  if (bytes.length > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(`body is ${bytes.length} bytes; the limit is ${MAX_BODY_BYTES} bytes`);
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch (err) {
    throw new ValidationError(
      'body is not valid UTF-8',
      [{ path: 'body', message: 'invalid UTF-8 byte sequence' }],
      { cause: err },
    );
  }
  return { bytes, text };
}

/** 415 unless the Content-Type's media type is one of `allowed`. */
export function requireContentType(event: HttpEvent, allowed: readonly string[]): void {
  const type = (header(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!allowed.includes(type)) {
    throw new UnsupportedMediaTypeError(
      `Content-Type must be ${allowed.join(' or ')}${type ? `, not ${type}` : ''}`,
    );
  }
}

/**
 * Parses a JSON body; a syntax error is a 400 that says where. Only the position is reported:
 * V8's own message quotes the body ("Unexpected token 'p', "pw is Hunt"..."), which may be a secret.
 */
export function jsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const at = /at position (\d+)/.exec((err as Error).message)?.[1];
    const where =
      at !== undefined ? `at position ${at}` : text.trim() === '' ? '(empty body)' : 'near the start';
    throw new ValidationError(
      'body is not valid JSON',
      [{ path: 'body', message: `syntax error ${where}` }],
      {
        cause: err,
      },
    );
  }
}
