import type { WebClient } from '@slack/web-api';
import { CATEGORIES, type CategoryId } from '../../lambdas/core/categories.js';
import { homeView } from '../blocks/home-view.js';
import type { HomeView } from '../blocks/view-models.js';
import { type BotContext, isManager } from '../bot-context.js';

const PAGE_SIZE = 15;

/**
 * Publishes the App Home: managers see the open queue (most severe and newest first, paged,
 * filterable by category); reps see their own open findings. Masked previews only.
 */
export async function publishHome(
  ctx: BotContext,
  client: WebClient,
  userId: string,
  options: { category?: CategoryId; cursor?: string; page?: number } = {},
): Promise<void> {
  const manager = await isManager(ctx, userId, 'default');
  let ownerEmail: string | undefined;
  if (!manager) {
    const info = await client.users.info({ user: userId });
    ownerEmail = info.user?.profile?.email;
  }
  const page =
    manager || ownerEmail
      ? await ctx.deps.repo.listFindings({
          status: 'open',
          limit: PAGE_SIZE,
          ...(ownerEmail ? { ownerEmail } : {}),
          ...(options.category ? { category: options.category } : {}),
          ...(options.cursor ? { cursor: options.cursor } : {}),
        })
      : { items: [] };
  const notes = new Map(
    await Promise.all(
      [...new Set(page.items.map((f) => f.noteId))].map(
        async (id) => [id, (await ctx.deps.repo.getNote(id))?.note] as const,
      ),
    ),
  );
  const view: HomeView = {
    role: manager ? 'manager' : 'rep',
    findings: page.items.map((f) => {
      const note = notes.get(f.noteId);
      return {
        findingId: f.findingId,
        noteId: f.noteId,
        category: f.category,
        categoryLabel: CATEGORIES[f.category].label,
        severity: f.severity,
        preview: f.preview,
        ...(note?.title ? { title: note.title } : {}),
        ...(note?.url ? { url: note.url } : {}),
        ...(note?.ownerEmail ? { owner: note.ownerEmail } : {}),
        createdAt: f.createdAt,
      };
    }),
    ...(options.category ? { category: options.category } : {}),
    ...(page.cursor ? { nextCursor: page.cursor } : {}),
    page: options.page ?? 1,
  };
  await client.views.publish({ user_id: userId, view: homeView(view) });
}
