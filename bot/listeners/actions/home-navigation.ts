import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import { isCategoryId } from '../../../lambdas/core/categories.js';
import { ACTIONS } from '../../blocks/view-models.js';
import { type BotContext, parseButtonValue } from '../../bot-context.js';
import { publishHome } from '../../home/publish-home.js';

/** App Home paging ("Next page") and the category filter re-publish the Home view. */
export function registerHomeNavigation(app: App, ctx: BotContext): void {
  app.action<BlockButtonAction>(ACTIONS.homePage, async ({ ack, body, action, client }) => {
    await ack();
    const value = parseButtonValue(action.value) ?? { noteId: '' };
    const meta = parseMeta(body.view?.private_metadata);
    await publishHome(ctx, client, body.user.id, {
      ...(value.cursor ? { cursor: value.cursor } : {}),
      ...(meta.category ? { category: meta.category } : {}),
      page: (meta.page ?? 1) + 1,
    }).catch(() => {});
  });
  app.action<BlockStaticSelectAction>(ACTIONS.homeFilter, async ({ ack, body, action, client }) => {
    await ack();
    const selected = action.selected_option?.value;
    await publishHome(
      ctx,
      client,
      body.user.id,
      selected && isCategoryId(selected) ? { category: selected } : {},
    ).catch(() => {});
  });
}

function parseMeta(raw: string | undefined): {
  category?: import('../../../lambdas/core/categories.js').CategoryId;
  page?: number;
} {
  try {
    const v = JSON.parse(raw ?? '{}') as { category?: string; page?: number };
    return {
      ...(v.category && isCategoryId(v.category) ? { category: v.category } : {}),
      ...(typeof v.page === 'number' ? { page: v.page } : {}),
    };
  } catch {
    return {};
  }
}
