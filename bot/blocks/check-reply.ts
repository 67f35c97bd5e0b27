import {
  type Block,
  capBlocks,
  escapeMrkdwn,
  LIMITS,
  SEVERITY_BADGE,
  section,
  truncate,
} from './block-kit.js';
import type { SlackMessage } from './nudge-message.js';
import type { CheckView } from './view-models.js';

/** `/noteguard check`: the user's own text, shown only to them, so the flagged words may appear. */
export function checkReply(view: CheckView): SlackMessage {
  if (view.findings.length === 0) {
    return {
      text: 'No findings: this text is fine to save.',
      blocks: [section(':white_check_mark: No findings: this text is fine to save.')],
    };
  }
  const n = view.findings.length;
  const blocks = [
    section(`:warning: ${n} ${n === 1 ? 'passage' : 'passages'} should not be saved in the CRM:`),
    ...view.findings.map(
      (f): Block =>
        section(
          [
            `*${escapeMrkdwn(f.categoryLabel)}* · ${SEVERITY_BADGE[f.severity]}`,
            `> ${escapeMrkdwn(truncate(f.flagged.replace(/\s+/g, ' '), 300))}`,
            `*Why:* ${escapeMrkdwn(f.message)}`,
            `*Instead:* ${escapeMrkdwn(f.suggestion)}`,
          ].join('\n'),
        ),
    ),
    section(`*Redacted:*\n\`\`\`${escapeMrkdwn(truncate(view.redacted, 2500))}\`\`\``),
  ];
  return {
    text: `${n} ${n === 1 ? 'passage' : 'passages'} found: ${view.findings.map((f) => `${f.categoryLabel} "${f.flagged}"`).join(', ')}`.slice(
      0,
      3000,
    ),
    blocks: capBlocks(blocks, LIMITS.messageBlocks, (k) => `${k} more findings not shown.`),
  };
}
