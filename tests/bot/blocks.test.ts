import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, LIMITS, recordLink, truncate } from '../../bot/blocks/block-kit.js';
import { checkReply } from '../../bot/blocks/check-reply.js';
import { homeView } from '../../bot/blocks/home-view.js';
import { dismissModal, disputeModal } from '../../bot/blocks/modals.js';
import { nudgeMessage } from '../../bot/blocks/nudge-message.js';
import { reviewMessage } from '../../bot/blocks/review-message.js';
import { statsReply } from '../../bot/blocks/stats-reply.js';
import { ACTIONS, INPUTS, type NudgeView, type ReviewView, VIEWS } from '../../bot/blocks/view-models.js';

const NOTE = 'n_AAAAAAAAAAAAAAAAAAAAAA';
const finding = (i: number): NudgeView['findings'][number] => ({
  findingId: `f_${i}`,
  category: 'health',
  categoryLabel: 'Health',
  severity: 'high',
  flagged: 'pregnant',
  message: 'Health data is special-category data.',
  suggestion: 'Write "out of office until June".',
  status: 'open',
});
const nudge = (n: number, extra: Partial<NudgeView> = {}): NudgeView => ({
  noteId: NOTE,
  title: 'Renewal <call> & co',
  url: 'https://example.my.salesforce.com/00T1',
  state: 'open',
  findings: Array.from({ length: n }, (_, i) => finding(i)),
  droppedFindings: 0,
  ...extra,
});
const actionIds = (blocks: unknown[]) =>
  [...JSON.stringify(blocks).matchAll(/"action_id":"(\w+)"/g)].map((m) => m[1]);

