import type { App, BlockButtonAction } from '@slack/bolt';
import { redactNote } from '../../../lambdas/usecases/redact-note.js';
import { ACTIONS } from '../../blocks/view-models.js';
import { type BotContext, isManager } from '../../bot-context.js';
import { refreshMessages } from '../../refresh-messages.js';
import { tellUser, userMessageFor } from '../respond-ephemeral.js';
import { ackButton } from './button-action.js';

/** Manager: "Redact" (the button carries a confirm dialog) → the same use case as POST /v1/notes/{id}/redact. */
export function registerRedact(app: App, ctx: BotContext): void {
  app.action<BlockButtonAction>(ACTIONS.redact, async (args) => {
    const parsed = await ackButton(args);
    if (!parsed) return;
    const { value, user, channel } = parsed;
    try {
      const current = await ctx.deps.repo.getNote(value.noteId);
      if (!current) return await tellUser(args.client, channel, user, 'That note no longer exists.');
      if (!(await isManager(ctx, user, current.note.orgId))) {
        return await tellUser(
          args.client,
          channel,
          user,
          'Only managers can redact notes; nothing was changed.',
        );
      }
      const result = await redactNote(ctx.deps, value.noteId, { actor: user, channel: 'slack' });
      const at = ctx.deps.clock.now().toISOString();
      await refreshMessages(ctx, args.client, value.noteId, {
        notice: `Redacted by <@${user}>${result.crm === 'written' ? ' and written back to the CRM' : ''}.`,
        outcome: { action: 'redacted', by: user, at },
      });
    } catch (err) {
      await tellUser(args.client, channel, user, userMessageFor(err));
    }
  });
}
