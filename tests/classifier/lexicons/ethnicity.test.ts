import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as ethnicity].
const positives: [string, string][] = [
  ['Kwame is Ghanaian, very detail oriented', 'Ghanaian'],
  ['the new buyer is a Korean guy, super sharp', 'Korean'],
  ["She's half Mexican, half Irish", 'Mexican'],
  ['Ahmed is Egyptian, prefers email', 'Egyptian'],
  ["Rosa's Puerto Rican and runs the night shift", 'Puerto Rican'],
  ['the black guy in finance is the real decision maker', 'black guy'],
  ["he's originally from Lebanon", 'originally from Lebanon'],
  ['Their CTO is Indian-American', 'Indian-American'],
  ['the Asian lady at reception booked us', 'Asian'],
  ['Dmitri has a thick Russian accent', 'Russian'],
  ['She is Latina and bilingual', 'Latina'],
  ['the CFO is a Scottish guy, very dry humour', 'Scottish'],
  ['their controller is of Vietnamese descent', 'Vietnamese'],
  ['Jin is Chinese-Canadian', 'Chinese-Canadian'],
  ['the COO is a HISPANIC guy from Texas', 'HISPANIC'],
  ['our contact is Hispanick', 'Hispanick'],
  ['Marek is Polish and very blunt', 'Polish'],
  ['the new controller is Filipina', 'Filipina'],
  ['the ops lead is an Arab guy', 'Arab'],
  ["she's biracial", 'biracial'],
  ['Mei is Taiwanese, prefers email', 'Taiwanese'],
];

// Markets, languages, organisations and idioms: no ethnicity finding.
const negatives: string[] = [
  'Nigerian subsidiary needs its own billing entity.',
  'Spanish UI and Mexican holiday calendar are required.',
  'Japanese-language invoices for the Osaka entity.',
  'Korean BBQ franchise wants menu boards.',
  'Indian Ocean shipping lanes are delayed.',
  'Black Friday volumes doubled.',
  "White-label pricing sent; they're in the black this year.",
  'Asian-Pacific distributors need multi-currency.',
  'The French team owns the rollout.',
  'She speaks fluent Japanese, great for the Tokyo meeting.',
  'We need to polish the deck before Friday.',
  'The UI is English only for now.',
  'Mexican standoff between legal and procurement.',
  'their Chinese wall policy for compliance',
  'Latin America team handles Bogota.',
  'Linh Tran is our new champion.',
  'Hispanic-market grocery chain, 12 stores.',
  'their new CTO wants the Spanish-language docs',
  'The UI is Japanese and English.',
  'Japanese is required for the Osaka office.',
];

describe('ethnicity lexicon', () => {
  it.each(positives)('flags %j as ethnicity: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['ethnicity', span]);
  });

  it.each(negatives)('does not flag ethnicity in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('ethnicity');
  });
});
