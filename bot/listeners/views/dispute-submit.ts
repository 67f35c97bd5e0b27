import type { App } from '@slack/bolt';
import { disputeFinding } from '../../../lambdas/usecases/dispute-finding.js';
import { INPUTS, VIEWS } from '../../blocks/view-models.js';
import { type BotContext, ownsNote, parseButtonValue } from '../../bot-context.js';
import { refreshMessages } from '../../refresh-messages.js';
import { reasonOf } from './modal-input.js';

/** The rep's "why is this not sensitive?" → the finding carries the (masked) reason and goes to review. */
export function registerDisputeSubmit(app: App, ctx: BotContext): void {
  app.view(VIEWS.dispute, async ({ ack, body, view, client }) => {
    const reason = reasonOf(view);
    if (!reason)
      return await ack({ response_action: 'errors', errors: { [INPUTS.reason.block]: 'Please say why.' } });
    await ack();
    const value = parseButtonValue(view.private_metadata);
    if (!value?.findingId) return;
    const user = body.user.id;
    const current = await ctx.deps.repo.getNote(value.noteId);
    if (!current || !(await ownsNote(ctx, client, user, current.note))) return;
    try {
      const { note } = await disputeFinding(ctx.deps, value.findingId, {
        actor: user,
        channel: 'slack',
        reason,
      });
      // The nudge consumer posts (or updates) the review-channel message for the dispute.
      await ctx.deps.queue.enqueue({ noteId: note.noteId, rev: note.rev });
      await refreshMessages(ctx, client, value.noteId, {
        notice: 'Sent to a manager for review. Thanks for explaining.',
      });
    } catch (err) {
      ctx.deps.logger.warn('dispute failed', { noteId: value.noteId, error: (err as Error).name });
    }
  });
}
