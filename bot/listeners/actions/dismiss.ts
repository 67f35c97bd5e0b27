import type { App, BlockButtonAction } from '@slack/bolt';
import { dismissModal } from '../../blocks/modals.js';
import { ACTIONS } from '../../blocks/view-models.js';
import { type BotContext, isManager } from '../../bot-context.js';
import { tellUser } from '../respond-ephemeral.js';
import { ackButton } from './button-action.js';

/** Manager: "Dismiss" → a modal asking for a reason, offering to allow-list the phrase. */
export function registerDismiss(app: App, ctx: BotContext): void {
  app.action<BlockButtonAction>(ACTIONS.dismiss, async (args) => {
    const parsed = await ackButton(args);
    if (!parsed) return;
    const { value, user, channel } = parsed;
    const current = await ctx.deps.repo.getNote(value.noteId);
    if (!current || !(await isManager(ctx, user, current.note.orgId))) {
      return await tellUser(
        args.client,
        channel,
        user,
        'Only managers can dismiss findings; nothing was changed.',
      );
    }
    const finding =
      current.findings.find((f) => f.findingId === value.findingId) ??
      current.findings.find((f) => f.status === 'open');
    if (!finding) return await tellUser(args.client, channel, user, 'That finding is no longer open.');
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: dismissModal({ ...value, findingId: finding.findingId }, finding.preview),
    });
  });
}
