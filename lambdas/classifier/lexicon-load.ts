import { EN_RAW } from '../../lexicons/en/index.js';
import { LexiconDataError } from '../core/errors.js';
import type { LexiconBundle } from './lexicon-compile.js';
import { contextFileSchema, exclusionsFileSchema, lexiconFileSchema } from './lexicon-schema.js';

/** Validates the bundled English lexicons; a schema error names the file and the path inside it. */
export function loadLexicons(raw = EN_RAW): LexiconBundle {
  const files = Object.entries(raw.files).map(([name, data]) => {
    const parsed = lexiconFileSchema.safeParse(data);
    if (!parsed.success) throw LexiconDataError.fromZod(`${name}.json`, parsed.error);
    if (parsed.data.category !== name) {
      throw new LexiconDataError(
        `${name}.json: category "${parsed.data.category}" does not match the file name`,
      );
    }
    return parsed.data;
  });
  const context = contextFileSchema.safeParse(raw.context);
  if (!context.success) throw LexiconDataError.fromZod('_context.json', context.error);
  const exclusions = exclusionsFileSchema.safeParse(raw.exclusions);
  if (!exclusions.success) throw LexiconDataError.fromZod('_exclusions.json', exclusions.error);
  return { files, context: context.data, exclusions: exclusions.data };
}
