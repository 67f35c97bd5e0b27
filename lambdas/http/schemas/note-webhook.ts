import { z } from 'zod';
import { NOTE_KINDS, SOURCES } from '../../core/model.js';

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/** POST /v1/notes and POST /v1/scan: the generic CRM webhook body (docs/openapi.yaml). */
const noteObject = z
  .object({
    source: z.enum(SOURCES),
    orgId: text(64).min(1).optional(),
    recordId: text(255).min(1),
    kind: z.enum(NOTE_KINDS),
    ownerEmail: z.email().max(320),
    ownerName: text(200).optional(),
    parentId: text(255).optional(),
    title: text(500).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    updatedAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()),
    body: text(200_000).optional(),
    fields: z.record(text(255).min(1), text(100_000)).optional(),
  })
  .strict();

function bodyXorFields(v: { body?: string; fields?: Record<string, string> }, ctx: z.RefinementCtx) {
  if ((v.body === undefined) === (v.fields === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['body'],
      message: 'give exactly one of body (text) or fields (field name → text)',
    });
  }
  if (v.fields && Object.keys(v.fields).length > 200) {
    ctx.addIssue({ code: 'custom', path: ['fields'], message: 'at most 200 fields' });
  }
}

export const noteWebhookSchema = noteObject.superRefine(bodyXorFields);
export type NoteWebhook = z.infer<typeof noteWebhookSchema>;

/** POST /v1/scan: the same body as /v1/notes, but only body or fields is required (a pre-save check). */
export const scanRequestSchema = noteObject.partial().superRefine(bodyXorFields);
