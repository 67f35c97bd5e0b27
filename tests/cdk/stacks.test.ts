import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStacks } from '../../cdk/build-stacks.js';
import { FUNCTION_NEEDS } from '../../cdk/function-plan.js';
import { ROUTES } from '../../lambdas/http/routes.js';

let data: Template;
let api: Template;

beforeAll(() => {
  // Skip esbuild bundling here (the bundle test and `cdk synth` bundle for real): assertions need only the templates.
  const app = new App({
    context: {
      'aws:cdk:bundling-stacks': [],
      stage: 'test',
      reviewChannel: 'C0REVIEW',
      retentionDays: 14,
      salesforceOrgId: '00Dxx0000000001EAA',
    },
  });
  const { stateful, stateless } = buildStacks(app);
  data = Template.fromStack(stateful);
  api = Template.fromStack(stateless);
});

describe('stateful stack', () => {
  it('has one on-demand table with PITR, deletion protection, a customer-managed key, TTL and the three GSIs, retained', () => {
    data.resourceCountIs('AWS::DynamoDB::Table', 1);
    data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { KMSMasterKeyId: Match.anyValue(), SSEEnabled: true, SSEType: 'KMS' },
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          Match.objectLike({ IndexName: 'GSI1', Projection: { ProjectionType: 'ALL' } }),
          Match.objectLike({ IndexName: 'GSI2', Projection: { ProjectionType: 'ALL' } }),
          Match.objectLike({ IndexName: 'GSI3', Projection: { ProjectionType: 'ALL' } }),
        ],
      }),
    });
  });

  it('has a rotating KMS key, retained, whose policy lets the account administer it', () => {
    data.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        EnableKeyRotation: true,
        KeyPolicy: Match.objectLike({
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: 'kms:*',
              Effect: 'Allow',
              Principal: { AWS: Match.anyValue() },
              Resource: '*',
            }),
          ]),
        }),
      }),
    });
  });

  it('creates the secrets (encrypted with the key, placeholder values, retained) under noteguard/<stage>/', () => {
    const secrets = data.findResources('AWS::SecretsManager::Secret');
    const names = Object.values(secrets)
      .map((s) => (s as { Properties: { Name: string } }).Properties.Name)
      .sort();
    expect(names).toEqual(
      [
        'api-token',
        'hubspot-access-token',
        'hubspot-client-secret',
        'salesforce-api',
        'salesforce-url-token',
        'slack-bot-token',
        'slack-signing-secret',
        'webhook-secret',
      ].map((n) => `noteguard/test/${n}`),
    );
    for (const s of Object.values(secrets)) {
      expect(s).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: { KmsKeyId: expect.anything(), SecretString: 'CHANGE_ME' },
      });
    }
  });
});

describe('stateless stack', () => {
  it('runs every function on nodejs22.x, arm64, with JSON logs and a log group with retention', () => {
    const fns = api.findResources('AWS::Lambda::Function');
    expect(Object.keys(fns)).toHaveLength(ROUTES.length + 3);
    for (const fn of Object.values(fns)) {
      expect(fn).toMatchObject({
        Properties: { Runtime: 'nodejs22.x', Architectures: ['arm64'], LoggingConfig: { LogFormat: 'JSON' } },
      });
    }
    api.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('has an HTTP API route for every handler plus /slack/events, throttled, with access logs', () => {
    const keys = Object.values(api.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    expect(keys.sort()).toEqual([...ROUTES.map((r) => `${r.method} ${r.path}`), 'POST /slack/events'].sort());
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
  });

  it('has an encrypted nudge queue with a dead-letter queue, consumed with partial batch failures', () => {
    api.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: Match.anyValue(),
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    api.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(5 minutes)' });
  });

  it('alarms on dead letters and on every function’s errors and throttles', () => {
    const alarms = Object.values(api.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => (a as { Properties: { MetricName: string } }).Properties.MetricName,
    );
    const fnCount = ROUTES.length + 3;
    expect(alarms.filter((m) => m === 'ApproximateNumberOfMessagesVisible')).toHaveLength(1);
    expect(alarms.filter((m) => m === 'Errors')).toHaveLength(fnCount);
    expect(alarms.filter((m) => m === 'Throttles')).toHaveLength(fnCount);
  });

  it('grants least privilege: no "*" actions or resources, no dynamodb:*, and read-only functions cannot write', () => {
    const policies = api.findResources('AWS::IAM::Policy');
    for (const p of Object.values(policies)) {
      for (const st of (
        p as {
          Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
        }
      ).Properties.PolicyDocument.Statement) {
        const actions = ([] as string[]).concat(st.Action);
        expect(actions).not.toContain('*');
        expect(actions).not.toContain('dynamodb:*');
        expect(st.Resource).not.toBe('*');
      }
    }
    const readOnly = Object.entries(FUNCTION_NEEDS)
      .filter(([, n]) => n.table === 'read')
      .map(([name]) => name);
    expect(readOnly).toContain('scan');
    for (const [id, p] of Object.entries(policies)) {
      if (!readOnly.some((name) => id.includes(`Fn${name.replace(/-/g, '')}`))) continue;
      const actions = (
        p as { Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } } }
      ).Properties.PolicyDocument.Statement.flatMap((s) => ([] as string[]).concat(s.Action));
      expect(actions.filter((a) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
    }
  });

  it('passes secret ARNs, never secret values, to the functions that use them', () => {
    const ingest = Object.values(api.findResources('AWS::Lambda::Function')).find((f) =>
      JSON.stringify(f).includes('NOTEGUARD_WEBHOOK_SECRET_ARN'),
    ) as { Properties: { Environment: { Variables: Record<string, unknown> } } };
    expect(ingest.Properties.Environment.Variables.NOTEGUARD_WEBHOOK_SECRET_ARN).toBeDefined();
    expect(JSON.stringify(api.toJSON())).not.toContain('CHANGE_ME');
  });
});

describe('settings from context', () => {
  it('passes the optional Salesforce owner mapping and HubSpot webhook URL to the functions', () => {
    const app = new App({
      context: {
        'aws:cdk:bundling-stacks': [],
        salesforceOwnerEmails: '005xx000001AAAA=a@example.com',
        hubspotWebhookUrl: 'https://hooks.example.com/v1/webhooks/hubspot',
      },
    });
    const fns = Template.fromStack(buildStacks(app).stateless).findResources('AWS::Lambda::Function');
    const env = Object.values(fns).map(
      (f) =>
        (f as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment
          .Variables,
    );
    expect(env.every((v) => v.NOTEGUARD_SALESFORCE_OWNER_EMAILS === '005xx000001AAAA=a@example.com')).toBe(
      true,
    );
    expect(
      env.every((v) => v.NOTEGUARD_HUBSPOT_WEBHOOK_URL === 'https://hooks.example.com/v1/webhooks/hubspot'),
    ).toBe(true);
  });

  it('rejects a bad retention', () => {
    expect(() =>
      buildStacks(new App({ context: { 'aws:cdk:bundling-stacks': [], retentionDays: 0 } })),
    ).toThrow(/retentionDays/);
  });
});
