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

/** A comma-separated setting as a list (blank entries dropped). */
export const listSetting = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The settings that are the same locally and in AWS because they are not secret: the Salesforce
 * OwnerId → email mapping and HubSpot's API and webhook URLs.
 */
export function plainCrmSettings(env: NodeJS.ProcessEnv): {
  ownerEmails: Record<string, string>;
  hubspotUrls: Pick<ApiConfig['hubspot'], 'apiBaseUrl' | 'webhookUrl'>;
} {
  const ownerEmails: Record<string, string> = {};
  for (const pair of listSetting(env.NOTEGUARD_SALESFORCE_OWNER_EMAILS ?? '')) {
    const [id, email] = pair.split('=');
    if (id && email) ownerEmails[id.trim()] = email.trim();
  }
  return {
    ownerEmails,
    hubspotUrls: {
      ...(env.NOTEGUARD_HUBSPOT_API_BASE_URL ? { apiBaseUrl: env.NOTEGUARD_HUBSPOT_API_BASE_URL } : {}),
      ...(env.NOTEGUARD_HUBSPOT_WEBHOOK_URL ? { webhookUrl: env.NOTEGUARD_HUBSPOT_WEBHOOK_URL } : {}),
    },
  };
}
