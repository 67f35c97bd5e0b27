import type { App, BlockButtonAction } from '@slack/bolt';
import { markFixedInCrm } from '../../../lambdas/usecases/mark-fixed-in-crm.js';
import { ACTIONS } from '../../blocks/view-models.js';
import type { BotContext } from '../../bot-context.js';
import { refreshMessages } from '../../refresh-messages.js';
import { onOwnNote } from './button-action.js';

/** Rep: "I fixed it in the CRM" → findings pending; the next webhook for the record confirms. */
export function registerFixedInCrm(app: App, ctx: BotContext): void {
  app.action<BlockButtonAction>(ACTIONS.fixedInCrm, (args) =>
    onOwnNote(args, ctx, 'You can only update your own notes; nothing was changed.', async (value, user) => {
      await markFixedInCrm(ctx.deps, value.noteId, { actor: user, channel: 'slack' });
      await refreshMessages(ctx, args.client, value.noteId, {
        notice: 'Thanks — NoteGuard will confirm as soon as the CRM sends the edited note.',
      });
    }),
  );
}
