import { describe, expect, it } from 'vitest';
import { signWebhook, TOLERANCE_SECONDS, verifyWebhook } from '../../lambdas/http/webhook-signature.js';

// The 5-minute window at its exact edges, on a fixed clock (the API tests use the real one).
describe('verifyWebhook time window', () => {
  const body = Buffer.from('{"recordId":"r1"}');
  const now = 1_800_000_000;
  const check = (t: number) => verifyWebhook(['s3cret'], signWebhook('s3cret', body, t), body, now);

  it.each([0, TOLERANCE_SECONDS, -TOLERANCE_SECONDS])('accepts a timestamp %i s away', (skew) => {
    expect(check(now + skew)).toMatch(new RegExp(`^t=${now + skew},v1=[0-9a-f]{64}$`));
  });

  it.each([TOLERANCE_SECONDS + 1, -TOLERANCE_SECONDS - 1])('refuses a timestamp %i s away', (skew) => {
    expect(() => check(now + skew)).toThrow(/more than 300 seconds from now/);
  });
});
