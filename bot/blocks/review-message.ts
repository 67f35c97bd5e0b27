import {
  type Block,
  button,
  capBlocks,
  context,
  divider,
  escapeMrkdwn,
  LIMITS,
  recordLink,
  SEVERITY_BADGE,
  section,
} from './block-kit.js';
import type { SlackMessage } from './nudge-message.js';
import { ACTIONS, type ReviewView } from './view-models.js';

const REASONS: Record<ReviewView['reason'], string> = {
  high_severity: 'High-severity findings',
  dispute: 'The rep disputes a finding',
  unknown_rep: 'The note owner is not on Slack',
};

const OUTCOMES: Record<NonNullable<ReviewView['outcome']>['action'], string> = {
  redacted: 'Redacted',
  dismissed: 'Dismissed',
  reminded: 'Reminder sent',
};

/**
 * The review-channel post: masked previews only, never the raw words (a channel has many readers).
 * Once a manager redacted or dismissed, the buttons go; after a reminder they stay.
 */
export function reviewMessage(view: ReviewView): SlackMessage {
  const owner = view.ownerIsSlackUser ? `<@${view.owner}>` : escapeMrkdwn(view.owner);
  const n = view.findings.length;
  const head = section(`*${REASONS[view.reason]}* in ${recordLink(view.title, view.url)}\nOwner: ${owner}`);
  const findingBlocks = view.findings.flatMap((f): Block[] => [
    section(
      [
        `*${escapeMrkdwn(f.categoryLabel)}* · ${SEVERITY_BADGE[f.severity]} · ${f.status}`,
        `> ${escapeMrkdwn(f.preview)}`,
        escapeMrkdwn(f.message),
        ...(f.dispute
          ? [
              `:speech_balloon: <@${f.dispute.by}> says it is not sensitive: _${escapeMrkdwn(f.dispute.reason)}_`,
            ]
          : []),
      ].join('\n'),
    ),
  ]);
  const outcome = view.outcome
    ? [context(`*${OUTCOMES[view.outcome.action]}* by <@${view.outcome.by}> at ${view.outcome.at}`)]
    : [];
  const showActions = !view.outcome || view.outcome.action === 'reminded';
  const firstOpen = view.findings.find((f) => f.status === 'open' || f.status === 'pending');
  const actions: Block[] = showActions
    ? [
        divider(),
        {
          type: 'actions',
          elements: [
            button('Redact', ACTIONS.redact, { noteId: view.noteId }, 'danger'),
            button('Dismiss', ACTIONS.dismiss, {
              noteId: view.noteId,
              ...(firstOpen ? { findingId: firstOpen.findingId } : {}),
            }),
            ...(view.ownerIsSlackUser
              ? [button('Ask rep to fix', ACTIONS.askRep, { noteId: view.noteId })]
              : []),
          ],
        },
      ]
    : [];
  const body = capBlocks(
    [head, ...findingBlocks, ...outcome],
    LIMITS.messageBlocks - actions.length,
    (k) => `${k} more findings are not shown.`,
  );
  return {
    text: `${REASONS[view.reason]}: ${n} ${n === 1 ? 'finding' : 'findings'} to review${view.outcome ? ` (${OUTCOMES[view.outcome.action].toLowerCase()})` : ''}.`,
    blocks: [...body, ...actions],
  };
}
