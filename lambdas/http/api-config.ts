/** Secrets and settings of the HTTP API, read once per entry point (env locally, Secrets Manager in AWS). */
export interface ApiConfig {
  /** NoteGuard webhook HMAC secrets (more than one while rotating). */
  webhookSecrets: string[];
  /** Bearer tokens for the read/act API. */
  apiTokens: string[];
  salesforce: {
    /** The {token} path segment Salesforce Outbound Messages call. */
    token: string;
    /** The only org whose messages are accepted (18-char id; a 15-char prefix also matches). */
    orgId: string;
    /** OwnerId → email, for owners the REST lookup cannot resolve. */
    ownerEmails: Record<string, string>;
  };
  hubspot: { clientSecret: string; accessToken?: string };
  /** Seconds since the epoch; injectable so signature windows are testable. */
  nowSeconds: () => number;
}
