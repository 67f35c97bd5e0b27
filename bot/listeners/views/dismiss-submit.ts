import type { App } from '@slack/bolt';
import { dismissFinding } from '../../../lambdas/usecases/dismiss-finding.js';
import { INPUTS, VIEWS } from '../../blocks/view-models.js';
import { type BotContext, isManager, parseButtonValue } from '../../bot-context.js';
import { refreshMessages } from '../../refresh-messages.js';
import { allowListTicked, reasonOf } from './modal-input.js';

/** The manager's dismiss reason (and optional allow-listing) → dismissFinding, then the messages say who. */
export function registerDismissSubmit(app: App, ctx: BotContext): void {
  app.view(VIEWS.dismiss, async ({ ack, body, view, client }) => {
    const reason = reasonOf(view);
    if (!reason)
      return await ack({
        response_action: 'errors',
        errors: { [INPUTS.reason.block]: 'Please give a reason.' },
      });
    const value = parseButtonValue(view.private_metadata);
    const user = body.user.id;
    const current = value ? await ctx.deps.repo.getNote(value.noteId) : null;
    if (!value?.findingId || !current || !(await isManager(ctx, user, current.note.orgId))) {
      return await ack({
        response_action: 'errors',
        errors: { [INPUTS.reason.block]: 'Only managers can dismiss findings.' },
      });
    }
    await ack();
    try {
      const result = await dismissFinding(ctx.deps, value.findingId, {
        actor: user,
        channel: 'slack',
        reason,
        allowList: allowListTicked(view),
      });
      await refreshMessages(ctx, client, value.noteId, {
        notice: `A manager marked a finding as not sensitive${result.allowListed ? ' (allow-listed for your organisation)' : ''}.`,
        outcome: { action: 'dismissed', by: user, at: ctx.deps.clock.now().toISOString() },
      });
    } catch (err) {
      ctx.deps.logger.warn('dismiss failed', { noteId: value.noteId, error: (err as Error).name });
    }
  });
}
