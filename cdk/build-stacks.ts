import type { App } from 'aws-cdk-lib';
import { acceptForApi, acceptForData } from './nag.js';
import { settingsFrom } from './settings.js';
import { type SecretKey, StatefulStack, tableNameFor } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

/** Both stacks, wired, with their accepted cdk-nag findings (used by cdk/app.ts and the tests). */
export function buildStacks(app: App) {
  const settings = settingsFrom(app);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, `NoteGuard-${settings.stage}-Data`, settings, {
    env,
    description: 'NoteGuard: table, key, secrets (retained)',
  });
  const stateless = new StatelessStack(app, `NoteGuard-${settings.stage}-Api`, settings, {
    env,
    description: 'NoteGuard: HTTP API, functions, nudge queue, alarms',
    tableName: tableNameFor(settings.stage),
    keyArn: stateful.key.keyArn,
    secretArns: Object.fromEntries(
      Object.entries(stateful.secrets).map(([k, s]) => [k, s.secretArn]),
    ) as Record<SecretKey, string>,
  });
  stateless.addStackDependency(stateful);
  acceptForData(stateful);
  acceptForApi(stateless, tableNameFor(settings.stage));
  return { settings, stateful, stateless };
}
