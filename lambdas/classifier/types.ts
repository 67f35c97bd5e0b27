import type { CategoryId, Severity } from '../core/categories.js';

/** One flagged span. Offsets are UTF-16 indices into the ORIGINAL text (end exclusive). */
export interface Finding {
  category: CategoryId;
  start: number;
  end: number;
  /** Lead records: the CRM field name the offsets point into. */
  field?: string;
  severity: Severity;
  /** 0–1: how sure the rule is, before the manager looks. */
  confidence: number;
  ruleId: string;
  /** Why this matters, one sentence a rep would accept. */
  message: string;
  /** A neutral rewrite, or "Remove: not business-relevant." */
  suggestion: string;
}

/** What a detector or the lexicon matcher proposes before overlap resolution and tuning. */
export type Candidate = Omit<Finding, 'field'>;

/** Per-organisation tuning, read on every scan (stored in the settings item later). */
export interface Tuning {
  /** Phrases the organisation accepts: a candidate whose text (case-insensitive) equals one is dropped. */
  allowList?: readonly string[];
  disabledCategories?: readonly CategoryId[];
  severityOverrides?: Partial<Record<CategoryId, Severity>>;
}

export interface NoteRecord {
  id: string;
  kind: 'note';
  text: string;
}

export interface LeadRecord {
  id: string;
  kind: 'lead';
  fields: Record<string, string>;
}

export type ScanRecord = NoteRecord | LeadRecord;
