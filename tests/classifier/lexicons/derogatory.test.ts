import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as derogatory].
const positives: [string, string][] = [
  ['Their procurement guy is a complete moron, third time asking for the W-9.', 'complete moron'],
  ['Greg is such a tool, talked over everyone on the call.', 'such a tool'],
  ['The new CIO is a total clown.', 'clown'],
  ["Honestly she's a snake, went behind our back to the CFO.", 'snake'],
  ['Their AP manager is useless, lost the invoice twice.', 'useless'],
  ["He's a lazy prick who never reads email.", 'lazy prick'],
  ['Mike at Fairway is a dumbass.', 'dumbass'],
  ['The buyer is an arrogant twat.', 'arrogant twat'],
  ['What a loser, he ghosted us again.', 'loser'],
  ['Their CFO is a real piece of work.', 'piece of work'],
  ['The ops guy is a psycho, screamed at his team.', 'psycho'],
  ["She's batshit crazy, changes scope weekly.", 'batshit crazy'],
  ["He's thick as two short planks.", 'thick as two short planks'],
  ["Dave's a weasel, don't trust his numbers.", 'weasel'],
  ["Their IT lead is brain-dead, can't reset a password.", 'brain-dead'],
  ['Ken is a dipshit.', 'dipshit'],
  ['Their GM is a creep, keep junior reps away from him.', 'creep'],
  ['The admin is dumber than a box of rocks.', 'dumber than a box of rocks'],
  ["He's not the sharpest tool in the shed.", 'not the sharpest tool in the shed'],
  ['The owner is a nutjob.', 'nutjob'],
  ['She acts like a diva on every call.', 'diva'],
  ['Our sponsor is a spineless coward.', 'coward'],
  ['The setup is idiot-proof, per their IT lead.', 'idiot-proof'],
  ['That redneck in purchasing keeps stalling.', 'redneck'],
  ["He's such a drama queen about the SLA.", 'drama queen'],
  ['Their controller is a total 1d10t.', 'total 1d10t'],
  ['The plant manager is a m0r0n.', 'm0r0n'],
  ['The IT guy is a complete a$$hole.', 'a$$hole'],
  ['Their buyer is a bit of a knobhead.', 'knobhead'],
];

// Business uses of the same words: no derogatory finding.
const negatives: string[] = [
  'Demo went great, approval routing is a killer feature for them.',
  'Dummy data is loaded in the sandbox so they can try the pick flow.',
  'The warehouse still runs dumb terminals on the pick line.',
  'Crash-test dummy manufacturer, 2 plants, wants calibration records.',
  "The competitor's claims are snake oil; send the comparison sheet.",
  'They want a guinea pig site for the new module.',
  'Their tool of choice is Excel, so we can import the price book.',
  "That's a great tool for AP teams.",
  "It's a crazy busy quarter for them, follow up in May.",
  'The deadline is insane, three weeks to go live.',
  'Mental health benefit admin is a future phase.',
  'Confirm the PIN pad hardware is PCI-certified.',
  'Scope creep is the main risk on this project.',
  'Month-end close is a rat race for their team.',
  'Cracker Barrel wants a scheduling demo.',
  'Their geek squad handles onsite support.',
  'They are crazy about the new dashboard.',
  'Tool vendor consolidation is the driver for this deal.',
  'Degenerate disc disease clinic network, 12 sites.',
  'Soap scum remover SKUs are their best sellers.',
];

describe('derogatory lexicon', () => {
  it.each(positives)('flags %j as derogatory: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['derogatory', span]);
  });

  it.each(negatives)('does not flag derogatory in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('derogatory');
  });
});
