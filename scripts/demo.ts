// `npm run demo`: posts a handful of realistic notes to a running `npm start` and prints what was found.
import { join } from 'node:path';
import { signWebhook } from '../lambdas/http/webhook-signature.js';
import { apiConfigFromEnv, loadDotEnv } from '../lambdas/local/env-config.js';

loadDotEnv(join(process.cwd(), '.env'));
const { config } = apiConfigFromEnv();
const base = process.env.NOTEGUARD_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const secret = config.webhookSecrets[0] as string;

const notes = [
  {
    recordId: '00Tdemo0001',
    title: 'Discovery call – Kestrel Cold Chain',
    body: 'Call w/ Priya (VP Ops). Wants a FleetPulse demo for 40 reefer trucks, budget approved for Q3. Hot lead!',
  },
  {
    recordId: '00Tdemo0002',
    title: 'Renewal – Tallgrass Ag',
    body: 'Gus is out for chemo until June so Marla will sign. She is pregnant too, deal will slip to Q4.',
  },
  {
    recordId: '00Tdemo0003',
    title: 'Deposit details',
    body: 'Customer read out card 4111 1111 1111 1111 exp 09/27 and SSN 536-22-8471 for the credit check. pw is Summer2024!',
  },
  {
    recordId: '00Tdemo0004',
    title: 'Dinner with Ironclad',
    body: 'Brent is a total idiot, party animal, closed down the hotel bar. Going through a nasty divorce.',
  },
];

async function main() {
  try {
    await fetch(`${base}/health`);
  } catch {
    console.error(`noteguard demo: nothing answers at ${base}. Start the server first: npm start`);
    process.exit(1);
  }
  for (const n of notes) {
    const body = JSON.stringify({
      source: 'custom',
      kind: 'note',
      ownerEmail: 'rep@example.com',
      updatedAt: new Date().toISOString(),
      url: `https://crm.example.com/${n.recordId}`,
      ...n,
    });
    const res = await fetch(`${base}/v1/notes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-noteguard-signature': signWebhook(secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
    });
    const out = (await res.json()) as {
      noteId?: string;
      findings?: { category: string; severity: string; start: number; end: number; suggestion: string }[];
      message?: string;
    };
    console.log(`\n${n.title}  →  HTTP ${res.status}${out.noteId ? ` note ${out.noteId}` : ''}`);
    if (!out.findings) console.log(`  ${out.message}`);
    else if (out.findings.length === 0) console.log('  no findings');
    for (const f of out.findings ?? []) {
      console.log(
        `  ${f.severity.padEnd(6)} ${f.category.padEnd(18)} "${n.body.slice(f.start, f.end)}"  → ${f.suggestion}`,
      );
    }
  }
  const queue = await fetch(`${base}/v1/findings?status=open&limit=5`, {
    headers: { authorization: `Bearer ${config.apiTokens[0]}` },
  });
  const q = (await queue.json()) as { findings: { category: string; severity: string; preview: string }[] };
  console.log('\nReview queue (GET /v1/findings?status=open — masked previews only):');
  for (const f of q.findings) console.log(`  ${f.severity.padEnd(6)} ${f.category.padEnd(18)} ${f.preview}`);
}

await main();