describe('block kit helpers', () => {
  it('escapes mrkdwn control characters and truncates without splitting a surrogate pair', () => {
    expect(escapeMrkdwn('a <b> & c')).toBe('a &lt;b&gt; &amp; c');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('links only http(s) URLs and escapes the title', () => {
    expect(recordLink('A & B', 'https://x.test/1')).toBe('<https://x.test/1|A &amp; B>');
    expect(recordLink('A', 'javascript:alert(1)')).toBe('*A*');
    expect(recordLink(undefined, undefined)).toBe('*Untitled record*');
  });
});

describe('the rep’s DM', () => {
  it('shows each finding with the flagged words, why and the rewrite, and the note’s actions', () => {
    const m = nudgeMessage(nudge(2));
    const json = JSON.stringify(m.blocks);
    expect(json).toContain('pregnant');
    expect(json).toContain('Renewal &lt;call&gt; &amp; co');
    expect(actionIds(m.blocks)).toEqual([
      ACTIONS.notSensitive,
      ACTIONS.notSensitive,
      ACTIONS.applyFix,
      ACTIONS.fixedInCrm,
    ]);
    expect(m.text).toBe('Your note has 2 passages to fix.');
  });

  it('stays within 50 blocks however many findings, keeping the actions last', () => {
    const m = nudgeMessage(nudge(60));
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(m.blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(m.blocks)).toMatch(/more blocks were left out/);
  });

  it('a clean note gets a closing message without buttons', () => {
    const m = nudgeMessage(nudge(0, { state: 'clean' }));
    expect(m.text).toMatch(/clean/);
    expect(actionIds(m.blocks)).toEqual([]);
  });
});

describe('the review-channel message', () => {
  const review = (extra: Partial<ReviewView> = {}): ReviewView => ({
    noteId: NOTE,
    owner: 'U0REP',
    ownerIsSlackUser: true,
    findings: [
      {
        findingId: 'f_1',
        category: 'health',
        categoryLabel: 'Health',
        severity: 'high',
        preview: 'She is p•••••••, deal',
        message: 'Health data is special-category data.',
        status: 'open',
      },
    ],
    reason: 'high_severity',
    ...extra,
  });

  it('shows masked previews and the manager actions', () => {
    const m = reviewMessage(review());
    expect(JSON.stringify(m.blocks)).toContain('p•••••••');
    expect(actionIds(m.blocks)).toEqual([ACTIONS.redact, ACTIONS.dismiss, ACTIONS.askRep]);
  });

  it('after a redaction the buttons go and who/when is shown; after a reminder they stay', () => {
    const done = reviewMessage(
      review({ outcome: { action: 'redacted', by: 'U0MGR', at: '2026-11-02T10:00:00Z' } }),
    );
    expect(actionIds(done.blocks)).toEqual([]);
    expect(JSON.stringify(done.blocks)).toContain('Redacted* by <@U0MGR> at 2026-11-02T10:00:00Z');
    const reminded = reviewMessage(
      review({ outcome: { action: 'reminded', by: 'U0MGR', at: '2026-11-02T10:00:00Z' } }),
    );
    expect(actionIds(reminded.blocks)).toContain(ACTIONS.redact);
  });

  it('an owner not on Slack has no "Ask rep" button', () => {
    const m = reviewMessage(
      review({ owner: 'x@example.com', ownerIsSlackUser: false, reason: 'unknown_rep' }),
    );
    expect(actionIds(m.blocks)).toEqual([ACTIONS.redact, ACTIONS.dismiss]);
    expect(m.text).toMatch(/not on Slack/);
  });
});

describe('App Home, modals and command replies', () => {
  const item = (i: number) => ({
    findingId: `f_${i}`,
    noteId: NOTE,
    category: 'health' as const,
    categoryLabel: 'Health',
    severity: 'high' as const,
    preview: 'p•••••••',
    createdAt: '2026-11-02T10:00:00Z',
  });

  it('Home carries the filter and page in private_metadata and pages with a cursor', () => {
    const v = homeView({
      role: 'manager',
      findings: [item(1)],
      category: 'health',
      nextCursor: 'abc',
      page: 2,
    });
    expect(JSON.parse(v.private_metadata)).toEqual({ category: 'health', page: 2 });
    expect(actionIds(v.blocks)).toEqual([
      ACTIONS.homeFilter,
      ACTIONS.redact,
      ACTIONS.dismiss,
      ACTIONS.askRep,
      ACTIONS.homePage,
    ]);
    expect(JSON.stringify(v.blocks)).toContain('"value":"{\\"noteId\\":\\"\\",\\"cursor\\":\\"abc\\"}"');
  });

  it('a rep’s Home offers the rep’s actions, never the manager’s', () => {
    const v = homeView({ role: 'rep', findings: [item(1)], page: 1 });
    expect(actionIds(v.blocks)).toEqual([ACTIONS.homeFilter, ACTIONS.applyFix, ACTIONS.notSensitive]);
    expect(v.blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
  });

  it('modals use the ids the submit listeners read', () => {
    const d = disputeModal({ noteId: NOTE, findingId: 'f_1' });
    expect(d.callback_id).toBe(VIEWS.dispute);
    expect(JSON.parse(d.private_metadata)).toEqual({ noteId: NOTE, findingId: 'f_1' });
    expect(JSON.stringify(d.blocks)).toContain(INPUTS.reason.action);
    const m = dismissModal({ noteId: NOTE, findingId: 'f_1' }, 'p•••');
    expect(m.callback_id).toBe(VIEWS.dismiss);
    expect(JSON.stringify(m.blocks)).toContain(`"action_id":"${INPUTS.allowList.action}"`);
    expect(JSON.stringify(m.blocks)).toContain('"value":"allow"');
  });

  it('check and stats replies', () => {
    expect(checkReply({ text: 'fine', findings: [], redacted: 'fine' }).text).toMatch(/No findings/);
    const c = checkReply({
      text: 'she is pregnant',
      findings: [{ ...finding(1) }],
      redacted: 'she is [REDACTED:health]',
    });
    expect(JSON.stringify(c.blocks)).toContain('[REDACTED:health]');
    const s = statsReply({
      byCategory: [{ category: 'health', categoryLabel: 'Health', open: 3 }],
      byOwner: [{ owner: 'rep@example.com', open: 3 }],
      total: 3,
      truncated: true,
    });
    expect(s.text).toBe('3+ open findings.');
    expect(JSON.stringify(s.blocks)).toContain('rep@example.com: *3*');
  });
});
