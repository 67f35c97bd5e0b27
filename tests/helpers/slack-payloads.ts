import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const fixture = (name: string) =>
  JSON.parse(readFileSync(resolve(process.cwd(), '../shared/fixtures', name), 'utf8'));

/** A block_actions payload (bolt-python's documented test body) pressed by `user` on a button. */
export function buttonPress(opts: {
  user: string;
  actionId: string;
  value: string;
  channel: string;
  messageTs: string;
}) {
  const base = fixture('slack-block_actions.payload.json');
  return {
    ...base,
    user: { ...base.user, id: opts.user },
    container: {
      ...base.container,
      channel_id: opts.channel,
      message_ts: opts.messageTs,
      is_ephemeral: false,
    },
    channel: { id: opts.channel, name: 'review' },
    message: { type: 'message', ts: opts.messageTs, text: 'x' },
    actions: [{ ...base.actions[0], action_id: opts.actionId, value: opts.value, block_id: 'ng' }],
  };
}

/** A view_submission payload (bolt-python's documented test body) for our modal. */
export function viewSubmission(opts: {
  user: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
}) {
  const base = fixture('slack-view_submission.payload.json');
  return {
    ...base,
    user: { ...base.user, id: opts.user },
    view: {
      ...base.view,
      callback_id: opts.callbackId,
      private_metadata: opts.privateMetadata,
      state: { values: opts.values },
    },
  };
}

/** The Events API wrapper of the app_home_opened fixture, opened by `user`. */
export function appHomeOpened(user: string) {
  const base = fixture('slack-event_callback.app_home_opened.json');
  delete base._note;
  return { ...base, event: { ...base.event, user, tab: 'home' } };
}
