import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { createTableInput, TTL_ATTRIBUTE } from '../lambdas/adapters/dynamodb/table-design.js';
import type { DeploySettings } from './settings.js';

/** The secrets NoteGuard reads at run time (values set by the user after deploy; README says how). */
export const SECRET_NAMES = {
  slackBotToken: 'slack-bot-token',
  slackSigningSecret: 'slack-signing-secret',
  webhookSecret: 'webhook-secret',
  apiToken: 'api-token',
  salesforceToken: 'salesforce-url-token',
  salesforceApi: 'salesforce-api',
  hubspotSecret: 'hubspot-client-secret',
  hubspotToken: 'hubspot-access-token',
} as const;
export type SecretKey = keyof typeof SECRET_NAMES;

export const tableNameFor = (stage: string) => `noteguard-${stage}`;

/** State that must outlive any code change: the table, its key, the secrets. Retained on delete. */
export class StatefulStack extends Stack {
  readonly table: Table;
  readonly key: Key;
  readonly secrets: Record<SecretKey, Secret>;

  constructor(scope: Construct, id: string, settings: DeploySettings, props?: StackProps) {
    super(scope, id, props);
    this.key = new Key(this, 'DataKey', {
      description: `NoteGuard ${settings.stage}: table, queues and secrets`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    // The same key schema and indexes as lambdas/adapters/dynamodb/table-design.ts (local and tests).
    const design = createTableInput('unused');
    const attr = (name: string) => ({ name, type: AttributeType.STRING });
    // Table (not TableV2): a customer-managed key on TableV2 needs a region-specific stack, and
    // `cdk synth` must work offline with no account or region.
    this.table = new Table(this, 'Table', {
      // A fixed name lets the API stack grant on it without a cross-stack export.
      tableName: tableNameFor(settings.stage),
      partitionKey: attr('PK'),
      sortKey: attr('SK'),
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });
    for (const g of design.GlobalSecondaryIndexes ?? []) {
      this.table.addGlobalSecondaryIndex({
        indexName: g.IndexName as string,
        partitionKey: attr(g.KeySchema?.[0]?.AttributeName as string),
        sortKey: attr(g.KeySchema?.[1]?.AttributeName as string),
      });
    }
    const secrets = {} as Record<SecretKey, Secret>;
    for (const [key, name] of Object.entries(SECRET_NAMES) as [SecretKey, string][]) {
      secrets[key] = new Secret(this, `Secret-${name}`, {
        secretName: `noteguard/${settings.stage}/${name}`,
        description: `NoteGuard ${name}: set the value after deploy (README, Deployment)`,
        encryptionKey: this.key,
        // A placeholder the functions treat as "not configured" until the user sets the value.
        secretStringValue: SecretValue.unsafePlainText('CHANGE_ME'),
        removalPolicy: RemovalPolicy.RETAIN,
      });
    }
    this.secrets = secrets;
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    for (const [key, secret] of Object.entries(secrets))
      new CfnOutput(this, `SecretArn${key}`, { value: secret.secretArn });
  }
}
