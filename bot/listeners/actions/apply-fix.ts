import type { App, BlockButtonAction } from '@slack/bolt';
import { redactNote } from '../../../lambdas/usecases/redact-note.js';
import { ACTIONS } from '../../blocks/view-models.js';
import type { BotContext } from '../../bot-context.js';
import { refreshMessages } from '../../refresh-messages.js';
import { onOwnNote } from './button-action.js';

/** Rep: "Apply suggested fix" → redacts the flagged spans through the same use case as the manager's Redact. */
export function registerApplyFix(app: App, ctx: BotContext): void {
  app.action<BlockButtonAction>(ACTIONS.applyFix, (args) =>
    onOwnNote(args, ctx, 'You can only fix your own notes; nothing was changed.', async (value, user) => {
      const result = await redactNote(ctx.deps, value.noteId, { actor: user, channel: 'slack' });
      await refreshMessages(ctx, args.client, value.noteId, {
        notice: `Fixed: the flagged words were replaced${result.crm === 'written' ? ' and the CRM record updated' : ''}. Thank you!`,
        outcome: { action: 'redacted', by: user, at: ctx.deps.clock.now().toISOString() },
      });
    }),
  );
}
