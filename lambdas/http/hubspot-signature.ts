import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from '../core/errors.js';

export const HUBSPOT_SIGNATURE_HEADER = 'x-hubspot-signature-v3';
export const HUBSPOT_TIMESTAMP_HEADER = 'x-hubspot-request-timestamp';
/** "Reject the request if the timestamp is older than 5 minutes." */
export const HUBSPOT_TOLERANCE_MS = 5 * 60_000;

export interface HubSpotSignedRequest {
  method: string;
  /** The full URL HubSpot called (scheme, host, path and query), as configured in the app. */
  uri: string;
  body: Buffer;
  /** X-HubSpot-Request-Timestamp: epoch milliseconds, as sent. */
  timestamp: string;
}

/** base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)): HubSpot's v3 signature. */
export function signHubSpotV3(clientSecret: string, req: HubSpotSignedRequest): string {
  return createHmac('sha256', clientSecret)
    .update(`${req.method}${req.uri}`, 'utf8')
    .update(req.body)
    .update(req.timestamp, 'utf8')
    .digest('base64');
}

/**
 * Verifies X-HubSpot-Signature-v3. Missing headers, a timestamp more than 5 minutes from now
 * (either way) or a signature that does not match → UnauthorizedError saying which.
 */
export function verifyHubSpotV3(
  clientSecret: string,
  signature: string | undefined,
  req: HubSpotSignedRequest,
  nowMs: number,
): void {
  if (!clientSecret) throw new UnauthorizedError('HubSpot webhooks are not configured (no client secret)');
  if (!signature) throw new UnauthorizedError(`missing ${HUBSPOT_SIGNATURE_HEADER} header`);
  if (!/^\d{1,16}$/.test(req.timestamp)) {
    throw new UnauthorizedError(`${HUBSPOT_TIMESTAMP_HEADER} must be epoch milliseconds`);
  }
  if (Math.abs(nowMs - Number(req.timestamp)) > HUBSPOT_TOLERANCE_MS) {
    throw new UnauthorizedError(`${HUBSPOT_TIMESTAMP_HEADER} is more than 5 minutes from now`);
  }
  const expected = Buffer.from(signHubSpotV3(clientSecret, req), 'utf8');
  const given = Buffer.from(signature.trim(), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new UnauthorizedError(`${HUBSPOT_SIGNATURE_HEADER} does not match the request`);
  }
}
