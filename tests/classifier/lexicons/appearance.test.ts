import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as appearance].
const positives: [string, string][] = [
  ['The new office manager is hot lol', 'hot'],
  ["She's super cute, might ask her out after the deal closes.", 'cute'],
  ['Their marketing director is a total smokeshow.', 'smokeshow'],
  ['The receptionist is gorgeous.', 'gorgeous'],
  ['Met their VP, handsome guy, very tall.', 'handsome guy'],
  ["He's fat and sweaty, bring tissues.", 'fat'],
  ['The AP clerk is obese, get the big chairs.', 'obese'],
  ['Jim is a chubby little guy with a big laugh.', 'chubby little guy'],
  ['Bald guy in the corner is the real decision maker.', 'Bald guy'],
  ['The new controller is ugly as hell.', 'ugly as hell'],
  ["She's got legs for days.", 'legs for days'],
  ['Their ops lead has a massive beer belly.', 'beer belly'],
  ['Dan has really let himself go.', 'let himself go'],
  ['Rick wears a terrible toupee.', 'toupee'],
  ['The buyer has bad breath, keep your distance.', 'bad breath'],
  ['Their IT guy has serious BO.', 'serious BO'],
  ['Their rep dresses like a hobo.', 'dresses like a hobo'],
  ['Their admin is a cutie.', 'cutie'],
  ["The CFO's wife is a babe.", 'babe'],
  ['Hot blonde at the front desk, ask for Jess.', 'Hot blonde'],
  ['She looks like a supermodel.', 'looks like a supermodel'],
  ["He's put on a lot of weight since last year.", 'put on a lot of weight'],
  ['Their buyer is h0t!!', 'h0t'],
  ['The new buyer is overweight, no stairs.', 'overweight'],
  ['The scrawny kid in IT runs the whole stack.', 'scrawny kid'],
  ['Their CFO is a short fat bald guy.', 'short fat bald guy'],
  ['Their marketing lead is eye candy.', 'eye candy'],
];

// Business uses of the same words: no appearance finding.
const negatives: string[] = [
  'Hot lead from the webinar, fat margins on the hardware bundle.',
  'Cute little operation, the owner is super knowledgeable.',
  'Attractive pricing got their attention; the ugly part is the data migration.',
  'Lori said it looks promising and asked for a sandbox.',
  'The founder is a hot-air balloon guy, sponsors the festival.',
  'The Phoenix warehouse gets really hot in July, they need cooling sensors.',
  'Their new HQ is stunning, great views of the bay.',
  'Stunning results from the pilot: 40% fewer stockouts.',
  'The market is super hot right now for cold chain.',
  "He's pretty sharp and knows the product.",
  'They were paid handsomely for the acquisition.',
  'Overweight shipments get a surcharge.',
  'He fat-fingered the PO number.',
  "AP automation isn't sexy but it saves money.",
  'Bald tires on three trucks were flagged by the DVIR.',
  'Hot desk booking for the new office.',
  'We landed a whale this quarter.',
  'The buyer is hot on our product.',
  'Med spa chain: botox bookings are 60% of revenue.',
  'It is a pretty good fit for them.',
  'The conference room was so hot we moved outside.',
];

describe('appearance lexicon', () => {
  it.each(positives)('flags %j as appearance: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['appearance', span]);
  });

  it.each(negatives)('does not flag appearance in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('appearance');
  });
});
