import { escapeMrkdwn, section } from './block-kit.js';
import type { SlackMessage } from './nudge-message.js';
import type { StatsView } from './view-models.js';

const TOP = 15;

/** `/noteguard stats`: open findings by category and by rep (managers only; counts, no text). */
export function statsReply(view: StatsView): SlackMessage {
  const total = `${view.total}${view.truncated ? '+' : ''}`;
  if (view.total === 0) return { text: 'No open findings.', blocks: [section('No open findings. :tada:')] };
  const lines = (rows: { label: string; open: number }[]) =>
    rows
      .slice(0, TOP)
      .map((r) => `• ${escapeMrkdwn(r.label)}: *${r.open}*`)
      .join('\n') + (rows.length > TOP ? `\n…and ${rows.length - TOP} more` : '');
  return {
    text: `${total} open findings.`,
    blocks: [
      section(`*${total} open findings*${view.truncated ? ' (counted up to the scan limit)' : ''}`),
      section(
        `*By category*\n${lines(view.byCategory.map((c) => ({ label: c.categoryLabel, open: c.open })))}`,
      ),
      section(`*By rep*\n${lines(view.byOwner.map((o) => ({ label: o.owner, open: o.open })))}`),
    ],
  };
}
