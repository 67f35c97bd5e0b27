import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS } from '../../blocks/view-models.js';
import { type BotContext, isManager } from '../../bot-context.js';
import { refreshMessages } from '../../refresh-messages.js';
import { tellUser, userMessageFor } from '../respond-ephemeral.js';
import { ackButton } from './button-action.js';

/** Manager: "Ask rep to fix" → a reminder in the rep's DM thread; the review post says who asked. */
export function registerAskRep(app: App, ctx: BotContext): void {
  app.action<BlockButtonAction>(ACTIONS.askRep, async (args) => {
    const parsed = await ackButton(args);
    if (!parsed) return;
    const { value, user, channel } = parsed;
    try {
      const current = await ctx.deps.repo.getNote(value.noteId);
      if (!current || !(await isManager(ctx, user, current.note.orgId))) {
        return await tellUser(args.client, channel, user, 'Only managers can send reminders.');
      }
      const rep = await ctx.directory(args.client).userIdFor(current.note.ownerEmail);
      if (!rep)
        return await tellUser(
          args.client,
          channel,
          user,
          'The note owner was not found in Slack; please contact them directly.',
        );
      const state = await ctx.deps.repo.getSlackState(value.noteId);
      const title = current.note.title ?? 'one of your CRM notes';
      await args.client.chat.postMessage({
        channel: state?.dm?.channel ?? rep,
        ...(state?.dm ? { thread_ts: state.dm.ts } : {}),
        text: `Reminder from <@${user}>: please fix the flagged text in "${title.replace(/[<>&]/g, '')}" (buttons above).`,
      });
      const at = ctx.deps.clock.now().toISOString();
      await ctx.deps.repo.addAudit({
        noteId: value.noteId,
        at,
        actor: user,
        action: 'nudged',
        channel: 'slack',
        detail: 'reminder sent by a manager',
      });
      await refreshMessages(ctx, args.client, value.noteId, {
        outcome: { action: 'reminded', by: user, at },
      });
    } catch (err) {
      await tellUser(args.client, channel, user, userMessageFor(err));
    }
  });
}
