import type { Finding } from './types.js';

/** A finding as JSON for callers who hold the text (CLI jsonl contract, POST /v1/scan). */
export function findingJson(f: Finding) {
  return {
    category: f.category,
    start: f.start,
    end: f.end,
    ...(f.field !== undefined ? { field: f.field } : {}),
    severity: f.severity,
    confidence: Math.round(f.confidence * 1000) / 1000,
    ruleId: f.ruleId,
    message: f.message,
    suggestion: f.suggestion,
  };
}
