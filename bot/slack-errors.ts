/** Slack platform errors that retrying cannot fix: recorded once, never retried forever. */
const PERMANENT = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'user_disabled',
  'users_not_found',
  'cannot_dm_bot',
  'msg_too_long',
  'invalid_blocks',
  'invalid_arguments',
  'message_not_found',
  'cant_update_message',
  'team_access_not_granted',
]);

/** The `error` code of a WebClient platform error (`ok:false`), if that is what `err` is. */
export function platformError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function isPermanentSlackError(err: unknown): boolean {
  const code = platformError(err);
  return code !== undefined && PERMANENT.has(code);
}
