import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as financial_hardship].
const positives: [string, string][] = [
  ['He went bankrupt in 2020, now rebuilding.', 'went bankrupt'],
  ['He declared bankrupcy in 2018.', 'declared bankrupcy'],
  ['He declared personal bankruptcy in 2019.', 'personal bankruptcy'],
  ['Filed Chapter 13 last spring.', 'Filed Chapter 13'],
  ['Jess is drowning in credit card debt.', 'drowning in credit card debt'],
  ["He's up to his eyeballs in debt from the kitchen remodel.", 'up to his eyeballs in debt'],
  ['Debt collectors keep calling her at the office.', 'Debt collectors keep calling her'],
  ['His car got repossessed last month.', 'car got repossessed'],
  ["Sal's house is in foreclosure, he is stressed.", 'in foreclosure'],
  ["Their AP clerk can't make rent this month.", "can't make rent"],
  ["He's behind on his mortgage again.", 'behind on his mortgage'],
  ['He got evicted from his apartment.', 'got evicted'],
  ['Her wages are being garnisheed.', 'wages are being garnisheed'],
  ['Dan maxed out his credit cards on the boat.', 'maxed out his credit cards'],
  ['Marco has a gambling problem, per his brother.', 'gambling problem'],
  ['He blew his savings on sports betting.', 'blew his savings on sports betting'],
  ['Compulsive gambler, be careful with the bar tab.', 'Compulsive gambler'],
  ['Rob lost everything in crypto.', 'lost everything in crypto'],
  ['Pete is flat broke after the business failed.', 'flat broke'],
  ["He's skint until payday.", 'skint'],
  ["She's living paycheck to paycheck.", 'living paycheck to paycheck'],
  ["Tim's on payday loans to get through the month.", 'on payday loans'],
  ["She's been using the food bank since the layoff.", 'using the food bank'],
  ['He pawned his wedding ring to cover payroll.', 'pawned his wedding ring'],
  ['He owes the IRS a fortune.', 'owes the IRS'],
  ['Living in his car since spring.', 'Living in his car'],
];

// The account's finances and hardship-related products: no financial_hardship finding.
const negatives: string[] = [
  'Account is in a cash crunch, AR over 120 days.',
  'Covenant on debt-to-equity limits new spend.',
  'Debt collection vendor integration required.',
  'Wage garnishment processing module demo next week.',
  'Foreclosure processing module for the mortgage servicer.',
  'Budget is tight this quarter, push to Q1.',
  'Their competitor filed for bankruptcy, good for us.',
  'The retailer went bankrupt in 2019, stores closed.',
  'Gambling compliance (AML/CTR) is their top concern.',
  'The integration broke again.',
  'They broke even in Q3.',
  'Cache eviction policy needs tuning.',
  'Payday loan compliance module for the lender.',
  'Bad debt reserve is 2% of AR.',
  'The repo is on GitHub.',
  'The company is drowning in debt, watch the payment terms.',
  'We lost everything in the outage, restore from backup.',
  'Collections team is chasing the overdue invoice.',
  'Food bank nonprofit wants a donor CRM.',
];

describe('financial_hardship lexicon', () => {
  it.each(positives)('flags %j as financial_hardship: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['financial_hardship', span]);
  });

  it.each(negatives)('does not flag financial_hardship in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('financial_hardship');
  });
});
