import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as religion].
const positives: [string, string][] = [
  ['Marcus is a devout Catholic, no Friday meat', 'devout Catholic'],
  ['their MD is a devout Cathollic', 'devout Cathollic'],
  ["she's Muslim and won't do lunch during Ramadan", 'Muslim'],
  ['Noah keeps kosher so order from the deli', 'keeps kosher'],
  ['he goes to church every Sunday, no weekend calls', 'church every Sunday'],
  ['Jon goes to mass every morning', 'goes to mass'],
  ['Anil is Sikh, happy to meet any day', 'Sikh'],
  ['the owner is a born-again Christian and quotes scripture in emails', 'born-again Christian'],
  ['Ruth is Jewish, out for Yom Kippur', 'Jewish'],
  ['Tariq prays five times a day, schedule breaks', 'prays five times'],
  ['Gina is very religious, avoid the bar', 'very religious'],
  ['their COO is a Mormon, no coffee', 'Mormon'],
  ["he's an atheist and likes to argue about it", 'atheist'],
  ['Sarah is off for Rosh Hashanah next week', 'off for Rosh Hashanah'],
  ["he's a Jehovah's Witness so no birthday cards", "Jehovah's Witness"],
  ["Their CIO's a bible thumper lol", 'bible thumper'],
  ['she fasts during Ramadan', 'fasts during Ramadan'],
  ['Yusuf is a practising Muslim', 'practising Muslim'],
  ['she converted to Islam last year', 'converted to Islam'],
  ['the founder is LDS, no alcohol at dinner', 'LDS'],
  ['Kevin is BUDDHIST, meditates daily', 'BUDDHIST'],
];

// Names, organisations and idioms that share words with religion: no religion finding.
const negatives: string[] = [
  'Call with Christian Larsen (VP Ops) on Tuesday.',
  'Christian is the EB and signs under $50k.',
  "St. Luke's Hospital wants the nurse scheduling module.",
  'Catholic Health Initiatives is a target account.',
  'Jewish Community Center renewal in May.',
  'The customer protested the price increase.',
  'Our champion evangelizes the product internally.',
  'Sunny day for the plant tour.',
  'Faith Okafor from the GPO sent the intro.',
  'Their implementation bible is 80 pages.',
  'Dallas is the Mecca of logistics startups.',
  'Halal certification docs go in the QMS.',
  'Ramadan promo pricing needs to be live by March.',
  'Temple University is evaluating the LMS.',
  'The vendor-agnostic platform is a selling point.',
  "We're praying they sign before quarter end.",
  'Missed the mass email deadline.',
  'Quaker Oats is a CPG reference.',
  'Baptist Health is a 9-hospital system.',
  'She religiously follows the onboarding checklist.',
];

describe('religion lexicon', () => {
  it.each(positives)('flags %j as religion: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['religion', span]);
  });

  it.each(negatives)('does not flag religion in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('religion');
  });
});
