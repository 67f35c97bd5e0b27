import { UnavailableError } from '../../core/errors.js';
import type { StoredNote } from '../../core/model.js';
import type { CrmWriter } from '../../core/ports.js';

export interface SalesforceWriterConfig {
  /** https://<domain>.my.salesforce.com */
  instanceUrl: string;
  /** OAuth access token of an integration user allowed to edit the records. */
  accessToken: string;
  apiVersion?: string;
}

// The text field that holds a note's body, per object (Note.Body, Task.Description).
const BODY_FIELD: Record<string, string> = { note: 'Body', task: 'Description' };
const OBJECT: Record<string, string> = { note: 'Note', task: 'Task', lead: 'Lead' };

/**
 * Writes redacted text back to Salesforce with the REST API: PATCH
 * /services/data/vXX.X/sobjects/<Object>/<Id>. Only Salesforce notes are written; others are skipped.
 */
export class SalesforceCrmWriter implements CrmWriter {
  readonly name = 'salesforce';

  constructor(
    private readonly config: SalesforceWriterConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async writeBack(
    note: StoredNote,
    redacted: { body?: string; fields?: Record<string, string> },
  ): Promise<'written' | 'skipped'> {
    if (note.source !== 'salesforce') return 'skipped';
    // Enhanced notes (ContentNote, ids 069…) arrive as kind "note" but keep their text as base64 HTML in Content.
    const contentNote = note.kind === 'note' && note.recordId.startsWith('069');
    const object = contentNote ? 'ContentNote' : OBJECT[note.kind];
    if (!object || !/^[a-zA-Z0-9]{15,18}$/.test(note.recordId)) return 'skipped';
    const patch: Record<string, string> = {};
    if (redacted.body !== undefined && contentNote) patch.Content = contentNoteHtml(redacted.body);
    else if (redacted.body !== undefined && BODY_FIELD[note.kind])
      patch[BODY_FIELD[note.kind] as string] = redacted.body;
    for (const [name, value] of Object.entries(redacted.fields ?? {})) {
      if (/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) patch[name] = value;
    }
    if (Object.keys(patch).length === 0) return 'skipped';
    const url = `${this.config.instanceUrl.replace(/\/$/, '')}/services/data/${this.config.apiVersion ?? 'v61.0'}/sobjects/${object}/${note.recordId}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${this.config.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(patch),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new UnavailableError('Salesforce did not answer', { cause: err });
    }
    await res.arrayBuffer();
    if (res.status === 204 || res.ok) return 'written';
    throw new UnavailableError(`Salesforce answered ${res.status} to the write-back`);
  }
}

/** ContentNote.Content: the note as HTML paragraphs, base64-encoded (Salesforce stores it so). */
export function contentNoteHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = escaped
    .split(/\r?\n/)
    .map((line) => `<p>${line}</p>`)
    .join('');
  return Buffer.from(html, 'utf8').toString('base64');
}
