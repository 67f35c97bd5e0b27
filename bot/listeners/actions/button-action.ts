import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ButtonValue } from '../../blocks/view-models.js';
import { type BotContext, ownsNote, parseButtonValue } from '../../bot-context.js';
import { tellUser, userMessageFor } from '../respond-ephemeral.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * The common start of every button listener: ack at once (Slack's 3-second rule), then parse the
 * value; a forged or stale value gets an ephemeral line and nothing changes.
 */
export async function ackButton(
  args: ButtonArgs,
): Promise<{ value: ButtonValue; user: string; channel: string | undefined } | null> {
  await args.ack();
  const user = args.body.user.id;
  const channel = args.body.channel?.id;
  const value = parseButtonValue(args.action.value);
  if (!value) {
    await tellUser(args.client, channel, user, 'That button is out of date; nothing was changed.');
    return null;
  }
  return { value, user, channel };
}

/**
 * A rep's button on their own note: ack, parse, check ownership (anyone else gets `refusal` and
 * nothing changes), run `act`; a failure becomes an ephemeral line, never a silent drop.
 */
export async function onOwnNote(
  args: ButtonArgs,
  ctx: BotContext,
  refusal: string,
  act: (value: ButtonValue, user: string) => Promise<void>,
): Promise<void> {
  const parsed = await ackButton(args);
  if (!parsed) return;
  const { value, user, channel } = parsed;
  try {
    const current = await ctx.deps.repo.getNote(value.noteId);
    if (!current || !(await ownsNote(ctx, args.client, user, current.note))) {
      return await tellUser(args.client, channel, user, refusal);
    }
    await act(value, user);
  } catch (err) {
    await tellUser(args.client, channel, user, userMessageFor(err));
  }
}
