import type { SecretKey } from './stateful-stack.js';

/** Which table access, secrets and queue each function gets: least privilege, in one table. */
export interface FunctionNeeds {
  table: 'none' | 'read' | 'readwrite';
  secrets: SecretKey[];
  /** Sends to the nudge queue. */
  queue: boolean;
  memoryMb?: number;
  timeoutSeconds?: number;
}

export const FUNCTION_NEEDS: Record<string, FunctionNeeds> = {
  ingest: { table: 'readwrite', secrets: ['webhookSecret'], queue: true },
  // The pre-save check reads settings only and must stay fast.
  scan: { table: 'read', secrets: ['webhookSecret'], queue: false },
  'get-note': { table: 'read', secrets: ['apiToken'], queue: false },
  'list-findings': { table: 'read', secrets: ['apiToken'], queue: false },
  redact: { table: 'readwrite', secrets: ['apiToken', 'salesforceApi'], queue: false },
  dismiss: { table: 'readwrite', secrets: ['apiToken'], queue: false },
  health: { table: 'none', secrets: [], queue: false },
  'salesforce-webhook': { table: 'readwrite', secrets: ['salesforceToken'], queue: true, timeoutSeconds: 30 },
  'hubspot-webhook': {
    table: 'readwrite',
    secrets: ['hubspotSecret', 'hubspotToken'],
    queue: true,
    timeoutSeconds: 30,
  },
  'slack-events': {
    table: 'readwrite',
    secrets: ['slackBotToken', 'slackSigningSecret', 'salesforceApi'],
    queue: true,
  },
  'nudge-consumer': {
    table: 'readwrite',
    secrets: ['slackBotToken', 'slackSigningSecret'],
    queue: false,
    timeoutSeconds: 60,
  },
  'outbox-sweeper': { table: 'readwrite', secrets: [], queue: true, timeoutSeconds: 60 },
};

/** The environment variable that carries each secret's ARN to the functions granted it. */
export const SECRET_ENV: Record<SecretKey, string> = {
  slackBotToken: 'SLACK_BOT_TOKEN_ARN',
  slackSigningSecret: 'SLACK_SIGNING_SECRET_ARN',
  webhookSecret: 'NOTEGUARD_WEBHOOK_SECRET_ARN',
  apiToken: 'NOTEGUARD_API_TOKEN_ARN',
  salesforceToken: 'NOTEGUARD_SALESFORCE_TOKEN_ARN',
  salesforceApi: 'NOTEGUARD_SALESFORCE_API_SECRET_ARN',
  hubspotSecret: 'NOTEGUARD_HUBSPOT_SECRET_ARN',
  hubspotToken: 'NOTEGUARD_HUBSPOT_TOKEN_ARN',
};
