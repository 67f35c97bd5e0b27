import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildStacks } from '../../cdk/build-stacks.js';

const quietApp = () => new App({ context: { 'aws:cdk:bundling-stacks': [] } });

describe('cdk-nag AwsSolutions on both stacks', () => {
  it('finds no unacknowledged error (each acknowledgement in cdk/nag.ts names its rule and a reason)', () => {
    const app = quietApp();
    buildStacks(app);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
  });

  it('does fail synth on a finding nobody acknowledged (the check is live)', () => {
    const app = quietApp();
    buildStacks(app);
    new Queue(new Stack(app, 'Careless'), 'PlainQueue'); // no DLQ, no SSL enforcement
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  });
});
