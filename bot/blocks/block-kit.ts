import type { ActionsBlockElement, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { Severity } from '../../lambdas/core/categories.js';

// Slack's documented limits: text in a section ≤ 3000 chars, plain_text in a header ≤ 150,
// button text ≤ 75, button value ≤ 2000, ≤ 50 blocks in a message and ≤ 100 in a view.
export const LIMITS = {
  sectionText: 3000,
  header: 150,
  buttonText: 75,
  value: 2000,
  messageBlocks: 50,
  viewBlocks: 100,
} as const;

export type Block = KnownBlock;

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

export const SEVERITY_BADGE: Record<Severity, string> = {
  high: ':red_circle: High',
  medium: ':large_orange_circle: Medium',
  low: ':white_circle: Low',
};

export const plain = (text: string, max: number = LIMITS.sectionText) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: true,
});

export const section = (mrkdwn: string, accessory?: Button): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) },
  ...(accessory ? { accessory } : {}),
});

export const actions = (elements: ActionsBlockElement[]): Block => ({ type: 'actions', elements });

export const context = (mrkdwn: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) }],
});

export const header = (text: string): Block => ({ type: 'header', text: plain(text, LIMITS.header) });

export const divider = (): Block => ({ type: 'divider' });

export function button(text: string, actionId: string, value: object, style?: 'primary' | 'danger'): Button {
  const json = JSON.stringify(value);
  if (json.length > LIMITS.value) throw new RangeError(`button value is ${json.length} characters`);
  return {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    action_id: actionId,
    value: json,
    ...(style ? { style } : {}),
  };
}

/** A title linked to the CRM record when a URL is known (links must be http(s)). */
export function recordLink(title: string | undefined, url: string | undefined): string {
  const name = escapeMrkdwn(truncate(title?.trim() || 'Untitled record', 200));
  return url && /^https?:\/\//i.test(url) && !/[|<>\s]/.test(url) ? `<${url}|${name}>` : `*${name}*`;
}

/**
 * Keeps a message within Slack's block limit: when there are too many blocks, the tail is
 * replaced by a context line saying how many findings were left out.
 */
export function capBlocks(blocks: Block[], max: number, omitted: (n: number) => string): Block[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(omitted(blocks.length - kept.length))];
}
