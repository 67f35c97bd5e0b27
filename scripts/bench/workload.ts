/**
 * A generated workload of realistic CRM notes (~1 KB each): business sentences with, now and
 * then, the kind of remark or identifier NoteGuard exists to catch. Seeded, so every run scans
 * the same bytes.
 */
const BUSINESS = [
  'Call w/ {name} ({title}, {company}) re: renewal, budget approved for Q{q}.',
  'They want a 3yr term with a price lock and SSO via Okta before go-live.',
  'Demo went well, {name} asked for the reporting module and an API walkthrough.',
  'Procurement needs the security questionnaire and our SOC 2 report by Friday.',
  'Pricing: {n} seats at USD {price}/seat, discount approved by {name} up to 12%.',
  'Ticket #{ticket} still open re: the ERP integration, escalated to support.',
  'Next steps: send the redlines, book onsite with IT, loop in the SE for the POC.',
  'Competitor is pitching a cheaper bundle but their onboarding took 6 months.',
  'Hot lead from the expo booth, wants a quote for {n} licences and training.',
  'Third-party risk review is done; legal is reviewing the MSA and DPA now.',
  'Champion is {name}; economic buyer is the CFO, sign-off expected end of month.',
  'Usage dropped 20% last quarter, need a QBR to re-engage the ops team.',
  'Shipping the PO next week, expecting signature after the board meeting.',
  'Order 4000 1234 5678 9010 was duplicated; finance will credit the invoice.',
];
const SENSITIVE = [
  '{name} is out for chemo until June, so the deal will slip.',
  'Between us, {name} is a total idiot, asked the same thing 4x.',
  'SSN 536-22-8471 was sent by mistake in the form.',
  'pw is Summer2024! for the sandbox portal.',
  'He is going through a nasty divorce, be gentle.',
  'Party animal! closed down the hotel bar after the dinner.',
  'card 4111 1111 1111 1111 exp 09/27 for the deposit',
  'She is pregnant, deal will slip to Q4.',
  'Devout Mormon, no calls on Sunday.',
  'he is on an H-1B so he may not stay long.',
];
const NAMES = ['Dana', 'Priya', 'Brent', 'Marla', 'Gus', 'Tomás', 'Aisha', 'Lena', 'Kofi', 'Wei'];
const TITLES = ['VP Ops', 'CFO', 'IT Director', 'Head of Sales', 'Controller'];
const COMPANIES = [
  'Kestrel Cold Chain',
  'Ironclad Roofing',
  'Tallgrass Ag Co-op',
  'Harbor Point Health',
  'Bluefin Labs',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateNotes(count: number, targetBytes = 1024, seed = 42): string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const fill = (s: string) =>
    s
      .replace(/\{name\}/g, () => pick(NAMES))
      .replace('{title}', pick(TITLES))
      .replace('{company}', pick(COMPANIES))
      .replace('{q}', String(1 + Math.floor(rand() * 4)))
      .replace(/\{n\}/g, String(10 + Math.floor(rand() * 500)))
      .replace('{price}', String(20 + Math.floor(rand() * 80)))
      .replace('{ticket}', String(10000 + Math.floor(rand() * 90000)));
  const notes: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    let size = 0;
    while (size < targetBytes) {
      const s = fill(rand() < 0.15 ? pick(SENSITIVE) : pick(BUSINESS));
      parts.push(s);
      size += s.length + 1;
    }
    // Through JSON, as a note arrives in a webhook body: one flat string, not a slice of a longer one.
    notes.push(JSON.parse(JSON.stringify(parts.join(rand() < 0.5 ? ' ' : '\n').slice(0, targetBytes))));
  }
  return notes;
}
