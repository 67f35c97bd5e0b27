import type { App } from '@slack/bolt';
import type { BotContext } from '../../bot-context.js';
import { publishHome } from '../../home/publish-home.js';

/** app_home_opened → views.publish of the queue (managers) or the rep's own findings. */
export function registerAppHomeOpened(app: App, ctx: BotContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(ctx, client, event.user);
    } catch (err) {
      ctx.deps.logger.warn('could not publish the App Home', { error: (err as Error).name });
    }
  });
}
