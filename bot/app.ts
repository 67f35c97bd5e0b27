import { App, type Receiver } from '@slack/bolt';
import { boltLogger } from './bolt-logger.js';
import type { BotContext } from './bot-context.js';
import { registerApplyFix } from './listeners/actions/apply-fix.js';
import { registerAskRep } from './listeners/actions/ask-rep.js';
import { registerDismiss } from './listeners/actions/dismiss.js';
import { registerFixedInCrm } from './listeners/actions/fixed-in-crm.js';
import { registerHomeNavigation } from './listeners/actions/home-navigation.js';
import { registerNotSensitive } from './listeners/actions/not-sensitive.js';
import { registerRedact } from './listeners/actions/redact.js';
import { registerNoteguardCommand } from './listeners/commands/noteguard-command.js';
import { registerAppHomeOpened } from './listeners/events/app-home-opened.js';
import { registerDismissSubmit } from './listeners/views/dismiss-submit.js';
import { registerDisputeSubmit } from './listeners/views/dispute-submit.js';

/**
 * The Bolt app with every listener. The receiver decides how Slack reaches it: AwsLambdaReceiver
 * behind API Gateway (AWS and `npm start`), or Socket Mode when SLACK_APP_TOKEN is set.
 */
export function createBotApp(
  ctx: BotContext,
  receiver: Receiver | { socketMode: true; appToken: string },
): App {
  const app = new App({
    token: ctx.config.botToken,
    ...('socketMode' in receiver ? { socketMode: true, appToken: receiver.appToken } : { receiver }),
    ...('socketMode' in receiver ? { signingSecret: ctx.config.signingSecret } : {}),
    logger: boltLogger(ctx.deps.logger),
    // auth.test at start-up is a network call we don't need: the token is checked on first use.
    tokenVerificationEnabled: false,
    clientOptions: {
      ...(ctx.config.apiUrl ? { slackApiUrl: ctx.config.apiUrl } : {}),
      retryConfig: { retries: ctx.config.retries, factor: 2, minTimeout: 200, maxTimeout: 5000 },
    },
  });
  for (const register of [
    registerApplyFix,
    registerFixedInCrm,
    registerNotSensitive,
    registerRedact,
    registerDismiss,
    registerAskRep,
    registerHomeNavigation,
    registerDisputeSubmit,
    registerDismissSubmit,
    registerAppHomeOpened,
    registerNoteguardCommand,
  ]) {
    register(app, ctx);
  }
  return app;
}
