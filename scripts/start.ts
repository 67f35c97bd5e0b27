// `npm start`: DynamoDB Local (in memory, or --data DIR), the table, and every API route on PORT.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBotApp } from '../bot/app.js';
import { slackConfigFromEnv } from '../bot/config.js';
import { SalesforceCrmWriter } from '../lambdas/adapters/crm/salesforce-crm-writer.js';
import { apiConfigFromEnv, LOCAL_DEFAULTS, loadDotEnv } from '../lambdas/local/env-config.js';
import { PortInUseError, startLocalStack } from '../lambdas/local/local-stack.js';

loadDotEnv(join(process.cwd(), '.env'));
const { values } = parseArgs({
  options: { data: { type: 'string' }, quiet: { type: 'boolean', default: false } },
});
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`noteguard: PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(2);
}
const { config, defaulted } = apiConfigFromEnv();
const slack = slackConfigFromEnv();
const crm =
  process.env.NOTEGUARD_SALESFORCE_INSTANCE_URL && process.env.NOTEGUARD_SALESFORCE_ACCESS_TOKEN
    ? new SalesforceCrmWriter({
        instanceUrl: process.env.NOTEGUARD_SALESFORCE_INSTANCE_URL,
        accessToken: process.env.NOTEGUARD_SALESFORCE_ACCESS_TOKEN,
      })
    : undefined;

try {
  console.log('Starting DynamoDB Local%s…', values.data ? ` (data in ${values.data})` : ' (in memory)');
  const stack = await startLocalStack({
    port,
    config,
    ...(values.data ? { dataDir: values.data } : {}),
    ...(slack ? { slack } : {}),
    ...(crm ? { crm } : {}),
    ...(values.quiet ? { logger: { info: () => {}, warn: () => {}, error: () => {} } } : {}),
  });
  console.log(`
NoteGuard is running at ${stack.url}
  POST ${stack.url}/v1/notes                     signed CRM webhook (X-NoteGuard-Signature)
  POST ${stack.url}/v1/scan                      signed pre-save check (stores nothing)
  POST ${stack.url}/v1/webhooks/salesforce/<token>  Salesforce Outbound Messages
  POST ${stack.url}/v1/webhooks/hubspot          HubSpot webhooks (v3 signature)
  GET  ${stack.url}/v1/notes/<id>                bearer token
  GET  ${stack.url}/v1/findings?status=open      bearer token
  POST ${stack.url}/v1/notes/<id>/redact         bearer token
  POST ${stack.url}/v1/findings/<id>/dismiss     bearer token
  GET  ${stack.url}/health
  POST ${stack.url}/slack/events                 Slack events, interactivity, /noteguard ${stack.slack ? '(bot on)' : '(off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)'}
DynamoDB Local: ${stack.dynamoEndpoint} (table noteguard)
CRM write-back: ${crm ? 'Salesforce REST' : 'off (set NOTEGUARD_SALESFORCE_INSTANCE_URL and NOTEGUARD_SALESFORCE_ACCESS_TOKEN)'}`);
  if (slack?.appToken && stack.bot) {
    // Socket Mode: Slack reaches the bot over a websocket, so no public URL is needed.
    const socketApp = createBotApp(stack.bot.ctx, { socketMode: true, appToken: slack.appToken });
    await socketApp.start();
    console.log('Slack Socket Mode: connected');
  }
  if (defaulted.length > 0) {
    console.log('\nLocal defaults in use (set these in the environment or .env for anything real):');
    for (const key of defaulted)
      console.log(`  ${key}=${LOCAL_DEFAULTS[key as keyof typeof LOCAL_DEFAULTS]}`);
  }
  console.log('\nTry it: npm run demo    Stop: Ctrl-C');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await stack.stop();
    console.log('stopped (DynamoDB Local too).');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (err) {
  if (err instanceof PortInUseError) {
    console.error(
      `noteguard: ${err.message}. Stop whatever uses it, or start on another port: PORT=3001 npm start`,
    );
    process.exit(1);
  }
  console.error(`noteguard: could not start: ${(err as Error).message}`);
  process.exit(1);
}
