import type { WebClient } from '@slack/web-api';
import type { NudgeJob } from '../../lambdas/core/model.js';
import type { UseCaseDeps } from '../../lambdas/usecases/deps.js';
import { nudgeMessage, type SlackMessage } from '../blocks/nudge-message.js';
import { reviewMessage } from '../blocks/review-message.js';
import type { SlackConfig } from '../config.js';
import { isPermanentSlackError, platformError } from '../slack-errors.js';
import type { SlackUserDirectory } from '../slack-user-directory.js';
import { nudgeViewOf, reviewViewOf } from './views.js';

export interface NudgeDeps {
  deps: UseCaseDeps;
  client: WebClient;
  directory: SlackUserDirectory;
  config: Pick<SlackConfig, 'reviewChannel'>;
}

/**
 * Consumes a nudge job (SQS in AWS, the in-process queue locally). Each note revision is claimed
 * once, so a re-delivered job sends nothing twice. The rep gets (or has updated) a DM with the
 * findings; high-severity findings, and reps not found in Slack, go to the review channel with
 * masked previews. A permanent Slack error is recorded and not retried; anything else releases
 * the claim and throws, so the queue retries it (and dead-letters it after repeated failures).
 */
export function createNudgeConsumer({ deps, client, directory, config }: NudgeDeps) {
  return async function consume(job: NudgeJob): Promise<void> {
    const current = await deps.repo.getNote(job.noteId);
    if (!current) return;
    const { note, findings } = current;
    // An older job than the note's revision is answered by the newest state.
    if (!(await deps.repo.claimNudge(note.noteId, note.rev))) return;
    const state = (await deps.repo.getSlackState(note.noteId)) ?? {
      noteId: note.noteId,
      claimedRev: note.rev,
    };
    state.claimedRev = note.rev;
    const now = deps.clock.now().toISOString();
    try {
      const userId = await directory.userIdFor(note.ownerEmail);
      const open = findings.filter((f) => f.status === 'open' || f.status === 'pending');
      if (userId) {
        const raw = open.length > 0 ? await deps.repo.getRaw(note.noteId) : null;
        const message = nudgeMessage(nudgeViewOf(note, findings, raw));
        if (state.dm || open.length > 0) {
          const posted = !state.dm;
          state.dm = await updateOrPost(client, state.dm, userId, message);
          // Saved at once: if the review post below fails and the job is retried, the DM is updated, not re-sent.
          if (posted) await deps.repo.saveSlackState(state);
        }
      }
      const needsReview = !userId ? open.length > 0 : open.some((f) => f.severity === 'high' || f.dispute);
      if (needsReview || state.review) {
        const reason = !userId ? 'unknown_rep' : open.some((f) => f.dispute) ? 'dispute' : 'high_severity';
        const message = reviewMessage(reviewViewOf(note, findings, { slackUserId: userId }, reason));
        const posted = !state.review;
        state.review = await updateOrPost(client, state.review, config.reviewChannel, message);
        if (posted) await deps.repo.saveSlackState(state);
      }
      delete state.failure;
      await deps.repo.saveSlackState(state);
      await deps.repo.addAudit({
        noteId: note.noteId,
        at: now,
        actor: 'noteguard',
        action: 'nudged',
        channel: 'slack',
        detail: userId
          ? needsReview
            ? 'DM to the rep and review channel'
            : 'DM to the rep'
          : 'rep not found in Slack: sent to the review channel',
      });
    } catch (err) {
      if (isPermanentSlackError(err)) {
        const error = platformError(err) as string;
        await deps.repo.saveSlackState({ ...state, failure: { error, at: now } });
        await deps.repo.addAudit({
          noteId: note.noteId,
          at: now,
          actor: 'noteguard',
          action: 'nudge_failed',
          channel: 'slack',
          detail: error,
        });
        deps.logger.warn('nudge failed permanently', {
          noteId: note.noteId,
          rev: note.rev,
          slackError: error,
        });
        return;
      }
      await deps.repo.releaseNudge(note.noteId, note.rev);
      deps.logger.warn('nudge failed; the queue will retry', {
        noteId: note.noteId,
        rev: note.rev,
        error: (err as Error).name,
      });
      throw err;
    }
  };
}

interface MessageRef {
  channel: string;
  ts: string;
}

/** Updates the message at `ref`, or posts a new one to `channel`; returns where the message is. */
async function updateOrPost(
  client: WebClient,
  ref: MessageRef | undefined,
  channel: string,
  message: SlackMessage,
): Promise<MessageRef> {
  if (ref) {
    await client.chat.update({
      channel: ref.channel,
      ts: ref.ts,
      text: message.text,
      blocks: message.blocks,
    });
    return ref;
  }
  const posted = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
  });
  return { channel: posted.channel as string, ts: posted.ts as string };
}
