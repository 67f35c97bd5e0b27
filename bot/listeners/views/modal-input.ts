import type { ViewOutput } from '@slack/bolt';
import { INPUTS } from '../../blocks/view-models.js';

/** The reason typed into a modal, trimmed ('' when missing). */
export function reasonOf(view: ViewOutput): string {
  const v = view.state.values[INPUTS.reason.block]?.[INPUTS.reason.action]?.value;
  return typeof v === 'string' ? v.trim() : '';
}

/** Whether the "add to the allow list" box was ticked. */
export function allowListTicked(view: ViewOutput): boolean {
  const v = view.state.values[INPUTS.allowList.block]?.[INPUTS.allowList.action];
  return (v?.selected_options?.length ?? 0) > 0;
}
