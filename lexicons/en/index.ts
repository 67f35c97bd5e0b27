// The English lexicon bundle. Static JSON imports so esbuild bundles the data into each Lambda;
// tests/lexicons check that every JSON file in this folder is listed here and valid.
import type { ContextFile, ExclusionsFile, LexiconFile } from '../../lambdas/classifier/lexicon-schema.js';
import context from './_context.json' with { type: 'json' };
import exclusions from './_exclusions.json' with { type: 'json' };
import age from './age.json' with { type: 'json' };
import appearance from './appearance.json' with { type: 'json' };
import criminal_record from './criminal_record.json' with { type: 'json' };
import derogatory from './derogatory.json' with { type: 'json' };
import ethnicity from './ethnicity.json' with { type: 'json' };
import family_status from './family_status.json' with { type: 'json' };
import financial_hardship from './financial_hardship.json' with { type: 'json' };
import health from './health.json' with { type: 'json' };
import immigration_status from './immigration_status.json' with { type: 'json' };
import lifestyle from './lifestyle.json' with { type: 'json' };
import political from './political.json' with { type: 'json' };
import profanity from './profanity.json' with { type: 'json' };
import religion from './religion.json' with { type: 'json' };
import sexual_orientation from './sexual_orientation.json' with { type: 'json' };
import union_membership from './union_membership.json' with { type: 'json' };

/** Raw (unvalidated) file contents; `loadLexicons` validates them with the zod schemas. */
export const EN_RAW: { files: Record<string, unknown>; context: unknown; exclusions: unknown } = {
  files: {
    health,
    religion,
    ethnicity,
    sexual_orientation,
    political,
    union_membership,
    criminal_record,
    family_status,
    age,
    financial_hardship,
    immigration_status,
    derogatory,
    profanity,
    appearance,
    lifestyle,
  },
  context,
  exclusions,
};

export type { ContextFile, ExclusionsFile, LexiconFile };
