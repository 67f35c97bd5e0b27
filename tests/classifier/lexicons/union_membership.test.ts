import { describe, expect, it } from 'vitest';
import { categoriesOf, flagged } from '../../helpers/classify.js';

// Rep-style sentences (not from the dev corpus): [note, the exact span flagged as union_membership].
const positives: [string, string][] = [
  ['Mike is the shop steward on second shift, loop him in before the pilot.', 'shop steward'],
  ['the shop-steward at Plant 2 wants a demo', 'shop-steward'],
  ['Heads up, Priya is a union rep for the nurses and will push back on tracking.', 'union rep'],
  ['Our champion is the UNION STEWARD for the depot.', 'UNION STEWARD'],
  ['Lena is a union organiser on the side, keep it quiet.', 'union organiser'],
  ["He's a TEAMSTERS MEMBER.", 'TEAMSTERS MEMBER'],
  ["Carla's a card-carrying Teamster, don't pitch productivity metrics to her.", 'card-carrying Teamster'],
  ["He's a card carrying union member.", 'card carrying union member'],
  ["she's a UFCW member and wants the crew consulted", 'UFCW member'],
  ["She's an IBEW member so she'll want sign-off from the local first.", 'IBEW member'],
  ['Dana joined the union last spring after the layoffs.', 'joined the union'],
  ['Kev is in the union and very vocal about overtime rules.', 'in the union'],
  ['Jorge is big in the UAW local.', 'in the UAW'],
  ['Marta is a Local 100 member and very active.', 'Local 100'],
  ["Leon is the local's business agent, wants the crew consulted.", 'business agent'],
  ["Dave sits on the union's executive board.", "union's executive board"],
  ['Jorge sits on the bargaining committee this year.', 'bargaining committee'],
  ['Rosa is organizing a union at the Fresno warehouse.', 'organizing a union'],
  ["Ray's trying to unionize the drivers, owner is furious.", 'unionize the drivers'],
  ['Tom led the walkout in March, mgmt still sore about it.', 'led the walkout'],
  ['He led the sick-out last winter.', 'led the sick-out'],
  ['Marta is the strike captain for the night crew.', 'strike captain'],
  ['She went on strike with the nurses last year.', 'went on strike'],
  ['He picketed the plant in 2022.', 'picketed'],
  ['Sam was on the picket line all last week.', 'on the picket line'],
  ["He's a union guy through and through.", 'union guy'],
  ['She is a lifelong trade unionist.', 'trade unionist'],
];

// Business uses of the same words, organisation names and idioms: no union_membership finding.
const negatives: string[] = [
  'Credit union members can log in with SSO.',
  'We sold the core banking add-on to Pinecrest Federal Credit Union.',
  'Union Pacific is shipping the pallets.',
  'Member of the European Union since 1995, so GDPR applies.',
  'The union of the two datasets gives us a full view.',
  'They want the union rules engine for their 2 bargaining units.',
  'Meeting at Union Station at 10.',
  'The Teamsters Local 727 pension fund is a prospect for the benefits portal.',
  'Talks in the student union building, parking is a nightmare.',
  'Western Union rep called about the remittance integration.',
  'Need a strike price for the options grant.',
  'We should strike a deal before quarter end.',
  'They have a white picket fence on the logo lol.',
  'Data steward for the CRM is Mia.',
  'The union contract limits after-hours training.',
  'Trade union local, 9,000 members, wants a member portal and grievance tracking.',
  "Their nurses' union negotiations wrap in May, budget after that.",
  "She's a member of the local Rotary club.",
];

describe('union_membership lexicon', () => {
  it.each(positives)('flags %j as union_membership: %j', (text, span) => {
    expect(flagged(text)).toContainEqual(['union_membership', span]);
  });

  it.each(negatives)('does not flag union_membership in %j', (text) => {
    expect(categoriesOf(text)).not.toContain('union_membership');
  });
});
