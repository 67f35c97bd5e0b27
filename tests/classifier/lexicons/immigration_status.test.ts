import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as immigration_status].
const positives: [string, string][] = [
  ["Wei is on an H1B, can't switch employers easily.", 'on an H1B'],
  ["Raj's h-1b renewal is pending so he may be out.", 'h-1b'],
  ['His h1-b is in limbo.', 'h1-b'],
  ['Priya is on an L-1 and rotates back to Bangalore next year.', 'on an L-1'],
  ['Klaus is on a J-1 for the exchange year.', 'on a J-1'],
  ["Kiran's on a student visa, part-time only.", 'student visa'],
  ["Anna's visa expires in August, she's nervous.", 'visa expires'],
  ["He's a visa holder, can't moonlight.", 'visa holder'],
  ['Dmitri overstayed his visa, apparently.', 'overstayed his visa'],
  ["She's waiting for her green card, no international trips.", 'waiting for her green card'],
  ["She's a green card holder.", 'green card holder'],
  ["He's undocumented, according to the foreman.", 'undocumented'],
  ["He's undocumentd per the site lead.", 'undocumentd'],
  ['Half the crew is illegal, owner said so himself.', 'crew is illegal'],
  ["He's an illegal immigrant per the foreman.", 'illegal immigrant'],
  ["Doesn't have papers.", "Doesn't have papers"],
  ["Luis is a DACA recipient, can't travel abroad.", 'DACA recipient'],
  ['Omar is an asylum seeker from Syria.', 'asylum seeker'],
  ['He came here as a refugee in the 90s.', 'came here as a refugee'],
  ['Her OPT expires in June.', 'OPT expires'],
  ['He needs visa sponsorship to stay past December.', 'needs visa sponsorship'],
  ['His work permit expires next month.', 'work permit'],
  ['She has indefinite leave to remain now.', 'indefinite leave to remain'],
  ["He's worried about getting deported.", 'deported'],
  ['Jorge got picked up in an ICE raid last week.', 'ICE raid'],
  ['Ali is applying for citizenship in the spring.', 'applying for citizenship'],
];

// Payment networks, company programmes and product features: no immigration_status finding.
const negatives: string[] = [
  'Visa and Mastercard acceptance is live at all 12 locations.',
  'Please charge the Visa ending 4242 for the renewal.',
  'HR runs a visa sponsorship program for 300 scientists.',
  'Their product manages visa and green-card case workflows.',
  'Border crossing delays at Laredo are a separate issue.',
  'Illegal-dumping monitoring cams at 12 sites.',
  'That clause is illegal in California.',
  'The API is undocumented, use the sandbox.',
  'They rely on an undocumented endpoint for exports.',
  'Opt-in rates are up 20% on the new form.',
  'Route it to L1 support first.',
  'Tier 2 supplier audit is next week.',
  'Texas is a right-to-work state.',
  'Hot work permit system for the refinery.',
  'Citizen developers build apps in their low-code tool.',
  'The refugee resettlement agency wants a donor CRM.',
  'Global mobility team tracks visa expirations for 400 employees.',
  'The shipment was detained by customs at the port.',
  'Deal is on ice until January.',
];

describe('immigration_status lexicon', () => {
  it.each(positives)('flags %j as immigration_status: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['immigration_status', span]);
  });

  it.each(negatives)('does not flag immigration_status in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('immigration_status');
  });
});
