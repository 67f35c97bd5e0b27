// The CDK app (`npx cdk synth` / `npx cdk deploy`): a stateful and a stateless stack, checked by
// cdk-nag's AwsSolutions pack at synth time.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildStacks } from './build-stacks.js';

const app = new App();
buildStacks(app);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
