import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  DomainName,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ROUTES } from '../lambdas/http/routes.js';
import { FUNCTION_NEEDS, SECRET_ENV } from './function-plan.js';
import type { DeploySettings } from './settings.js';
import type { SecretKey } from './stateful-stack.js';

export interface StatelessProps extends StackProps {
  tableName: string;
  keyArn: string;
  secretArns: Record<SecretKey, string>;
}

const ROOT = join(import.meta.dirname, '..');

/** Code: the HTTP API, one function per handler, the nudge queue and its consumer, alarms. */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly functions: Record<string, NodejsFunction> = {};
  readonly queue: Queue;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, settings: DeploySettings, props: StatelessProps) {
    super(scope, id, props);
    // Imported by ARN: grants then go on this stack's roles only, never back into the data
    // stack's key policy (which would make the two stacks depend on each other).
    const key = Key.fromKeyArn(this, 'DataKey', props.keyArn);
    const table = Table.fromTableAttributes(this, 'Table', {
      tableArn: this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: props.tableName }),
      encryptionKey: key,
      globalIndexes: ['GSI1', 'GSI2', 'GSI3'],
    });
    const secrets = Object.fromEntries(
      Object.entries(props.secretArns).map(([k, arn]) => [
        k,
        Secret.fromSecretAttributes(this, `Secret-${k}`, { secretCompleteArn: arn, encryptionKey: key }),
      ]),
    ) as Record<SecretKey, ISecret>;

    this.deadLetters = new Queue(this, 'NudgeDeadLetters', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: key,
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
    });
    this.queue = new Queue(this, 'NudgeQueue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: key,
      // Longer than the consumer's timeout, so a message is never handled twice at once.
      visibilityTimeout: Duration.seconds(6 * 60),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 5 },
      enforceSSL: true,
    });

    const common = {
      NOTEGUARD_STAGE: settings.stage,
      NOTEGUARD_TABLE: table.tableName,
      NOTEGUARD_RETENTION_DAYS: String(settings.retentionDays),
      NOTEGUARD_SALESFORCE_ORG_ID: settings.salesforceOrgId,
      SLACK_REVIEW_CHANNEL: settings.reviewChannel,
      NOTEGUARD_MANAGER_IDS: settings.managerIds,
      ...(settings.salesforceOwnerEmails
        ? { NOTEGUARD_SALESFORCE_OWNER_EMAILS: settings.salesforceOwnerEmails }
        : {}),
      ...(settings.hubspotWebhookUrl ? { NOTEGUARD_HUBSPOT_WEBHOOK_URL: settings.hubspotWebhookUrl } : {}),
      NODE_OPTIONS: '--enable-source-maps',
    };
    const make = (name: string) => {
      const needs = FUNCTION_NEEDS[name];
      if (!needs) throw new Error(`no FUNCTION_NEEDS entry for function ${name}`);
      const logGroup = new LogGroup(this, `Logs-${name}`, {
        retention: RetentionDays.ONE_MONTH,
        encryptionKey: key,
      });
      const fn = new NodejsFunction(this, `Fn-${name}`, {
        entry: join(ROOT, 'lambdas', 'functions', `${name}.ts`),
        handler: 'handler',
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: needs.memoryMb ?? 512,
        timeout: Duration.seconds(needs.timeoutSeconds ?? 10),
        logGroup,
        loggingFormat: LoggingFormat.JSON,
        environment: {
          ...common,
          ...(needs.queue ? { NOTEGUARD_NUDGE_QUEUE_URL: this.queue.queueUrl } : {}),
          ...Object.fromEntries(needs.secrets.map((s) => [SECRET_ENV[s], secrets[s].secretArn])),
        },
        bundling: {
          // Local esbuild from node_modules: no Docker.
          forceDockerBundling: false,
          minify: true,
          sourceMap: true,
          target: 'node22',
          format: OutputFormat.CJS,
          // The AWS SDK v3 is in the nodejs22.x runtime; leaving it out keeps bundles small.
          externalModules: ['@aws-sdk/*'],
        },
        projectRoot: ROOT,
        depsLockFilePath: join(ROOT, 'package-lock.json'),
      });
      if (needs.table === 'read') table.grantReadData(fn);
      if (needs.table === 'readwrite') table.grantReadWriteData(fn);
      for (const s of needs.secrets) secrets[s].grantRead(fn);
      if (needs.queue) this.queue.grantSendMessages(fn);
      this.functions[name] = fn;
      return fn;
    };

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      encryptionKey: key,
    });
    this.api = new HttpApi(this, 'Api', {
      apiName: `noteguard-${settings.stage}`,
      createDefaultStage: false,
    });
    const domain =
      settings.domainName && settings.certificateArn
        ? new DomainName(this, 'Domain', {
            domainName: settings.domainName,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', settings.certificateArn),
          })
        : undefined;
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      ...(domain ? { domainMapping: { domainName: domain } } : {}),
      throttle: { rateLimit: settings.throttleRate, burstLimit: settings.throttleBurst },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
    for (const route of ROUTES) {
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`Integration-${route.name}`, make(route.name)),
      });
    }
    this.api.addRoutes({
      path: '/slack/events',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('Integration-slack-events', make('slack-events')),
    });

    const consumer = make('nudge-consumer');
    consumer.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true }));
    const sweeper = make('outbox-sweeper');
    new Rule(this, 'OutboxSweep', {
      schedule: Schedule.rate(Duration.minutes(5)),
      targets: [new LambdaFunction(sweeper)],
    });

    const topic = new Topic(this, 'Alarms', { masterKey: key, enforceSSL: true });
    if (settings.alarmEmail) topic.addSubscription(new EmailSubscription(settings.alarmEmail));
    const alarm = (_id: string, a: Alarm) => a.addAlarmAction(new SnsAction(topic));
    alarm(
      'DeadLetters',
      new Alarm(this, 'DeadLettersAlarm', {
        alarmDescription: 'Nudges failed 5 times and were dead-lettered',
        metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    for (const [name, fn] of Object.entries(this.functions)) {
      alarm(
        `Errors-${name}`,
        new Alarm(this, `ErrorsAlarm-${name}`, {
          alarmDescription: `${name}: function errors`,
          metric: fn.metricErrors({ period: Duration.minutes(5) }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      alarm(
        `Throttles-${name}`,
        new Alarm(this, `ThrottlesAlarm-${name}`, {
          alarmDescription: `${name}: throttled invocations`,
          metric: fn.metricThrottles({ period: Duration.minutes(5) }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'SlackEventsUrl', { value: `${this.api.apiEndpoint}/slack/events` });
  }
}
