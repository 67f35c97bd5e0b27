import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as criminal_record].
const positives: [string, string][] = [
  ['Greg got a DWI in March so someone else drives him.', 'DWI'],
  ['The GM got a D.U.I. on the way home from the expo.', 'D.U.I'],
  ['D U I last summer, lost his license.', 'D U I'],
  ["Jim's 3rd DUI this year.", 'DUI'],
  ['Apparently Phil got done for drink driving over Christmas.', 'done for drink driving'],
  ['Their controller was arrested last week, deal on hold.', 'arrested'],
  ['He was arrested for drunk driving again.', 'arrested for drunk driving'],
  ['Heard Tony got busted for possession at the festival.', 'busted for possession'],
  ['Carl was charged with embezzlement at his last job.', 'charged with embezzlement'],
  ['Their CFO was indicted for securities fraud.', 'indicted for securities fraud'],
  ['He has pending assault charges.', 'assault charges'],
  ['FYI Kyle is an ex-con, HR knows.', 'ex-con'],
  ['Ex-c0n, be aware.', 'Ex-c0n'],
  ['The new ops guy is a convicted felon per the gossip.', 'convicted felon'],
  ['He pleaded guilty to assault in 2019.', 'pleaded guilty'],
  ['Their lead mechanic has a felony conviction.', 'felony conviction'],
  ['Jen herself has a criminal record apparently.', 'a criminal record'],
  ["He's got a record, so no access to the cash room.", 'got a record'],
  ['Word is he has a rap sheet as long as your arm.', 'rap sheet'],
  ['Owner did time back in the 90s, turned his life around.', 'did time'],
  ['Dave spent the night in jail after the bar fight.', 'spent the night in jail'],
  ['Got out of prison last year, fresh start.', 'out of prison'],
  ["She's in county lockup till Monday.", 'in county lockup'],
  ['Their buyer was sentenced to 18 months, new contact is Ana.', 'sentenced'],
  ["Sheila's on parole, can't leave the state for the conference.", 'on parole'],
  ['Sal is on probaton for the assault thing.', 'on probaton'],
  ["He's wearing an ankle monitor, can't travel to the summit.", 'ankle monitor'],
  ["There's a warrant out for his arrest.", 'warrant out for his arrest'],
  ['His mugshot was in the paper.', 'mugshot'],
  ["Steve's out on bail until the trial.", 'out on bail'],
  ['His ex got a restraining order against him last month.', 'restraining order'],
  ["She's being sued by her ex-business partner.", 'being sued'],
  ['The cops picked him up Friday night.', 'cops picked him up'],
];

// Business uses of the same words: no criminal_record finding.
const negatives: string[] = [
  'Legal team reviewing the MSA redlines this week.',
  'Please charge the card on file for the add-on.',
  'Evidence module is charged at $18k/yr.',
  'Conviction selling training recap: lead with the business case.',
  "Arrest records stay in their RMS, we don't touch them.",
  'Jail commissary accounting and inmate trust fund reconciliation.',
  'The last sentence of section 4.2 was the sticking point.',
  'We executed the MSA today.',
  'New hire is still on probation for 90 days.',
  'Chief Probation Officer wants a demo of the case management module.',
  'Their customer had a record quarter, 40% growth.',
  'Off the record, the CFO prefers us.',
  'The budget got locked up until the board meets.',
  "She's on jury duty next week, reschedule.",
  "Felony case management module for the DA's office.",
  'Criminal background check vendor integration is in scope.',
  'Get out of jail free card: the termination for convenience clause.',
  'Cardiac arrest response kits for the gym chain.',
  'Acme is being sued by a former distributor.',
  'The protective order covers the discovery documents.',
  'The pen test is scheduled for next week.',
  'Jail management system replacement, RFP in May.',
  'He was charged twice for the same invoice.',
];

describe('criminal_record lexicon', () => {
  it.each(positives)('flags %j as criminal_record: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['criminal_record', span]);
  });

  it.each(negatives)('does not flag criminal_record in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('criminal_record');
  });
});
