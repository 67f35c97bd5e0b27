import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * Secrets read at run time from Secrets Manager and cached for a few minutes, so a rotated value
 * reaches every warm function without a redeploy and nothing sits in environment variables.
 */
export class SecretsCache {
  private readonly cache = new Map<string, { at: number; value: Promise<string> }>();

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  get(secretId: string): Promise<string> {
    const hit = this.cache.get(secretId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = this.client.send(new GetSecretValueCommand({ SecretId: secretId })).then((r) => {
      if (!r.SecretString) throw new Error(`secret ${secretId} has no string value`);
      return r.SecretString;
    });
    this.cache.set(secretId, { at: Date.now(), value });
    value.catch(() => this.cache.delete(secretId));
    return value;
  }

  /** A secret that may not be set yet (optional integrations): '' when it holds the placeholder. */
  async optional(secretId: string | undefined): Promise<string> {
    if (!secretId) return '';
    const v = await this.get(secretId);
    return v === 'CHANGE_ME' ? '' : v;
  }
}
