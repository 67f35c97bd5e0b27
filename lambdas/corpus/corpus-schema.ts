import { z } from 'zod';
import { CATEGORY_IDS } from '../core/categories.js';

/** One labelled record of the corpus format (taxonomy.md): a note with text or a lead with fields. */
const label = z.object({
  category: z.enum(CATEGORY_IDS),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  field: z.string().optional(),
  text: z.string().optional(),
});

export const corpusRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string().min(1),
    kind: z.literal('note'),
    text: z.string(),
    labels: z.array(label).default([]),
    tags: z.array(z.string()).optional(),
  }),
  z.object({
    id: z.string().min(1),
    kind: z.literal('lead'),
    fields: z.record(z.string(), z.string()),
    labels: z.array(label).default([]),
    tags: z.array(z.string()).optional(),
  }),
]);

export type CorpusRecord = z.infer<typeof corpusRecordSchema>;

/** The texts a record holds: a note's text, or each field of a lead. */
export function recordTexts(record: CorpusRecord): string[] {
  return record.kind === 'note' ? [record.text] : Object.values(record.fields);
}
export type Label = z.infer<typeof label>;
