import { ValidationError, zodIssues } from '../core/errors.js';
import { type CorpusRecord, corpusRecordSchema } from './corpus-schema.js';

export interface ParsedLine {
  line: number;
  record?: CorpusRecord;
  error?: string;
}

/**
 * Parses corpus JSON Lines. Each bad line is reported with its number and skipped, so one
 * malformed record never hides the good ones; blank lines are ignored.
 */
export function parseJsonl(text: string): ParsedLine[] {
  const out: ParsedLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).trim();
    if (raw === '') continue;
    const line = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      out.push({ line, error: `line ${line}: not valid JSON (${(err as Error).message})` });
      continue;
    }
    const parsed = corpusRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = zodIssues(parsed.error)[0];
      out.push({
        line,
        error: `line ${line}: ${issue ? `${issue.path}: ${issue.message}` : 'invalid record'}`,
      });
      continue;
    }
    out.push({ line, record: parsed.data });
  }
  return out;
}

/** All records, or a ValidationError listing every bad line (for commands that need a whole corpus). */
export function parseJsonlStrict(text: string): CorpusRecord[] {
  const parsed = parseJsonl(text);
  const bad = parsed.filter((p) => p.error !== undefined);
  if (bad.length > 0) {
    throw new ValidationError(
      `${bad.length} malformed line(s); first: ${bad[0]?.error}`,
      bad.map((b) => ({ path: `line ${b.line}`, message: b.error as string })),
    );
  }
  return parsed.map((p) => p.record as CorpusRecord);
}
