import type { NoteKind } from '../core/model.js';

/** The Salesforce objects the audit scans, plus the labelled corpus format (JSONL). */
export type AuditObject = 'Note' | 'Lead' | 'Task' | 'ContentNote' | 'corpus';

export interface ObjectSpec {
  object: AuditObject;
  /** How the live pipeline stores it: a note/task has one body text, a lead has fields. */
  kind: NoteKind;
  /** Note, Task, ContentNote: the column holding the body text. */
  bodyColumn?: string;
  /** Lead: the columns scanned, each a field of the stored record. */
  fieldColumns?: string[];
  /** A column shown as the record's title (Slack, report), when the export has one. */
  titleColumn?: string;
}

export type DetectedFile = { type: 'object'; spec: ObjectSpec } | { type: 'users' } | { type: 'unknown' };

const LEAD_TEXT = ['Description', 'Title'];

/**
 * Tells which object an export holds from its header (Salesforce API field names, as the
 * weekly data export writes them). Objects the audit does not scan (Account, Opportunity…) are
 * `unknown`, so a whole export folder can be passed and those files skipped with a notice.
 */
export function detectObject(header: readonly string[]): DetectedFile {
  const has = new Set(header.map((h) => h.trim()));
  if (!has.has('Id')) return { type: 'unknown' };
  if (has.has('Username') && has.has('Email')) return { type: 'users' };
  if (has.has('Body') && has.has('ParentId')) {
    return {
      type: 'object',
      spec: { object: 'Note', kind: 'note', bodyColumn: 'Body', titleColumn: 'Title' },
    };
  }
  if (has.has('TextPreview') || (has.has('Content') && (has.has('FileType') || has.has('FileExtension')))) {
    return {
      type: 'object',
      spec: {
        object: 'ContentNote',
        kind: 'note',
        bodyColumn: has.has('Content') ? 'Content' : 'TextPreview',
        titleColumn: 'Title',
      },
    };
  }
  if (has.has('Company') && has.has('LastName')) {
    const custom = header.map((h) => h.trim()).filter((h) => h.endsWith('__c'));
    return {
      type: 'object',
      spec: {
        object: 'Lead',
        kind: 'lead',
        fieldColumns: [...LEAD_TEXT.filter((c) => has.has(c)), ...custom],
        titleColumn: 'Company',
      },
    };
  }
  const taskLike = has.has('TaskSubtype') || has.has('Priority') || has.has('ActivityDate');
  if (has.has('Subject') && has.has('Description') && taskLike && !has.has('StartDateTime')) {
    return {
      type: 'object',
      spec: { object: 'Task', kind: 'task', bodyColumn: 'Description', titleColumn: 'Subject' },
    };
  }
  return { type: 'unknown' };
}

/** Which objects the audit knows, for the "skipped" notice. */
export const SCANNED_OBJECTS = 'Note, Lead, Task, ContentNote (and User for owner names)';
