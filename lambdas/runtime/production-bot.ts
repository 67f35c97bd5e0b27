import type { SlackConfig } from '../../bot/config.js';
import { type Bot, createBot } from '../../bot/create-bot.js';
import { productionDeps, productionSecrets } from './production.js';

let bot: { at: number; bot: Bot } | undefined;

/** The bot with secrets from Secrets Manager; rebuilt when the 5-minute secret cache turns over. */
export async function productionBot(): Promise<Bot> {
  if (bot && Date.now() - bot.at < 5 * 60_000) return bot.bot;
  const env = process.env;
  const [botToken, signingSecret] = await Promise.all([
    productionSecrets.get(env.SLACK_BOT_TOKEN_ARN ?? ''),
    productionSecrets.get(env.SLACK_SIGNING_SECRET_ARN ?? ''),
  ]);
  const config: SlackConfig = {
    botToken,
    signingSecret,
    reviewChannel: env.SLACK_REVIEW_CHANNEL ?? '#noteguard-review',
    managerIds: (env.NOTEGUARD_MANAGER_IDS ?? '').split(',').filter(Boolean),
    userCacheSeconds: 86_400,
    // A Lambda must not sleep for minutes: few client retries, then SQS redelivers.
    retries: 2,
  };
  bot = { at: Date.now(), bot: createBot(await productionDeps(), config) };
  return bot.bot;
}
