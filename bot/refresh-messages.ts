import type { WebClient } from '@slack/web-api';
import { nudgeMessage } from './blocks/nudge-message.js';
import { reviewMessage } from './blocks/review-message.js';
import type { ReviewView } from './blocks/view-models.js';
import type { BotContext } from './bot-context.js';
import { nudgeViewOf, reviewViewOf } from './nudge/views.js';

/**
 * After an action, rewrites the rep's DM and the review-channel post (where they exist) from the
 * stored state, with who did what and when. Failures here are logged, never undo the action.
 */
export async function refreshMessages(
  ctx: BotContext,
  client: WebClient,
  noteId: string,
  change: { notice?: string; outcome?: ReviewView['outcome'] },
): Promise<void> {
  const [current, state] = await Promise.all([
    ctx.deps.repo.getNote(noteId),
    ctx.deps.repo.getSlackState(noteId),
  ]);
  if (!current || !state) return;
  const { note, findings } = current;
  try {
    if (state.dm) {
      const raw = await ctx.deps.repo.getRaw(noteId);
      const m = nudgeMessage(nudgeViewOf(note, findings, raw, change.notice));
      await client.chat.update({
        channel: state.dm.channel,
        ts: state.dm.ts,
        text: m.text,
        blocks: m.blocks,
      });
    }
    if (state.review) {
      const userId = await ctx.directory(client).userIdFor(note.ownerEmail);
      const open = findings.filter((f) => f.status === 'open' || f.status === 'pending');
      const reason = !userId ? 'unknown_rep' : open.some((f) => f.dispute) ? 'dispute' : 'high_severity';
      const m = reviewMessage(
        reviewViewOf(
          note,
          findings,
          { slackUserId: userId },
          reason,
          open.length === 0 || change.outcome?.action === 'reminded' ? change.outcome : undefined,
        ),
      );
      await client.chat.update({
        channel: state.review.channel,
        ts: state.review.ts,
        text: m.text,
        blocks: m.blocks,
      });
    }
  } catch (err) {
    ctx.deps.logger.warn('could not update Slack messages after an action', {
      noteId,
      error: (err as Error).name,
    });
  }
}
