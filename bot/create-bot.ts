import { AwsLambdaReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { HttpHandler } from '../lambdas/http/http-types.js';
import type { UseCaseDeps } from '../lambdas/usecases/deps.js';
import { createBotApp } from './app.js';
import { boltLogger } from './bolt-logger.js';
import type { BotContext } from './bot-context.js';
import type { SlackConfig } from './config.js';
import { createNudgeConsumer } from './nudge/nudge-consumer.js';
import { createSlackHttpHandler } from './slack-http-handler.js';
import { SlackUserDirectory } from './slack-user-directory.js';

export interface Bot {
  /** POST /slack/events: events, interactivity and the slash command. */
  http: HttpHandler;
  /** The nudge queue's consumer. */
  consumeNudge: ReturnType<typeof createNudgeConsumer>;
  ctx: BotContext;
}

/** Builds the bot once per entry point (a Lambda, the local server) around the shared use-case deps. */
export function createBot(
  deps: UseCaseDeps,
  config: SlackConfig,
  options: { nowSeconds?: () => number } = {},
): Bot {
  const directories = new WeakMap<WebClient, SlackUserDirectory>();
  const ctx: BotContext = {
    deps,
    config,
    directory: (client) => {
      let d = directories.get(client);
      if (!d) {
        d = new SlackUserDirectory(client, deps.repo, config.userCacheSeconds);
        directories.set(client, d);
      }
      return d;
    },
  };
  const receiver = new AwsLambdaReceiver({
    signingSecret: config.signingSecret,
    logger: boltLogger(deps.logger),
  });
  createBotApp(ctx, receiver);
  const client = new WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: config.retries, factor: 2, minTimeout: 200, maxTimeout: 5000 },
  });
  return {
    http: createSlackHttpHandler(receiver, {
      signingSecret: config.signingSecret,
      repo: deps.repo,
      logger: deps.logger,
      ...(options.nowSeconds ? { nowSeconds: options.nowSeconds } : {}),
    }),
    consumeNudge: createNudgeConsumer({ deps, client, directory: ctx.directory(client), config }),
    ctx,
  };
}
