import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { hubspotClientFor } from '../adapters/crm/hubspot-crm-client.js';
import { noopCrmWriter } from '../adapters/crm/noop-crm-writer.js';
import { SalesforceCrmWriter } from '../adapters/crm/salesforce-crm-writer.js';
import { SalesforceRestUserDirectory } from '../adapters/crm/salesforce-user-directory.js';
import { DynamoNoteRepository } from '../adapters/dynamodb/dynamo-note-repository.js';
import { SqsQueue } from '../adapters/queue/sqs-queue.js';
import { defaultClassifier } from '../classifier/index.js';
import type { HubSpotCrm } from '../core/crm-ports.js';
import { jsonLogger } from '../core/log.js';
import { systemClock } from '../core/ports.js';
import { type ApiConfig, listSetting, plainCrmSettings } from '../http/api-config.js';
import type { CrmClients, HandlerContext } from '../http/handler-context.js';
import { DEFAULT_CONFIG, type UseCaseDeps } from '../usecases/deps.js';
import { SecretsCache } from './secrets.js';

// Built once per Lambda container (cold start); secrets are re-read through a 5-minute cache.
const env = process.env;
const secrets = new SecretsCache(new SecretsManagerClient({}));
let deps: UseCaseDeps | undefined;

function required(name: string): string {
  const v = env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
}

/** The use-case deps of a production function: DynamoDB, SQS, the CRM writer, JSON logs. */
export async function productionDeps(): Promise<UseCaseDeps> {
  if (deps) return deps;
  const crmSecret = await secrets.optional(env.NOTEGUARD_SALESFORCE_API_SECRET_ARN);
  const crm = crmSecret
    ? new SalesforceCrmWriter(JSON.parse(crmSecret) as { instanceUrl: string; accessToken: string })
    : noopCrmWriter;
  deps = {
    repo: new DynamoNoteRepository(new DynamoDBClient({}), required('NOTEGUARD_TABLE')),
    classifier: defaultClassifier(),
    queue: env.NOTEGUARD_NUDGE_QUEUE_URL
      ? new SqsQueue(new SQSClient({}), env.NOTEGUARD_NUDGE_QUEUE_URL)
      : { enqueue: async () => Promise.reject(new Error('this function has no nudge queue')) },
    crm,
    clock: systemClock,
    logger: jsonLogger(undefined, {
      service: 'noteguard',
      stage: env.NOTEGUARD_STAGE ?? 'prod',
      fn: env.AWS_LAMBDA_FUNCTION_NAME ?? null,
    }),
    config: {
      ...DEFAULT_CONFIG,
      retentionDays: Number(env.NOTEGUARD_RETENTION_DAYS ?? DEFAULT_CONFIG.retentionDays),
    },
  };
  return deps;
}

/** ApiConfig from the secrets this function was granted (an unset one is empty, so its routes answer 401). */
export async function productionApiConfig(): Promise<ApiConfig> {
  const [webhook, api, sfToken, hubspot, hubspotToken] = await Promise.all([
    secrets.optional(env.NOTEGUARD_WEBHOOK_SECRET_ARN),
    secrets.optional(env.NOTEGUARD_API_TOKEN_ARN),
    secrets.optional(env.NOTEGUARD_SALESFORCE_TOKEN_ARN),
    secrets.optional(env.NOTEGUARD_HUBSPOT_SECRET_ARN),
    secrets.optional(env.NOTEGUARD_HUBSPOT_TOKEN_ARN),
  ]);
  const { ownerEmails, hubspotUrls } = plainCrmSettings(env);
  return {
    webhookSecrets: listSetting(webhook),
    apiTokens: listSetting(api),
    salesforce: { token: sfToken, orgId: env.NOTEGUARD_SALESFORCE_ORG_ID ?? '', ownerEmails },
    hubspot: {
      clientSecret: hubspot,
      ...(hubspotToken ? { accessToken: hubspotToken } : {}),
      ...hubspotUrls,
    },
    nowSeconds: () => Math.floor(Date.now() / 1000),
  };
}

// CRM API clients live as long as the container, so their owner caches outlive one request.
const salesforceUsers = new SalesforceRestUserDirectory();
let hubspotClient: { key: string; client: HubSpotCrm | null } | undefined;

function crmClients(config: ApiConfig): CrmClients {
  const key = `${config.hubspot.apiBaseUrl ?? ''} ${config.hubspot.accessToken ?? ''}`;
  // A rotated token (re-read through the secrets cache) gets a new client.
  if (hubspotClient?.key !== key) hubspotClient = { key, client: hubspotClientFor(config.hubspot) };
  return { salesforceUsers, hubspot: hubspotClient.client };
}

export async function productionContext(): Promise<HandlerContext> {
  const [d, config] = await Promise.all([productionDeps(), productionApiConfig()]);
  return { deps: d, config, crm: crmClients(config) };
}

export { secrets as productionSecrets };
