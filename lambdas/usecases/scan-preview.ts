import { redactText } from '../classifier/redact.js';
import type { Finding, ScanRecord } from '../classifier/types.js';
import type { UseCaseDeps } from './deps.js';
import { cachedSettings, tuningOf } from './settings.js';

export interface ScanPreview {
  findings: Finding[];
  redactedBody?: string;
  redactedFields?: Record<string, string>;
}

/**
 * The pre-save check: findings, suggestions and the redacted text, nothing stored. Settings come
 * from the 30-second cache, so the check costs one classifier pass, not a table read.
 */
export async function scanPreview(
  deps: UseCaseDeps,
  input: { orgId: string; body?: string; fields?: Record<string, string> },
): Promise<ScanPreview> {
  const settings = await cachedSettings(deps.repo, input.orgId, deps.clock.now().getTime());
  const record: ScanRecord =
    input.body !== undefined
      ? { id: 'scan', kind: 'note', text: input.body }
      : { id: 'scan', kind: 'lead', fields: input.fields ?? {} };
  const findings = deps.classifier.scanRecord(record, tuningOf(settings));
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
