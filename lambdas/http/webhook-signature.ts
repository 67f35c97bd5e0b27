import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from '../core/errors.js';

export const SIGNATURE_HEADER = 'x-noteguard-signature';
export const TOLERANCE_SECONDS = 300;

/** Signs a body the way CRM integrations must: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signWebhook(secret: string, body: Buffer | string, t: number): string {
  const mac = createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
  return `t=${t},v1=${mac}`;
}

/**
 * Verifies X-NoteGuard-Signature against any of `secrets` (several while rotating). Missing,
 * malformed, wrong or more than 5 minutes old (either way) → UnauthorizedError saying which.
 * Returns the verified signature in canonical form (`t=<t>,v1=<hex>`): the replay nonce, which the
 * header's spelling (repeated, reordered, extra parts) cannot change.
 */
export function verifyWebhook(
  secrets: readonly string[],
  headerValue: string | undefined,
  body: Buffer,
  nowSeconds: number,
): string {
  if (!headerValue) throw new UnauthorizedError(`missing ${SIGNATURE_HEADER} header`);
  let t: number | undefined;
  const signatures: string[] = [];
  for (const part of headerValue.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && v) signatures.push(v);
  }
  if (t === undefined || signatures.length === 0) {
    throw new UnauthorizedError(`${SIGNATURE_HEADER} must look like t=<unix seconds>,v1=<hex>`);
  }
  if (Math.abs(nowSeconds - t) > TOLERANCE_SECONDS) {
    throw new UnauthorizedError(
      `${SIGNATURE_HEADER} timestamp is more than ${TOLERANCE_SECONDS} seconds from now`,
    );
  }
  for (const secret of secrets) {
    const expected = Buffer.from(
      createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex'),
      'utf8',
    );
    for (const candidate of signatures) {
      const given = Buffer.from(candidate, 'utf8');
      if (given.length === expected.length && timingSafeEqual(given, expected))
        return `t=${t},v1=${candidate}`;
    }
  }
  throw new UnauthorizedError(`${SIGNATURE_HEADER} does not match the body`);
}

/** Constant-time comparison of two secrets of any length (bearer tokens, URL tokens). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'noteguard-compare').update(given).digest();
  const b = createHmac('sha256', 'noteguard-compare').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
