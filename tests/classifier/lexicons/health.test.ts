import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as health].
const positives: [string, string][] = [
  ['Jen in AP is PREGNANT, due in the fall', 'PREGNANT'],
  ["she's pregnent with her second", 'pregnent'],
  ['Leah is pr3gnant, out from June', 'pr3gnant'],
  ['Hannah is expecting in September', 'expecting'],
  ['Kim is expecting twins!', 'expecting'],
  ["heads up, Mia's on maternity leave till Jan", 'maternity leave'],
  ["Dana's out on mat leave until March, backup is Kim.", 'mat leave'],
  ['Kofi had a heart attack in March', 'heart attack'],
  ['their CEO is doing c h e m o on Fridays', 'c h e m o'],
  ['Mike is in rehab per his boss', 'rehab'],
  ['the controller is a recovering alcoholic', 'recovering alcoholic'],
  ['Rob is diabetik, lunch at noon', 'diabetik'],
  ["Pat has early onset Alzheimer's per his daughter", "Alzheimer's"],
  ['Chloe is off with depression', 'depression'],
  ['Tony is on crutches after knee surgery', 'knee surgery'],
  ['Beth uses a wheelchair, book the accessible room', 'uses a wheelchair'],
  ['Gus has MS and works 3 days a week', 'MS'],
  ["he's been in and out of hospital", 'in and out of hospital'],
  ['Our champion has ADHD, keep decks short', 'ADHD'],
  ["Carla is 3 months sober and doesn't want a bar meeting", 'months sober'],
  ["Omar's off sick with the flu", 'off sick'],
  ["Jo's been signed off with stress for a month", 'signed off with stress'],
  ['Ben broke his leg skiing, calls only this week', 'broke his leg'],
  ['Tom has been battling leukaemia, so go easy', 'leukaemia'],
  ['Linda is terminally ill', 'terminally ill'],
  ["Dev's son is autistic", 'autistic'],
  ['Paul is deaf in one ear, sit on his left', 'deaf in one ear'],
  ['Lena has bad anxiety before big presentations', 'has bad anxiety'],
  ["she's got a nut allergy", 'nut allergy'],
  ['Raj had a stroke last month, his deputy runs the eval now', 'had a stroke'],
];

// Business uses of the same words: no health finding.
const negatives: string[] = [
  'Expecting the signed order form Tuesday.',
  'The buyer is expecting a 10% discount.',
  'She is expecting our proposal next week.',
  'Pipeline is healthy and the account health score is green.',
  'They run 14 dialysis centers across Ohio.',
  'Sick demo today, they loved it.',
  "I'm sick of chasing this PO.",
  'Oncology clinic wants chemo chair scheduling.',
  'Rehab Solutions Group needs billing for 30 PT clinics.',
  'Property rehab loans are their main product.',
  'Demand is depressed in Q3 and margins are thin.',
  'The Great Depression-era building houses their HQ.',
  'Disaster recovery and cost recovery are in scope.',
  'He disabled SSO for the sandbox.',
  'The deal is on life support after the budget cut.',
  'That price gave me a heart attack lol.',
  'The account has MS Teams and Azure.',
  'Met with Ms. Lopez at the booth.',
  'Blind spot in our reporting; the double-blind study team is a separate buyer.',
  'Their pharmacy sells pregnancy tests and prenatal vitamins.',
  'Mental health services provider, 40 clinics.',
  'Happy hour specials need time-based pricing rules.',
  'The integration is ill-advised.',
  'Let us do a cold call blitz next week.',
];

describe('health lexicon', () => {
  it.each(positives)('flags %j as health: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['health', span]);
  });

  it.each(negatives)('does not flag health in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('health');
  });
});
