/** The Slack side's settings, from the environment (or Secrets Manager in AWS). */
export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Channel id (or name) for high-severity findings, disputes and unknown reps. */
  reviewChannel: string;
  /** Slack user ids allowed to redact and dismiss (the org settings' manager list adds to it). */
  managerIds: string[];
  /** Points Bolt and WebClient at another Web API (tests, a proxy); default https://slack.com/api/. */
  apiUrl?: string;
  /** Socket Mode app-level token (xapp-…): try the bot against a real workspace with no public URL. */
  appToken?: string;
  /** How long a users.lookupByEmail answer is cached in the table. */
  userCacheSeconds: number;
  /** WebClient retries for 429 (honouring Retry-After) and 5xx before the queue takes over. */
  retries: number;
}

export function slackConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SlackConfig | null {
  const botToken = env.SLACK_BOT_TOKEN;
  const signingSecret = env.SLACK_SIGNING_SECRET;
  if (!botToken || !signingSecret) return null;
  return {
    botToken,
    signingSecret,
    reviewChannel: env.SLACK_REVIEW_CHANNEL ?? '#noteguard-review',
    managerIds: (env.NOTEGUARD_MANAGER_IDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
    ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
    userCacheSeconds: Number(env.NOTEGUARD_SLACK_USER_CACHE_SECONDS ?? 86_400),
    retries: Number(env.NOTEGUARD_SLACK_RETRIES ?? 3),
  };
}
