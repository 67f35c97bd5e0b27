import type { CategoryId, Severity } from '../../lambdas/core/categories.js';
import type { FindingStatus } from '../../lambdas/core/model.js';

/** Action ids of every interactive element (listeners match on these). */
export const ACTIONS = {
  applyFix: 'ng_apply_fix',
  fixedInCrm: 'ng_fixed_in_crm',
  notSensitive: 'ng_not_sensitive',
  redact: 'ng_redact',
  dismiss: 'ng_dismiss',
  askRep: 'ng_ask_rep',
  homePage: 'ng_home_page',
  homeFilter: 'ng_home_filter',
  openLink: 'ng_open_link',
} as const;

/** Callback ids of modals (view_submission listeners match on these). */
export const VIEWS = {
  dispute: 'ng_dispute',
  dismiss: 'ng_dismiss_modal',
  redactConfirm: 'ng_redact_confirm',
} as const;

/** Block and action ids inside modals, for reading `view.state.values`. */
export const INPUTS = {
  reason: { block: 'ng_reason', action: 'ng_reason_input' },
  allowList: { block: 'ng_allow', action: 'ng_allow_input' },
} as const;

/** What a button carries (JSON in `value`, at most 2000 characters). */
export interface ButtonValue {
  noteId: string;
  findingId?: string;
  /** Home tab paging: the cursor of the next page. */
  cursor?: string;
}

/** The rep's DM. The rep wrote the note, so their own DM may show the flagged words. */
export interface NudgeView {
  noteId: string;
  title?: string;
  url?: string;
  /** open: findings to act on; clean: the note came back clean; resolved: redacted/dismissed. */
  state: 'open' | 'clean' | 'resolved';
  findings: {
    findingId: string;
    category: CategoryId;
    categoryLabel: string;
    severity: Severity;
    /** The flagged words as the rep wrote them (only ever shown in the rep's own DM). */
    flagged: string;
    field?: string;
    message: string;
    suggestion: string;
    status: FindingStatus;
  }[];
  /** Findings beyond the per-note storage cap. */
  droppedFindings: number;
  /** A line about what happened last ("Redacted by <@U123> at …"), shown at the top when set. */
  notice?: string;
}

/** The review-channel message: masked previews only, never the raw words. */
export interface ReviewView {
  noteId: string;
  title?: string;
  url?: string;
  /** Slack user id of the rep if known, else their email or "unknown owner". */
  owner: string;
  ownerIsSlackUser: boolean;
  findings: {
    findingId: string;
    category: CategoryId;
    categoryLabel: string;
    severity: Severity;
    preview: string;
    message: string;
    status: FindingStatus;
    /** The rep said "not sensitive" and why. */
    dispute?: { by: string; reason: string };
  }[];
  /** Why this is in the channel: high severity, a dispute, or the rep is not on Slack. */
  reason: 'high_severity' | 'dispute' | 'unknown_rep';
  /** After a manager acted: who did what, when (ISO). The buttons go away. */
  outcome?: { action: 'redacted' | 'dismissed' | 'reminded'; by: string; at: string };
}

/** The App Home tab. */
export interface HomeView {
  role: 'manager' | 'rep';
  findings: {
    findingId: string;
    noteId: string;
    category: CategoryId;
    categoryLabel: string;
    severity: Severity;
    preview: string;
    title?: string;
    url?: string;
    owner?: string;
    createdAt: string;
  }[];
  category?: CategoryId;
  /** Cursor of the next page, if any; page numbers start at 1. */
  nextCursor?: string;
  page: number;
}

/** `/noteguard check <text>`: findings of an ad-hoc check (the user's own text, shown only to them). */
export interface CheckView {
  text: string;
  findings: {
    category: CategoryId;
    categoryLabel: string;
    severity: Severity;
    flagged: string;
    message: string;
    suggestion: string;
  }[];
  redacted: string;
}

/** `/noteguard stats`. */
export interface StatsView {
  byCategory: { category: CategoryId; categoryLabel: string; open: number }[];
  byOwner: { owner: string; open: number }[];
  total: number;
  /** True when the count stopped at the scan limit. */
  truncated: boolean;
}
