import type { App } from 'aws-cdk-lib';

/** What users change per deployment, from CDK context (`cdk deploy -c stage=prod -c reviewChannel=C0…`). */
export interface DeploySettings {
  stage: string;
  reviewChannel: string;
  retentionDays: number;
  salesforceOrgId: string;
  managerIds: string;
  /** `OwnerId=email,…` for Salesforce owners the REST lookup cannot resolve (optional). */
  salesforceOwnerEmails?: string;
  /** The exact webhook URL configured in HubSpot, which HubSpot signs (only needed behind a proxy). */
  hubspotWebhookUrl?: string;
  /** Optional custom domain for the API (a certificate ARN must come with it). */
  domainName?: string;
  certificateArn?: string;
  /** Requests per second across the API before API Gateway throttles (429). */
  throttleRate: number;
  throttleBurst: number;
  /** Email for alarm notifications (optional). */
  alarmEmail?: string;
}

export function settingsFrom(app: App): DeploySettings {
  const ctx = (key: string) => app.node.tryGetContext(key) as string | undefined;
  const retentionDays = Number(ctx('retentionDays') ?? 30);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 365) {
    throw new Error(
      `context retentionDays must be a whole number of days from 1 to 365, not ${ctx('retentionDays')}`,
    );
  }
  const stage = ctx('stage') ?? 'prod';
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage))
    throw new Error(`context stage must be lower-case letters, digits and dashes, not ${stage}`);
  if ((ctx('domainName') === undefined) !== (ctx('certificateArn') === undefined)) {
    throw new Error('context domainName and certificateArn go together');
  }
  return {
    stage,
    reviewChannel: ctx('reviewChannel') ?? '#noteguard-review',
    retentionDays,
    salesforceOrgId: ctx('salesforceOrgId') ?? '',
    managerIds: ctx('managerIds') ?? '',
    ...(ctx('salesforceOwnerEmails')
      ? { salesforceOwnerEmails: ctx('salesforceOwnerEmails') as string }
      : {}),
    ...(ctx('hubspotWebhookUrl') ? { hubspotWebhookUrl: ctx('hubspotWebhookUrl') as string } : {}),
    ...(ctx('domainName')
      ? { domainName: ctx('domainName') as string, certificateArn: ctx('certificateArn') as string }
      : {}),
    throttleRate: Number(ctx('throttleRate') ?? 100),
    throttleBurst: Number(ctx('throttleBurst') ?? 200),
    ...(ctx('alarmEmail') ? { alarmEmail: ctx('alarmEmail') as string } : {}),
  };
}
