import { CATEGORIES, type CategoryId } from '../../lambdas/core/categories.js';
import type { StatsView } from '../blocks/view-models.js';
import type { BotContext } from '../bot-context.js';

const MAX_SCANNED = 2000;

/** Open findings by category and by rep, read from the review-queue index (bounded, so it stays quick). */
export async function collectStats(ctx: BotContext): Promise<StatsView> {
  const byCategory = new Map<CategoryId, number>();
  const byOwner = new Map<string, number>();
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await ctx.deps.repo.listFindings({
      status: 'open',
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const f of page.items) {
      total++;
      byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
      const owner = f.ownerEmail ?? 'unknown owner';
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1);
    }
    cursor = page.cursor;
  } while (cursor && total < MAX_SCANNED);
  return {
    byCategory: [...byCategory.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([category, open]) => ({ category, categoryLabel: CATEGORIES[category].label, open })),
    byOwner: [...byOwner.entries()].sort((a, b) => b[1] - a[1]).map(([owner, open]) => ({ owner, open })),
    total,
    truncated: cursor !== undefined,
  };
}
