import { z } from 'zod';
import { CATEGORY_IDS, SEVERITIES } from '../core/categories.js';
import { expandPhrase } from './phrase.js';

// Phrase syntax and its checks live in phrase.ts (shared with the compiler).
const phrase = z.string().superRefine((value, ctx) => {
  const result = expandPhrase(value);
  if (typeof result === 'string') ctx.addIssue({ code: 'custom', message: `phrase "${value}" ${result}` });
});
/** A phrase or "@listName" (a shared word list from _context.json). */
const phraseOrList = z.string().min(1);

export const contextRulesSchema = z
  .object({
    /** The remark must be about a person: a pronoun, person noun or name in the same sentence. */
    needsPerson: z.boolean().optional(),
    /** Suppress when one of these starts within `window` tokens after the match ("hot" + "lead"). */
    unlessFollowedBy: z.array(phraseOrList).optional(),
    /** Suppress when one of these ends within `window` tokens before the match ("third" + "party"). */
    unlessPrecededBy: z.array(phraseOrList).optional(),
    /**
     * Fire only when one of these ends right before the match, in the same sentence: a lookbehind
     * written as words ("he's" + 34 → ["(he|she) (s|is)"]), far cheaper to check than a regex one.
     */
    precededBy: z.array(phraseOrList).optional(),
    /** Fire only when one of these starts right after the match, in the same sentence. */
    followedBy: z.array(phraseOrList).optional(),
    /** Fire only when one of these is within `window` tokens either side. */
    requireNear: z.array(phraseOrList).optional(),
    /** Suppress when one of these is within `window` tokens either side. */
    unlessNear: z.array(phraseOrList).optional(),
    /** Tokens to look at on each side (default 3); never crosses a sentence break. */
    window: z.number().int().min(1).max(12).optional(),
  })
  .strict();

const anchor = z
  .string()
  .min(2)
  .refine((a) => !a.startsWith('=') || /^=[\p{L}\p{N}]+$/u.test(a), {
    message: 'an "=" anchor is one whole word of letters and digits',
  });
const patternWithAnchors = z.object({ regex: z.string().min(1), anchors: z.array(anchor).min(1) }).strict();

/** A pattern's source and the anchors that wake it (its own, else the entry's). */
export function patternsOf(entry: LexiconEntry): { source: string; anchors: readonly string[] }[] {
  return entry.patterns.map((p) =>
    typeof p === 'string'
      ? { source: p, anchors: entry.anchors ?? [] }
      : { source: p.regex, anchors: p.anchors },
  );
}

export const lexiconEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z_]+\.[a-z0-9_.-]+$/, 'category prefix, a dot, then lower-case words'),
    phrases: z.array(phrase).default([]),
    /**
     * JavaScript regexes run on the lower-cased note (for censored forms like f***ing); a named
     * group `hit` narrows the span. A pattern given as `{ regex, anchors }` has anchors of its own
     * instead of the entry's (an entry's patterns often need different words).
     */
    patterns: z.array(z.union([z.string().min(1), patternWithAnchors])).default([]),
    /**
     * Lower-case strings of which a note must contain at least one before this entry's patterns
     * run. An anchor made of letters and digits only is looked up among the note's words (inside a
     * word counts: "addict" anchors "addicts"), which costs next to nothing; "=word" must be a
     * whole word of the note ("=af" is not woken by "after"); any other anchor is a substring
     * search over the note. Anchors only save work: they never decide a match.
     */
    anchors: z.array(anchor).optional(),
    /** Run this entry's patterns on the note's original case ("BI" the product vs "he's bi"); anchors still match lower-case. */
    caseSensitive: z.boolean().optional(),
    severity: z.enum(SEVERITIES as [string, ...string[]]).optional(),
    confidence: z.number().min(0).max(1).optional(),
    note: z.string().min(10).max(240),
    suggestion: z.string().min(3).max(240),
    context: contextRulesSchema.optional(),
    /** Allow one-edit misspellings of words of 8+ letters (default true). */
    fuzzy: z.boolean().optional(),
  })
  .strict()
  .refine((e) => e.phrases.length + e.patterns.length > 0, 'an entry needs phrases or patterns');

const exclusionSchema = z
  .object({
    id: z.string().regex(/^exclude\.[a-z0-9_.-]+$/),
    phrases: z.array(phrase).min(1),
    /** Categories this masks; empty = all lexicon categories (in a category file: that category). */
    categories: z.array(z.enum(CATEGORY_IDS)).default([]),
    why: z.string().min(5),
  })
  .strict();

export const lexiconFileSchema = z
  .object({
    category: z.enum(CATEGORY_IDS),
    language: z.enum(['en']),
    entries: z.array(lexiconEntrySchema).min(1),
    /** Organisation names and idioms that contain this category's words but are not about a person. */
    exclusions: z.array(exclusionSchema).default([]),
  })
  .strict();

export const contextFileSchema = z
  .object({
    language: z.enum(['en']),
    /** Named word lists referenced from context rules as "@name". */
    lists: z.record(z.string().regex(/^[a-zA-Z]+$/), z.array(phrase).min(1)),
  })
  .strict();

export const exclusionsFileSchema = z
  .object({
    language: z.enum(['en']),
    /** Organisation names and business idioms that contain sensitive-looking words. */
    exclusions: z.array(exclusionSchema).min(1),
  })
  .strict();

export type LexiconFile = z.infer<typeof lexiconFileSchema>;
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;
export type ContextRules = z.infer<typeof contextRulesSchema>;
export type ContextFile = z.infer<typeof contextFileSchema>;
export type ExclusionsFile = z.infer<typeof exclusionsFileSchema>;
