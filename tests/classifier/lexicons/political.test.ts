import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as political].
const positives: [string, string][] = [
  ['Bill is a die-hard Democrat and hates Trump', 'die-hard Democrat'],
  ['Bill is a die-hard Democrat and hates Trump', 'hates Trump'],
  ['their CFO is a huge Trump supporter', 'Trump supporter'],
  ['MAGA hat on the shelf in his office', 'MAGA hat'],
  ['she votes Labour and went on about the NHS', 'votes Labour'],
  ["Gary's a Tory through and through", 'Tory'],
  ["he's a total lefty, don't mention oil", 'lefty'],
  ['the GM is a staunch conservative, loves Fox News', 'staunch conservative'],
  ['Ellen ran for mayor last year as an independent', 'ran for mayor'],
  ['he donated to the Biden campaign', 'donated to the Biden campaign'],
  ["she was at the Women's March", "Women's March"],
  ['Pete is a Brexiteer, avoid the EU topic', 'Brexiteer'],
  ["he's very woke", 'very woke'],
  ['their VP is an anti-vaxxer', 'anti-vaxxer'],
  ['Mike is a card carrying Libertarain', 'card carrying Libertarain'],
  ['Sue is a die-hard Republcan', 'die-hard Republcan'],
  ["he's an NRA member", 'NRA member'],
  ["she's pro-life and very vocal about it", 'pro-life'],
  ['Nina is a Remainer and still bitter', 'Remainer'],
  ['she canvassed for Bernie in 2020', 'canvassed for Bernie'],
  ['her political views are pretty extreme', 'political views'],
];

// Business uses of the same words: no political finding.
const negatives: string[] = [
  'The politics on the buying committee are messy.',
  'Conservative estimate is 3 seats.',
  'Liberal return policy on the consumer side.',
  'Their forecast is conservative.',
  'The CFO is conservative with spend.',
  'Republic Disposal Co. is a separate opp.',
  'Democratic Republic of Congo office needs offline mode.',
  'Third-party risk review needed.',
  'The board vote went 5-2.',
  'Brexit still a mess for their UK shipments.',
  'Labour shortages at the warehouse.',
  'Far right corner of the dashboard shows churn.',
  'Progressive rollout across 3 sites.',
  'He woke up late and missed the call.',
  'County election commission wants poll-worker scheduling.',
  'They remain committed to the renewal.',
  'She politely engaged with the procurement team.',
];

describe('political lexicon', () => {
  it.each(positives)('flags %j as political: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['political', span]);
  });

  it.each(negatives)('does not flag political in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('political');
  });
});
