import {
  actions,
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
  truncate,
} from './block-kit.js';
import { ACTIONS, type NudgeView } from './view-models.js';

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * The rep's DM. The rep wrote the note, so the flagged words may be quoted here (and only here).
 * Open: each finding with why and a rewrite, plus the note's actions. Clean/resolved: a short
 * closing message without buttons.
 */
export function nudgeMessage(view: NudgeView): SlackMessage {
  const record = recordLink(view.title, view.url);
  const notice = view.notice ? [context(escapeMrkdwn(view.notice))] : [];
  if (view.state === 'clean') {
    return {
      text: 'Your note came back clean. Thank you!',
      blocks: [...notice, section(`:white_check_mark: ${record} came back clean. Thank you for fixing it!`)],
    };
  }
  if (view.state === 'resolved') {
    return {
      text: 'Nothing left to do on your note.',
      blocks: [...notice, section(`:white_check_mark: Nothing left to do on ${record}.`)],
    };
  }
  const n = view.findings.length;
  const intro = section(
    `:wave: Your note ${record} has ${n} ${n === 1 ? 'passage' : 'passages'} that should not be in the CRM: customers can ask to read what we hold about them.`,
  );
  const findingBlocks = view.findings.flatMap((f): Block[] => [
    divider(),
    section(
      [
        `*${escapeMrkdwn(f.categoryLabel)}* · ${SEVERITY_BADGE[f.severity]}${f.field ? ` · field \`${escapeMrkdwn(f.field)}\`` : ''}${f.status === 'pending' ? ' · _waiting for the CRM to confirm your fix_' : ''}`,
        `> ${escapeMrkdwn(truncate(f.flagged.replace(/\s+/g, ' '), 300))}`,
        `*Why:* ${escapeMrkdwn(f.message)}`,
        `*Instead:* ${escapeMrkdwn(f.suggestion)}`,
      ].join('\n'),
      button('Not sensitive', ACTIONS.notSensitive, { noteId: view.noteId, findingId: f.findingId }),
    ),
  ]);
  const dropped =
    view.droppedFindings > 0
      ? [
          context(
            `${view.droppedFindings} more passages were found; fix these first and the rest will be listed.`,
          ),
        ]
      : [];
  const buttons = actions([
    button('Apply suggested fix', ACTIONS.applyFix, { noteId: view.noteId }, 'primary'),
    button('I fixed it in the CRM', ACTIONS.fixedInCrm, { noteId: view.noteId }),
  ]);
  // The actions block goes last but must survive the cap, so cap the body first.
  const body = capBlocks(
    [...notice, intro, ...findingBlocks, ...dropped],
    LIMITS.messageBlocks - 2,
    (k) => `${k} more blocks were left out; open the note in the CRM to see everything.`,
  );
  return {
    text: `Your note has ${n} ${n === 1 ? 'passage' : 'passages'} to fix.`,
    blocks: [...body, divider(), buttons],
  };
}
