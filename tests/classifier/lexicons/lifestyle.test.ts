import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as lifestyle].
const positives: [string, string][] = [
  ['Their VP loves to party, Vegas every other weekend.', 'loves to party'],
  ['Dave was hammered at the client dinner.', 'was hammered'],
  ['He got wasted at the holiday party.', 'got wasted'],
  ['Megan showed up hungover again.', 'hungover'],
  ['Bill is a heavy drinker, avoid the steakhouse.', 'heavy drinker'],
  ['The owner is a total lush.', 'total lush'],
  ['Steve downed 6 beers before the demo.', '6 beers'],
  ['She had 5 glasses of wine at lunch.', '5 glasses of wine'],
  ['The CFO is a pothead.', 'pothead'],
  ["He's always stoned on calls.", 'stoned'],
  ['Jim smokes pot every night.', 'smokes pot'],
  ["She's a chain-smoker, plan breaks.", 'chain-smoker'],
  ['Ron smokes like a chimney.', 'smokes like a chimney'],
  ['Their GM is cheating on his wife.', 'cheating on his wife'],
  ['Ken is sleeping with his assistant.', 'sleeping with his assistant'],
  ["Bob's a total womanizer, don't send junior reps alone.", 'womanizer'],
  ['Rumor is she hooked up with her boss at the offsite.', 'hooked up with her boss'],
  ['He kept hitting on the waitress.', 'hitting on the waitress'],
  ['The buyer was out clubbing till 4am.', 'clubbing'],
  ['Pete stayed out partying till 3 am before our call.', 'out partying till 3 am'],
  ['They went to a strip club after the conference.', 'strip club'],
  ["Paul's been on a bender since the layoffs.", 'on a bender'],
  ['Sam was high as a kite at the kickoff.', 'high as a kite'],
  ['Frank is a boozer.', 'boozer'],
  ['Their CMO is a c0ke head.', 'c0ke head'],
  ['Hank is a b00ze hound.', 'b00ze hound'],
  ['Their director is having an affair with the controller.', 'having an affair'],
  ['RAY IS A DRUNK, NO MEETINGS AFTER LUNCH.', 'DRUNK'],
];

// Business uses of the same words: no lifestyle finding.
const negatives: string[] = [
  'Party at the rooftop bar was packed, good networking.',
  'Had drinks with the team at the conference.',
  'Q3 hangover: a backlog of 40 unprocessed change orders.',
  'Smoke test on the new build passed.',
  'The wine & spirits distributor wants the same config.',
  'Drunken Noodle Co. wants online ordering.',
  'The franchisee gala is a black-tie affair in Scottsdale.',
  'Pre-emergent weed control is 30% of their spring volume.',
  'Drug & alcohol testing program records need retention.',
  'We got hammered on price by the incumbent.',
  'The deal is high on their list.',
  "She's high energy and very organized.",
  "He's been flirting with the idea of switching vendors.",
  'The party to the contract is their holding company.',
  'Third-party risk questionnaire is due Friday.',
  'BBQ smoker manufacturer, 2 plants.',
  'Cannabis dispensary chain wants seed-to-sale tracking.',
  'Their stock got hammered after earnings.',
  'Our champion is sleeping on the decision until Monday.',
  'Bday party packages are 40% of revenue at the trampoline parks.',
];

describe('lifestyle lexicon', () => {
  it.each(positives)('flags %j as lifestyle: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['lifestyle', span]);
  });

  it.each(negatives)('does not flag lifestyle in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('lifestyle');
  });
});
