import { existsSync, readFileSync } from 'node:fs';
import { type ApiConfig, listSetting, plainCrmSettings } from '../http/api-config.js';

/** Reads KEY=VALUE lines from a .env file into `env` without overriding what is already set. */
export function loadDotEnv(path: string, env: NodeJS.ProcessEnv = process.env): void {
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    const [, key, raw] = m as unknown as [string, string, string];
    const value = raw.replace(/^(['"])(.*)\1$/, '$2');
    if (env[key] === undefined) env[key] = value;
  }
}

/** Local defaults: printed at start-up so a new user can sign requests right away. Never used in AWS. */
export const LOCAL_DEFAULTS = {
  NOTEGUARD_WEBHOOK_SECRET: 'local-webhook-secret',
  NOTEGUARD_API_TOKEN: 'local-api-token',
  NOTEGUARD_SALESFORCE_TOKEN: 'local-salesforce-token',
  NOTEGUARD_SALESFORCE_ORG_ID: '00Dxx0000000001EAA',
  NOTEGUARD_HUBSPOT_SECRET: 'local-hubspot-secret',
} as const;

/** ApiConfig from the environment, falling back to the local defaults (reported in `defaulted`). */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): {
  config: ApiConfig;
  defaulted: string[];
} {
  const defaulted: string[] = [];
  const get = (key: keyof typeof LOCAL_DEFAULTS) => {
    const v = env[key];
    if (v) return v;
    defaulted.push(key);
    return LOCAL_DEFAULTS[key];
  };
  const { ownerEmails, hubspotUrls } = plainCrmSettings(env);
  return {
    config: {
      webhookSecrets: listSetting(get('NOTEGUARD_WEBHOOK_SECRET')),
      apiTokens: listSetting(get('NOTEGUARD_API_TOKEN')),
      salesforce: {
        token: get('NOTEGUARD_SALESFORCE_TOKEN'),
        orgId: get('NOTEGUARD_SALESFORCE_ORG_ID'),
        ownerEmails,
      },
      hubspot: {
        clientSecret: get('NOTEGUARD_HUBSPOT_SECRET'),
        ...(env.NOTEGUARD_HUBSPOT_TOKEN ? { accessToken: env.NOTEGUARD_HUBSPOT_TOKEN } : {}),
        ...hubspotUrls,
      },
      nowSeconds: () => Math.floor(Date.now() / 1000),
    },
    defaulted,
  };
}
