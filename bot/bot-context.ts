import type { WebClient } from '@slack/web-api';
import type { StoredNote } from '../lambdas/core/model.js';
import type { UseCaseDeps } from '../lambdas/usecases/deps.js';
import { loadSettings } from '../lambdas/usecases/settings.js';
import type { ButtonValue } from './blocks/view-models.js';
import type { SlackConfig } from './config.js';
import type { SlackUserDirectory } from './slack-user-directory.js';

/** What every listener gets: the use cases' deps, the Slack settings and the user directory. */
export interface BotContext {
  deps: UseCaseDeps;
  config: SlackConfig;
  directory: (client: WebClient) => SlackUserDirectory;
}

/** Managers come from NOTEGUARD_MANAGER_IDS plus the organisation's settings. */
export async function isManager(ctx: BotContext, userId: string, orgId: string): Promise<boolean> {
  if (ctx.config.managerIds.includes(userId)) return true;
  return (await loadSettings(ctx.deps.repo, orgId)).managers.includes(userId);
}

/** A rep may act only on notes they own: the note owner's email must resolve to this Slack user. */
export async function ownsNote(
  ctx: BotContext,
  client: WebClient,
  userId: string,
  note: StoredNote,
): Promise<boolean> {
  return (await ctx.directory(client).userIdFor(note.ownerEmail)) === userId;
}

/** Parses a button's value; anything else (a forged payload) is null. */
export function parseButtonValue(value: string | undefined): ButtonValue | null {
  if (!value || value.length > 2000) return null;
  try {
    const v = JSON.parse(value) as ButtonValue;
    return typeof v.noteId === 'string' && /^n_[A-Za-z0-9_-]{22}$/.test(v.noteId) ? v : null;
  } catch {
    return null;
  }
}
