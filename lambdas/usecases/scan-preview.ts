import { redactText } from '../classifier/redact.js';
import type { Finding, ScanRecord } from '../classifier/types.js';
import type { OrgSettings } from '../core/model.js';
import type { UseCaseDeps } from './deps.js';
import { loadSettings, tuningOf } from './settings.js';

const SETTINGS_TTL_MS = 30_000;
// Per repository, so two stores in one process never share settings.
const caches = new WeakMap<object, Map<string, { at: number; settings: OrgSettings }>>();

export interface ScanPreview {
  findings: Finding[];
  redactedBody?: string;
  redactedFields?: Record<string, string>;
}

/**
 * The pre-save check: findings, suggestions and the redacted text, nothing stored. Settings are
 * cached for 30 s so the check costs one classifier pass, not a table read.
 */
export async function scanPreview(
  deps: UseCaseDeps,
  input: { orgId: string; body?: string; fields?: Record<string, string> },
): Promise<ScanPreview> {
  const now = deps.clock.now().getTime();
  let cache = caches.get(deps.repo);
  if (!cache) {
    cache = new Map();
    caches.set(deps.repo, cache);
  }
  let entry = cache.get(input.orgId);
  if (!entry || now - entry.at > SETTINGS_TTL_MS) {
    entry = { at: now, settings: await loadSettings(deps.repo, input.orgId) };
    cache.set(input.orgId, entry);
  }
  const record: ScanRecord =
    input.body !== undefined
      ? { id: 'scan', kind: 'note', text: input.body }
      : { id: 'scan', kind: 'lead', fields: input.fields ?? {} };
  const findings = deps.classifier.scanRecord(record, tuningOf(entry.settings));
  if (input.body !== undefined) return { findings, redactedBody: redactText(input.body, findings) };
  const redactedFields: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.fields ?? {})) {
    redactedFields[name] = redactText(
      value,
      findings.filter((f) => f.field === name),
    );
  }
  return { findings, redactedFields };
}
