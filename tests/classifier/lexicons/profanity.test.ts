import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as profanity].
const positives: [string, string][] = [
  ["This vendor's proposal is full of shit.", 'shit'],
  ['Their IT guy said our quote was total BS.', 'total BS'],
  ['Holy sh*t, they signed.', 'Holy sh*t'],
  ['Procurement is being a pain in the arse again.', 'pain in the arse'],
  ['The go-live was a total clusterf*ck.', 'clusterf*ck'],
  ['That rollout went tits up on day one.', 'tits up'],
  ["I'm so pissed off at their legal team.", 'pissed off'],
  ['What the hell is going on with the PO?', 'What the hell'],
  ['Damn, lost it on price.', 'Damn'],
  ['The integration is a goddam mess.', 'goddam'],
  ['ffs, another redline round.', 'ffs'],
  ['wtf is this invoice', 'wtf'],
  ['This is a crappy outcome for both sides.', 'crappy'],
  ['The migration was a cock-up from start to finish.', 'cock-up'],
  ['f**k this renewal', 'f**k'],
  ['Their data is sh*tty everywhere.', 'sh*tty'],
  ['They were p*ssed about the outage.', 'p*ssed'],
  ['Bloody useless portal, crashed again.', 'Bloody'],
  ['He said our timeline is bullsh!t.', 'bullsh!t'],
  ['Friggin procurement wants another quote.', 'Friggin'],
  ['The pricing page is slow af.', 'af'],
  ['They bitched about the uplift for twenty minutes.', 'bitched about'],
  ['Jesus Christ, another outage.', 'Jesus Christ'],
  ['The new release is a $hitshow.', '$hitshow'],
  ['Half-assed RFP response from the incumbent.', 'Half-assed'],
  ['The cutover plan is f u c k i n g late again.', 'f u c k i n g'],
  ['Their exec called the SOW crap.', 'crap'],
];

// Business uses of the same words: no profanity finding.
const negatives: string[] = [
  'Sent the Scunthorpe depot the revised assessment (class 2 hazmat storage).',
  'Penistone and Cockermouth depots go live in week 2.',
  'Dam safety monitoring is a separate bid.',
  'The audit produced damning findings about their old vendor.',
  'The casino wants craps table tracking.',
  "Meeting at the Hell's Kitchen office in NYC.",
  'Church of Jesus Christ of Latter-day Saints facilities team wants quotes.',
  'Sod farm in Georgia needs route accounting.',
  'She has a BS in Computer Science.',
  'Bloody Mary mix producer, 4 plants.',
  'They are freaking out about the outage, call today.',
  'Parking is a nightmare at their HQ, take a rideshare.',
  'Killer demo, we are crushing it this quarter.',
  'Class of service: premium.',
  'Hello team, the dashboard looks great.',
  'The bass fishing retailer needs an assessment.',
  'Shell stations in the Hancock county region.',
  'Title: Ass. Director of Procurement',
];

describe('profanity lexicon', () => {
  it.each(positives)('flags %j as profanity: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['profanity', span]);
  });

  it.each(negatives)('does not flag profanity in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('profanity');
  });
});
