import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as age].
const positives: [string, string][] = [
  ["He's 58, planning to retire in two years.", '58'],
  ["He's 63 and counting the days.", '63'],
  ['Walt is 82 and still signs every PO himself.', '82'],
  ["She's like 25, super sharp, wants Slack integration.", '25'],
  ['Their new IT lead is barely 22.', '22'],
  ['Ann (45 y/o) is our champion.', '45 y/o'],
  ['The plant manager is 61 yrs old and very hands-on.', '61 yrs old'],
  ['A 67-year-old CFO who still uses a flip phone.', '67-year-old'],
  ['Their buyer is a 34-year-old engineer, very technical.', '34-year-old'],
  ['The owner was a 52-yr-old guy who hated contracts.', '52-yr-old'],
  ['Age 59, decision maker.', 'Age 59'],
  ['He just turned 65 and is eyeing retirement.', 'turned 65'],
  ["Owner's in his late 70s and hates email.", 'late 70s'],
  ['CFO is mid-50s, old school about spreadsheets.', 'mid-50s'],
  ["She's in her sixties, so keep the UI simple.", 'in her sixties'],
  ["He's pushing 60 and not into new tools.", 'pushing 60'],
  ["She's fifty-something and very sharp.", 'fifty-something'],
  ["He's 60-ish.", '60-ish'],
  ['Born in the 50s, hates screens.', 'Born in the 50s'],
  ['Classic boomer, wants everything printed.', 'boomer'],
  ["He's a millennial and wants mobile.", 'millennial'],
  ['Gen X manager, skeptical of AI.', 'Gen X'],
  ['Honestly he is too old to learn a new platform.', 'too old to'],
  ["He's over the hill, won't champion this.", 'over the hill'],
  ["She's no spring chicken but knows the business cold.", 'no spring chicken'],
  ['Grumpy old guy at the front desk, avoid.', 'Grumpy old guy'],
  ["He's an old-timer, been there since the 80s.", 'old-timer'],
  ["He's a young buck, very eager.", 'young buck'],
  ['The buyer is fresh out of college.', 'fresh out of college'],
  ["Keep in mind he's near retirement age.", 'near retirement age'],
];

// Ages of companies, systems and contracts, seniority titles, markets: no age finding.
const negatives: string[] = [
  "They're a 40-year-old company with a 25-year-old ERP.",
  'The plant is a 30-year-old facility, roof needs work.',
  'Their ERP is a 25-year-old system nobody wants to touch.',
  'HQ is a 20-year-old head office building downtown.',
  'It is a 20-year-old user base, very loyal.',
  'Old version of their WMS is 11 years old, no vendor support.',
  'The building is 100 years old.',
  'Age of the hardware is the real driver.',
  'Age verification at POS is mandatory.',
  'Aging AR report: 28% over 90 days.',
  'Golden Age Senior Living, 14 communities.',
  'Senior director signs, junior analyst runs the eval.',
  "He's been in the industry for 20 years.",
  'Old-school CFO insisted on paying by check.',
  "He's 30 minutes late to every call.",
  "She's 50/50 on renewing.",
  "He's 90% sure they'll sign this quarter.",
  'The company turns 50 next year, big celebration.',
  'Their system is from the late 90s.',
  'Older patient population, offer staff-assisted mode.',
  'Their customers are mostly millennials.',
  'Gen 2 hardware refresh for the dental group.',
  'The data is too old to use for the forecast.',
  'Receivables aged 60 days or more.',
  'We have 40-something users on the trial.',
  'Mr. Young is the new CTO.',
  'The discount is like 20% off list.',
  'Headcount is 45, growing.',
  'Per his old coworker, he is detail oriented.',
];

describe('age lexicon', () => {
  it.each(positives)('flags %j as age: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['age', span]);
  });

  it.each(negatives)('does not flag age in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('age');
  });
});
