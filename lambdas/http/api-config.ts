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
  hubspot: {
    /** The app's client secret: the key of the X-HubSpot-Signature-v3 HMAC. */
    clientSecret: string;
    /** Private-app access token for the CRM API (notes and owners); without it note events get 503. */
    accessToken?: string;
    /** CRM API base URL (default https://api.hubapi.com). */
    apiBaseUrl?: string;
    /**
     * The exact webhook URL configured in the HubSpot app, which HubSpot signs. Unset: rebuilt as
     * https://<API domain><path> from the request (right behind API Gateway, not behind a tunnel).
     */
    webhookUrl?: string;
  };
  /** Seconds since the epoch; injectable so signature windows are testable. */
  nowSeconds: () => number;
}
