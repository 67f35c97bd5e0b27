import type { WebClient } from '@slack/web-api';

/** An ephemeral line to one user in the channel where they clicked (refusals and errors). */
export async function tellUser(
  client: WebClient,
  channel: string | undefined,
  user: string,
  text: string,
): Promise<void> {
  if (!channel) return;
  await client.chat.postEphemeral({ channel, user, text }).catch(() => {});
}

/** A refusal or failure message a user can act on; internal details never reach Slack. */
export function userMessageFor(err: unknown): string {
  const e = err as { expose?: boolean; message?: string; status?: number };
  if (e?.expose && typeof e.message === 'string' && (e.status ?? 500) < 500) return e.message;
  return 'Something went wrong; nothing was changed. Please try again in a minute.';
}
