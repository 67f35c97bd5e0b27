import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as sexual_orientation].
const positives: [string, string][] = [
  ['Dave is gay, mentioned his husband at dinner', 'gay'],
  ["she's bisexual per the AE", 'bisexual'],
  ["he's bisexaul apparently", 'bisexaul'],
  ['the new AP lead is trans, uses she/her', 'trans'],
  ['Sam is non-binary and goes by they/them', 'non-binary'],
  ['heard their CFO is a lesbian', 'lesbian'],
  ['Chris came out to his team last spring', 'came out to his team'],
  ["he's still in the closet apparently", 'still in the closet'],
  ['the office manager is transgender', 'transgender'],
  ['their COO is transgendr', 'transgendr'],
  ['their buyer plays for the other team if you know what I mean', 'plays for the other team'],
  ['Jordan is queer and runs the ERG', 'queer'],
  ['Alex transitioned last year, now goes by Alexa', 'transitioned'],
  ["he's openly gay", 'openly gay'],
  ["she's bi, her partner is a woman", 'bi'],
  ['kim is G A Y per the SDR', 'G A Y'],
  ["she's a trans woman", 'trans woman'],
  ['he came out as gay last year', 'came out as gay'],
];

// Business uses of the same words: no sexual_orientation finding.
const negatives: string[] = [
  'Power BI dashboards are the main ask.',
  'Their BI team owns reporting.',
  'Bi-weekly syncs on Tuesdays.',
  'Trans-Pacific freight rates are up.',
  'We are transitioning them to the new connector in Q3.',
  'Transition plan signed off by IT.',
  "She's transitioning to the CFO role in May.",
  'The new version came out last week.',
  'The quote came out at $42k.',
  'Spare laptops are in the closet by the server room.',
  'Pride Month sponsorship deal for $12k.',
  'LGBTQ+ community foundation wants a donor CRM.',
  'Their transit authority runs 140 buses.',
  'Linh Tran is the admin.',
];

describe('sexual_orientation lexicon', () => {
  it.each(positives)('flags %j as sexual_orientation: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['sexual_orientation', span]);
  });

  it.each(negatives)('does not flag sexual_orientation in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('sexual_orientation');
  });
});
