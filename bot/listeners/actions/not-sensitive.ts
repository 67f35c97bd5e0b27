import type { App, BlockButtonAction } from '@slack/bolt';
import { disputeModal } from '../../blocks/modals.js';
import { ACTIONS } from '../../blocks/view-models.js';
import { type BotContext, ownsNote } from '../../bot-context.js';
import { tellUser } from '../respond-ephemeral.js';
import { ackButton } from './button-action.js';

/** Rep: "Not sensitive" → a modal asking why; the submission goes to manager review. */
export function registerNotSensitive(app: App, ctx: BotContext): void {
  app.action<BlockButtonAction>(ACTIONS.notSensitive, async (args) => {
    const parsed = await ackButton(args);
    if (!parsed) return;
    const { value, user, channel } = parsed;
    const current = await ctx.deps.repo.getNote(value.noteId);
    if (!current || !(await ownsNote(ctx, args.client, user, current.note))) {
      return await tellUser(args.client, channel, user, 'You can only dispute findings on your own notes.');
    }
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: disputeModal(value) });
  });
}
