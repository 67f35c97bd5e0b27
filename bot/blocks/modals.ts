import { type Block, context, escapeMrkdwn, plain, section } from './block-kit.js';
import { type ButtonValue, INPUTS, VIEWS } from './view-models.js';

export interface Modal {
  type: 'modal';
  callback_id: string;
  private_metadata: string;
  title: ReturnType<typeof plain>;
  submit: ReturnType<typeof plain>;
  close: ReturnType<typeof plain>;
  blocks: Block[];
}

const reasonInput = (label: string, placeholder: string): Block => ({
  type: 'input',
  block_id: INPUTS.reason.block,
  label: plain(label, 2000),
  element: {
    type: 'plain_text_input',
    action_id: INPUTS.reason.action,
    multiline: true,
    max_length: 500,
    placeholder: plain(placeholder, 150),
  },
});

/** The rep's "Not sensitive": why? The answer goes to manager review. */
export function disputeModal(value: ButtonValue): Modal {
  return {
    type: 'modal',
    callback_id: VIEWS.dispute,
    private_metadata: JSON.stringify({
      noteId: value.noteId,
      ...(value.findingId ? { findingId: value.findingId } : {}),
    }),
    title: plain('Not sensitive?', 24),
    submit: plain('Send to review', 24),
    close: plain('Cancel', 24),
    blocks: [
      section('A manager will look at it. Until then the finding stays open.'),
      reasonInput('Why is this not sensitive?', 'e.g. it is a direct quote of a public statement'),
    ],
  };
}

/** The manager's "Dismiss": a reason, and optionally allow-list the phrase for the organisation. */
export function dismissModal(value: ButtonValue, preview?: string): Modal {
  return {
    type: 'modal',
    callback_id: VIEWS.dismiss,
    private_metadata: JSON.stringify({
      noteId: value.noteId,
      ...(value.findingId ? { findingId: value.findingId } : {}),
    }),
    title: plain('Dismiss finding', 24),
    submit: plain('Dismiss', 24),
    close: plain('Cancel', 24),
    blocks: [
      ...(preview ? [context(`Finding: ${escapeMrkdwn(preview)}`)] : []),
      reasonInput('Why is this a false positive?', 'e.g. business term in our industry'),
      {
        type: 'input',
        block_id: INPUTS.allowList.block,
        optional: true,
        label: plain('Allow list', 2000),
        element: {
          type: 'checkboxes',
          action_id: INPUTS.allowList.action,
          options: [{ text: plain('Do not flag this phrase again in our organisation', 75), value: 'allow' }],
        },
      },
    ],
  };
}
