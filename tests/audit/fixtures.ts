import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Raw sensitive text the generated exports contain: none of it may reach an audit output. */
export const RAW_SENSITIVE = [
  '536-22-8471',
  '4111 1111 1111 1111',
  'Summer2024!',
  'pregnant',
  'total idiot',
  'chemo',
  'Party animal',
];

export const OWNERS = {
  '005Ho00000A1bCdIAA': { name: 'Dana Whitfield', email: 'dana.whitfield@acme.example' },
  '005Ho00000A1bCeIAA': { name: 'Priya Raman', email: 'priya.raman@acme.example' },
};

const BODIES = [
  'Call w/ Priya, budget approved for Q3, wants SSO.',
  'SSN 536-22-8471 was sent by mistake in the form, deleted it.',
  'He is a total idiot, asked the same thing 4x.\nStill no PO.',
  'card 4111 1111 1111 1111 exp 09/27 for the deposit, "urgent", she said',
  'Demo went well, she is pregnant, deal will slip to Q4.',
  'Renewal, 3yr term with a price lock, legal reviewing the MSA.',
  'pw is Summer2024! for the sandbox portal',
  'Out for chemo until June, so the deal will slip.',
];

const quote = (fields: string[]) => fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(',');

export function noteId(n: number): string {
  return `002Ho${String(n).padStart(10, '0')}AAA`;
}

/**
 * A Note export as Salesforce writes it: BOM, every field quoted, CRLF line ends, line breaks,
 * commas and doubled quotes inside bodies; `bad` lists 0-based rows written malformed.
 */
export function writeNoteCsv(dir: string, count: number, options: { bad?: number[]; name?: string } = {}) {
  const owners = Object.keys(OWNERS);
  const lines = [quote(['Id', 'ParentId', 'OwnerId', 'Title', 'Body', 'CreatedDate', 'LastModifiedDate'])];
  for (let n = 0; n < count; n++) {
    const body = (BODIES[n % BODIES.length] as string).replaceAll('\n', '\r\n');
    const created = new Date(Date.UTC(2024, n % 12, 1 + (n % 27), 9)).toISOString();
    const row = [
      noteId(n),
      '006Ho000000X1Y2AAA',
      owners[n % owners.length] as string,
      `Call ${n}, notes`,
      body,
      created,
      created,
    ];
    lines.push(options.bad?.includes(n) ? `${quote(row)},"an extra field"` : quote(row));
  }
  const path = join(dir, options.name ?? 'Note.csv');
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
  return path;
}

export function writeUserCsv(dir: string) {
  const rows = Object.entries(OWNERS).map(([id, o]) => [id, o.email, o.name, o.email].join(','));
  const path = join(dir, 'User.csv');
  writeFileSync(path, `Id,Username,Name,Email\n${rows.join('\n')}\n`);
  return path;
}

export function writeLeadCsv(dir: string) {
  const path = join(dir, 'Lead.csv');
  writeFileSync(
    path,
    [
      'Id,LastName,FirstName,Company,Title,Description,Hobbies__c,OwnerId,CreatedDate',
      '00QHo0000001AAAAAA,Quint,Marla,Tallgrass Ag,GM,"Hot lead from the expo, wants 40 seats",Party animal!,005Ho00000A1bCdIAA,2024-05-02T10:00:00.000Z',
      '00QHo0000002AAAAAA,Feeney,Gus,Kestrel,Controller,"Out for chemo, call in June",,005Ho00000A1bCeIAA,2024-06-02T10:00:00.000Z',
      '',
    ].join('\n'),
  );
  return path;
}
