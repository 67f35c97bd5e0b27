import type { App } from '@slack/bolt';
import { redactText } from '../../../lambdas/classifier/redact.js';
import { CATEGORIES } from '../../../lambdas/core/categories.js';
import { cachedSettings, tuningOf } from '../../../lambdas/usecases/settings.js';
import { checkReply } from '../../blocks/check-reply.js';
import { statsReply } from '../../blocks/stats-reply.js';
import { type BotContext, isManager } from '../../bot-context.js';
import { collectStats } from '../../home/collect-stats.js';

const HELP =
  'Usage: `/noteguard check <text>` checks text before you save it (only you see the answer); `/noteguard stats` shows open findings by category and rep (managers).';

/** `/noteguard check <text>` and `/noteguard stats`; every answer is ephemeral (the ack body). */
export function registerNoteguardCommand(app: App, ctx: BotContext): void {
  app.command('/noteguard', async ({ command, ack }) => {
    const [sub, ...rest] = command.text.trim().split(/\s+/);
    if (sub === 'check') {
      const text = command.text.trim().slice('check'.length).trim();
      if (!text) return await ack({ response_type: 'ephemeral', text: HELP });
      const settings = await cachedSettings(ctx.deps.repo, 'default', ctx.deps.clock.now().getTime());
      const findings = ctx.deps.classifier.scanText(text, tuningOf(settings));
      const reply = checkReply({
        text,
        findings: findings.map((f) => ({
          category: f.category,
          categoryLabel: CATEGORIES[f.category].label,
          severity: f.severity,
          flagged: text.slice(f.start, f.end),
          message: f.message,
          suggestion: f.suggestion,
        })),
        redacted: redactText(text, findings),
      });
      return await ack({ response_type: 'ephemeral', ...reply });
    }
    if (sub === 'stats' && rest.length === 0) {
      if (!(await isManager(ctx, command.user_id, 'default'))) {
        return await ack({ response_type: 'ephemeral', text: 'Only managers can see statistics.' });
      }
      return await ack({ response_type: 'ephemeral', ...statsReply(await collectStats(ctx)) });
    }
    await ack({ response_type: 'ephemeral', text: HELP });
  });
}
