import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as family_status].
const positives: [string, string][] = [
  ["Kim's going through a messy divorce, keep calls short.", 'divorce'],
  ['Tony just got divorced, be sensitive.', 'divorced'],
  ['Pam is DIVORCED and bitter.', 'DIVORCED'],
  ["She's a divorcee with two teens.", 'divorcee'],
  ['Bob is divorcing, his lawyer calls all day.', 'divorcing'],
  ['Rob is seperated from his wife, be careful.', 'seperated from his wife'],
  ['Raj and his wife split up over the summer.', 'and his wife split up'],
  ["Neil's wife left him in January.", 'wife left him'],
  ['His marriage is on the rocks, he is distracted.', 'marriage is on the rocks'],
  ['Mark is a single dad, needs calls before 3.', 'single dad'],
  ["She's a single m0m.", 'single m0m'],
  ["She's recently single and focused on work.", 'recently single'],
  ['Brian is fighting for custody of his kids, in court on Fridays.', 'fighting for custody'],
  ['She shares custody with her ex so every other Friday is out.', 'shares custody'],
  ['Has the kids every other weekend.', 'Has the kids every other weekend'],
  ["Jill's kids live with their dad in Denver.", 'kids live with their dad'],
  ['He pays alimony, always complaining about it.', 'alimony'],
  ["He's a widower, runs the shop alone now.", 'widower'],
  ['Greg just got engaged!! wedding next summer.', 'just got engaged'],
  ["He's getting married in Sept, out two weeks.", 'getting married'],
  ['Dee is on her honeymoon until the 14th.', 'on her honeymoon'],
  ['They eloped in Vegas.', 'eloped'],
  ['He has no kids and works all hours.', 'has no kids'],
  ['Anita is a mother of three, prefers mornings.', 'mother of three'],
  ["They're adopting a baby from Colombia, she'll be out on leave.", 'adopting a baby'],
  ['Steve is estranged from his son.', 'estranged'],
  ['Eric is on his third wife lol.', 'on his third wife'],
  ["He's a deadbeat dad.", 'deadbeat dad'],
];

// Business uses of the same words: no family_status finding.
const negatives: string[] = [
  'Family-owned business, 3rd generation.',
  'Torres Family Dental, 2 locations.',
  'Parent account / child accounts hierarchy in billing.',
  'Single sign-on via Okta is a must.',
  'The deal is single-threaded, need another contact.',
  'Single-handedly she rebuilt their forecast model.',
  'Their champion is highly engaged and pushing the pilot.',
  'We engaged their procurement team on Tuesday.',
  'The honeymoon period with the new VP is over.',
  'User adoption is 80% after two months.',
  "They're adopting Salesforce next year.",
  "We're married to the old ERP, hard to switch.",
  'He is not married to the idea of annual billing.',
  'Payroll demo: wage garnishment, child support orders, 401k loans.',
  'The divorce from their legacy vendor was messy.',
  'The two companies divorced in 2019.',
  'Sister hospitals are watching this rollout.',
  'The customer is a family law firm handling divorce cases.',
  'Custody services for digital assets, chain of custody reports.',
  'Foster care agency wants case management.',
];

describe('family_status lexicon', () => {
  it.each(positives)('flags %j as family_status: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['family_status', span]);
  });

  it.each(negatives)('does not flag family_status in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('family_status');
  });
});
