import type { NudgeJob } from '../../../lambdas/core/model.js';
import type { NoteRepository } from '../../../lambdas/core/ports.js';
import type { FakeSlack } from '../../helpers/fake-slack.js';

/**
 * What became of each nudge, from the fake Slack's record of accepted calls and the table:
 * delivered (one DM to the rep, and one review post when a finding is high severity), failed
 * permanently (the failure recorded on the note and audited), lost (neither), or duplicated (a
 * second DM or review post for the same note).
 */
export async function nudgeOutcomes(
  repo: NoteRepository,
  slack: FakeSlack,
  jobs: readonly NudgeJob[],
  deadLetters: readonly NudgeJob[],
  reviewChannel = 'C0REVIEW01',
) {
  const accepted = slack.callsTo('chat.postMessage').filter((c) => !c.failed);
  const postsFor = (noteId: string) =>
    accepted.filter((c) => JSON.stringify(c.args.blocks ?? '').includes(noteId));
  let delivered = 0;
  let failedPermanently = 0;
  const lost: string[] = [];
  const duplicated: string[] = [];
  for (const job of jobs) {
    const posts = postsFor(job.noteId);
    const dms = posts.filter((c) => c.args.channel !== reviewChannel);
    const reviews = posts.filter((c) => c.args.channel === reviewChannel);
    if (dms.length > 1 || reviews.length > 1)
      duplicated.push(`${job.noteId}: ${dms.length} DMs, ${reviews.length} review posts`);
    const state = await repo.getSlackState(job.noteId);
    const audit = await repo.listAudit(job.noteId);
    const note = await repo.getNote(job.noteId);
    const needsReview = note?.findings.some((f) => f.severity === 'high') ?? false;
    if (state?.failure && audit.some((a) => a.action === 'nudge_failed')) failedPermanently++;
    else if (
      dms.length === 1 &&
      (!needsReview || reviews.length === 1) &&
      audit.some((a) => a.action === 'nudged')
    )
      delivered++;
    else
      lost.push(
        `${job.noteId}: ${dms.length} DMs, ${reviews.length} review posts, failure ${state?.failure?.error ?? 'none'}, dead-lettered ${deadLetters.some((d) => d.noteId === job.noteId)}`,
      );
  }
  return { delivered, failedPermanently, lost, duplicated };
}
