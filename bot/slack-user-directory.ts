import type { WebClient } from '@slack/web-api';
import type { NoteRepository } from '../lambdas/core/ports.js';
import { platformError } from './slack-errors.js';

/** Finds a CRM owner's Slack user by email (users.lookupByEmail), cached in the table with a TTL. */
export class SlackUserDirectory {
  constructor(
    private readonly client: WebClient,
    private readonly repo: NoteRepository,
    private readonly ttlSeconds: number,
  ) {}

  /** The Slack user id, or null when nobody in the workspace has that email. */
  async userIdFor(email: string | undefined): Promise<string | null> {
    if (!email) return null;
    const cached = await this.repo.getCachedSlackUser(email);
    if (cached !== undefined) return cached;
    try {
      const res = await this.client.users.lookupByEmail({ email });
      const id = res.user?.id ?? null;
      await this.repo.cacheSlackUser(email, id, this.ttlSeconds);
      return id;
    } catch (err) {
      if (platformError(err) === 'users_not_found') {
        // Remember the miss for a shorter time: the rep may join Slack later.
        await this.repo.cacheSlackUser(email, null, Math.min(this.ttlSeconds, 3600));
        return null;
      }
      throw err;
    }
  }
}
