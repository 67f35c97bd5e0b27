import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../lambdas/classifier/classifier.js';
import { compileLexicon, type LexiconBundle } from '../../lambdas/classifier/lexicon-compile.js';
import { LexiconMatcher } from '../../lambdas/classifier/lexicon-match.js';
import type { LexiconFile } from '../../lambdas/classifier/lexicon-schema.js';
import { normalise } from '../../lambdas/classifier/normalise.js';
import { tokenise } from '../../lambdas/classifier/tokenise.js';

// A small hand-made bundle: the engine's behaviour is tested apart from the shipped lexicon data.
const entry = (id: string, phrases: string[], extra: Partial<LexiconFile['entries'][number]> = {}) => ({
  id,
  phrases,
  patterns: [],
  note: 'Why it matters.',
  suggestion: 'Remove it.',
  ...extra,
});

const bundle: LexiconBundle = {
  context: {
    language: 'en',
    lists: { person: ['he', 'she', 'guy', 'wife'], orgNouns: ['subsidiary', 'market', 'team'] },
  },
  exclusions: {
    language: 'en',
    exclusions: [
      {
        id: 'exclude.org.cancer',
        phrases: ['cancer center'],
        categories: ['health'],
        why: 'An account name.',
      },
    ],
  },
  files: [
    {
      category: 'health',
      language: 'en',
      exclusions: [],
      entries: [
        entry('health.pregnancy', ['pregnant', 'expecting']),
        entry('health.cancer', ['cancer', 'breast cancer']),
        entry('health.rehab', ['rehab']),
      ],
    },
    {
      category: 'ethnicity',
      language: 'en',
      exclusions: [],
      entries: [
        entry('ethnicity.origin', ['nigerian'], {
          context: { needsPerson: true, unlessFollowedBy: ['@orgNouns'] },
        }),
      ],
    },
    {
      category: 'appearance',
      language: 'en',
      exclusions: [{ id: 'exclude.hot.lead', phrases: ['hot lead'], categories: [], why: 'Pipeline slang.' }],
      entries: [entry('appearance.hot', ['hot'], { context: { needsPerson: true } })],
    },
    {
      category: 'family_status',
      language: 'en',
      exclusions: [],
      entries: [
        entry('family_status.engaged', ['engaged'], {
          context: { requireNear: ['(got|getting|just)'], window: 2 },
        }),
        entry('family_status.divorce', ['divorce'], {
          context: { unlessPrecededBy: ['contract'], unlessNear: ['app'] },
        }),
      ],
    },
    {
      category: 'derogatory',
      language: 'en',
      exclusions: [],
      entries: [entry('derogatory.idiot', ['(total|complete|) idiot', 'moron'], { severity: 'medium' })],
    },
    {
      category: 'profanity',
      language: 'en',
      exclusions: [],
      entries: [
        entry('profanity.censored', [], { patterns: ['\\bf(?<hit>[*#@]+)(?:ing|in)?\\b'], severity: 'low' }),
        entry('profanity.bullshit', ['bullshit']),
      ],
    },
    {
      category: 'financial_hardship',
      language: 'en',
      exclusions: [],
      entries: [entry('financial_hardship.bankruptcy', ['bankruptcy'])],
    },
  ],
};

const classifier = createClassifier({ lexicons: bundle, detectors: [] });
const spans = (text: string) =>
  classifier.scanText(text).map((f) => [f.category, text.slice(f.start, f.end)]);

describe('phrase matching over stems', () => {
  it.each([
    ['She is pregnant.', [['health', 'pregnant']]],
    ['Two idiots on the call', [['derogatory', 'idiots']]],
    ['what a total idiot', [['derogatory', 'total idiot']]],
    ['He had breast cancer last year', [['health', 'breast cancer']]],
    ['NO FINDINGS HERE, just a renewal', []],
  ])('%s', (text, expected) => expect(spans(text)).toEqual(expected));
});

describe('obfuscation is undone but offsets stay in the original text', () => {
  it.each([
    ['leetspeak', 'what a m0r0n he is', [['derogatory', 'm0r0n']]],
    ['symbols inside a word', 'he is a 1d!0t', [['derogatory', '1d!0t']]],
    ['spaced letters', 'went to r e h a b in May', [['health', 'r e h a b']]],
    ['zero-width characters', 'she is preg\u200Bnant', [['health', 'preg\u200Bnant']]],
    ['Cyrillic look-alikes', 'she is рregnаnt', [['health', 'рregnаnt']]],
    ['full-width letters', 'she is ｐｒｅｇｎａｎｔ', [['health', 'ｐｒｅｇｎａｎｔ']]],
    ['emoji before the span (surrogate pairs)', '😀😀 she is pregnant', [['health', 'pregnant']]],
    ['all caps', 'SHE IS PREGNANT', [['health', 'PREGNANT']]],
  ])('%s', (_name, text, expected) => expect(spans(text)).toEqual(expected));

  it('lowers confidence for leetspeak', () => {
    const [plain] = classifier.scanText('a moron');
    const [leet] = classifier.scanText('a m0r0n');
    expect(leet?.confidence).toBeLessThan(plain?.confidence ?? 0);
  });
});

describe('bounded fuzzy matching', () => {
  it('matches one-edit misspellings of long words, with lower confidence', () => {
    const [f] = classifier.scanText('filed for bankrupcty');
    expect(f).toMatchObject({ category: 'financial_hardship', ruleId: 'financial_hardship.bankruptcy' });
    expect(f?.confidence).toBeLessThan(0.85);
    expect(spans('filed for bankrupcy')).toEqual([['financial_hardship', 'bankrupcy']]);
  });

  it('does not fuzz short words or two-edit distances', () => {
    expect(spans('she is prenat')).toEqual([]);
    expect(spans('filed for bnkrupcy')).toEqual([]);
  });
});

describe('context rules', () => {
  it('needsPerson: fires only when a person is the subject', () => {
    expect(spans('He is Nigerian.')).toEqual([['ethnicity', 'Nigerian']]);
    expect(spans('Talked to Femi, Nigerian by birth')).toEqual([['ethnicity', 'Nigerian']]);
    expect(spans('Nigerian rollout planned.')).toEqual([]);
  });

  it('unlessFollowedBy: org nouns after the word suppress it', () => {
    expect(spans('Her Nigerian subsidiary signed.')).toEqual([]);
  });

  it('exclusions mask the category inside organisation names and idioms', () => {
    expect(spans('Harbor Cancer Center RFP')).toEqual([]);
    expect(spans('He is a hot lead')).toEqual([]);
    expect(spans('he is hot')).toEqual([['appearance', 'hot']]);
  });

  it('requireNear: needs a cue within the window', () => {
    expect(spans('she just got engaged')).toEqual([['family_status', 'engaged']]);
    expect(spans('the buyer is engaged and responsive')).toEqual([]);
  });

  it('unlessPrecededBy and unlessNear', () => {
    expect(spans('going through a divorce')).toEqual([['family_status', 'divorce']]);
    expect(spans('the contract divorce clause')).toEqual([]);
    expect(spans('the divorce app')).toEqual([]);
  });

  it('never looks across a sentence break', () => {
    expect(spans('She called. Nigerian rollout next.')).toEqual([]);
  });
});

describe('patterns', () => {
  it('uses the named group `hit` as the span and keeps word boundaries', () => {
    expect(spans('a f***ing mess')).toEqual([['profanity', '***']]);
    expect(spans('this is bullsh!t')).toEqual([['profanity', 'bullsh!t']]);
  });
});

describe('tuning per organisation', () => {
  it('drops allow-listed phrases, disabled categories, and applies severity overrides', () => {
    const text = 'He is a moron and she is pregnant';
    expect(classifier.scanText(text, { allowList: ['Moron'] }).map((f) => f.category)).toEqual(['health']);
    expect(classifier.scanText(text, { disabledCategories: ['health'] }).map((f) => f.category)).toEqual([
      'derogatory',
    ]);
    // Every candidate inside an allowed occurrence goes, not only the one with that exact span;
    // the same word elsewhere, or inside a longer word, is still found.
    const inner = 'He is a total idiot. Their CFO is an idiot.';
    expect(classifier.scanText(inner).map((f) => inner.slice(f.start, f.end))).toEqual([
      'total idiot',
      'idiot',
    ]);
    expect(
      classifier
        .scanText(inner, { allowList: ['total idiot'] })
        .map((f) => [f.start, inner.slice(f.start, f.end)]),
    ).toEqual([[inner.lastIndexOf('idiot'), 'idiot']]);
    const [d] = classifier.scanText(text, { severityOverrides: { derogatory: 'low' } });
    expect(d?.severity).toBe('low');
  });
});

describe('records', () => {
  it('scans every field of a lead and names the field on each finding', () => {
    const findings = classifier.scanRecord({
      id: 'l1',
      kind: 'lead',
      fields: { Company: 'Acme', Description: 'CFO is pregnant', Notes__c: 'a moron' },
    });
    expect(findings.map((f) => [f.field, f.category, f.start, f.end])).toEqual([
      ['Description', 'health', 7, 15],
      ['Notes__c', 'derogatory', 2, 7],
    ]);
  });

  it('is deterministic and findings never overlap', () => {
    const text = 'total idiot, moron, pregnant, bullshit, f***ing, '.repeat(20);
    const a = classifier.scanText(text);
    expect(classifier.scanText(text)).toEqual(a);
    for (let i = 1; i < a.length; i++) expect((a[i]?.start ?? 0) >= (a[i - 1]?.end ?? 0)).toBe(true);
  });

  it('carries the rule id, message, suggestion, severity and a confidence in 0..1', () => {
    const [f] = classifier.scanText('she is pregnant');
    expect(f).toEqual({
      category: 'health',
      start: 7,
      end: 15,
      severity: 'high',
      confidence: 0.85,
      ruleId: 'health.pregnancy',
      message: 'Why it matters.',
      suggestion: 'Remove it.',
    });
  });
});

describe('tokeniser edges', () => {
  it('keeps "$18k" a number and trailing "!" punctuation', async () => {
    const { tokenise } = await import('../../lambdas/classifier/tokenise.js');
    const text = 'Budget $18k!! p@rty animal! @ss';
    expect(tokenise(text.toLowerCase()).map((t) => t.surface)).toEqual([
      'budget',
      '18k',
      'p@rty',
      'animal',
      '@ss',
    ]);
  });

  it('merges spaced and dotted single letters but not two of them', async () => {
    const { tokenise } = await import('../../lambdas/classifier/tokenise.js');
    const text = 'got a D.U.I. and r e h a b, plan A B';
    expect(tokenise(text.toLowerCase()).map((t) => t.surface)).toEqual([
      'got',
      'a',
      'dui',
      'and',
      'rehab',
      'plan',
      'a',
      'b',
    ]);
  });
});

describe('engine options the lexicons rely on', () => {
  it('needsPerson accepts a name that starts the sentence when a verb follows', () => {
    expect(spans('Femi says Nigerian food is best.')).toEqual([['ethnicity', 'Nigerian']]);
    expect(spans('Acme is Nigerian.')).toEqual([]);
    expect(spans('Nigerian rollout next.')).toEqual([]);
  });

  it('joins hyphen-separated letters too', () => {
    expect(spans('went to r-e-h-a-b')).toEqual([['health', 'r-e-h-a-b']]);
  });
});

describe('pattern options', () => {
  const withPatterns = createClassifier({
    detectors: [],
    lexicons: {
      ...bundle,
      files: [
        {
          category: 'sexual_orientation',
          language: 'en',
          exclusions: [],
          entries: [
            entry('sexual_orientation.bi', [], {
              patterns: ["(?<=\\b(?:he|she)(?:'s| is) )bi\\b"],
              caseSensitive: true,
              anchors: [' bi'],
            }),
          ],
        },
      ],
    },
  });
  const found = (t: string) => withPatterns.scanText(t).map((f) => t.slice(f.start, f.end));

  it('caseSensitive patterns see the original case ("BI" the product is not "bi")', () => {
    expect(found("she's bi")).toEqual(['bi']);
    expect(found("she's BI lead")).toEqual([]);
  });

  it('anchors skip the regex when the note lacks them', () => {
    const anchored = createClassifier({
      detectors: [],
      lexicons: {
        ...bundle,
        files: [
          {
            category: 'sexual_orientation',
            language: 'en',
            exclusions: [],
            entries: [entry('sexual_orientation.bi', [], { patterns: ['\\bbi\\b'], anchors: ['zzz'] })],
          },
        ],
      },
    });
    expect(anchored.scanText("she's bi")).toEqual([]);
    expect(anchored.scanText("zzz she's bi").map((f) => f.start)).toEqual([10]);
  });
});

describe('precededBy and followedBy (lookarounds written as words)', () => {
  const cues = createClassifier({
    detectors: [],
    lexicons: {
      ...bundle,
      files: [
        {
          category: 'age',
          language: 'en',
          exclusions: [],
          entries: [
            entry('age.stated', [], {
              patterns: ['(?<= )[2-9]\\d\\b'],
              anchors: ['he'],
              context: { precededBy: ['(he|she) (s|is)', 'she s (about|like)'] },
            }),
          ],
        },
        {
          category: 'health',
          language: 'en',
          exclusions: [],
          entries: [
            entry('health.expecting', ['expecting'], {
              context: { precededBy: ['(is|s)'], followedBy: ['(twins|a baby)', 'in (may|june)'] },
            }),
          ],
        },
      ],
    },
  });
  const found = (t: string) => cues.scanText(t).map((f) => [f.category, t.slice(f.start, f.end)]);

  it('precededBy: fires only when a phrase ends right before the match', () => {
    expect(found("He's 45 and sharp.")).toEqual([['age', '45']]);
    expect(found('she is 52')).toEqual([['age', '52']]);
    expect(found("She's about 30.")).toEqual([['age', '30']]);
    expect(found("He's about 30.")).toEqual([]);
    expect(found('he is now 45')).toEqual([]);
    expect(found('Version is 45')).toEqual([]);
  });

  it('precededBy never looks across a sentence break', () => {
    expect(found('Call him. 45 seats')).toEqual([]);
    expect(found('It is he. 45 seats')).toEqual([]);
  });

  it('followedBy: fires only when a phrase starts right after the match, in the same sentence', () => {
    expect(found('She is expecting twins.')).toEqual([['health', 'expecting']]);
    expect(found("she's expecting in June")).toEqual([['health', 'expecting']]);
    expect(found('She is expecting the PO.')).toEqual([]);
    expect(found('She is expecting. Twins are fine.')).toEqual([]);
    expect(found('expecting twins')).toEqual([]);
  });
});

describe('pattern anchors and shared regexes', () => {
  const patternEntry = (id: string, anchors: string[] | undefined, pattern = '\\bbi\\b') =>
    entry(id, [], anchors ? { patterns: [pattern], anchors } : { patterns: [pattern] });
  const build = (entries: ReturnType<typeof entry>[]) =>
    createClassifier({
      detectors: [],
      lexicons: {
        ...bundle,
        files: [{ category: 'sexual_orientation', language: 'en', exclusions: [], entries }],
      },
    });
  const ids = (c: ReturnType<typeof build>, t: string) => c.scanText(t).map((f) => f.ruleId);

  it('a word anchor is found inside a longer word, a symbol anchor anywhere in the note', () => {
    const c = build([
      patternEntry('sexual_orientation.word', ['ually']),
      patternEntry('sexual_orientation.symbol', ["'s b"], '\\bbi\\b(?=!)'),
    ]);
    expect(ids(c, 'usually bi')).toEqual(['sexual_orientation.word']);
    expect(ids(c, 'she is bi')).toEqual([]);
    expect(ids(c, "she's bi!")).toEqual(['sexual_orientation.symbol']);
  });

  it('an "=word" anchor needs that whole word, read as its key (stemmed, leetspeak, or up to a symbol)', () => {
    const c = build([patternEntry('sexual_orientation.exact', ['=af', '=was'], '\\bbi\\b')]);
    expect(ids(c, 'after all bi')).toEqual([]); // "af" inside a word is not the word
    expect(ids(c, 'bi af')).toEqual(['sexual_orientation.exact']);
    expect(ids(c, 'bi af!lol')).toEqual(['sexual_orientation.exact']);
    expect(ids(c, 'bi w4s')).toEqual(['sexual_orientation.exact']); // leetspeak "was"
    expect(ids(c, 'bi wasn')).toEqual([]);
  });

  it("a pattern's own anchors replace the entry's", () => {
    const c = build([
      entry('sexual_orientation.own', [], {
        patterns: [{ regex: '\\bbi\\b', anchors: ['zzz'] }, '\\bbisexual\\b'],
        anchors: ['bisex'],
      }),
    ]);
    expect(ids(c, 'bi')).toEqual([]);
    expect(ids(c, 'bi zzz')).toEqual(['sexual_orientation.own']);
    expect(ids(c, 'bisexual')).toEqual(['sexual_orientation.own']);
  });

  it('a symbol anchor holding a run of letters is searched only when a word holds that run', () => {
    const c = build([patternEntry('sexual_orientation.gated', ['x*yz'])]);
    expect(ids(c, 'x*yz bi')).toEqual(['sexual_orientation.gated']);
    expect(ids(c, 'xyz bi')).toEqual([]);
    expect(ids(c, 'x* yz bi')).toEqual([]);
  });

  it('runs a regex shared by several entries once, for the entries whose anchors the note has', () => {
    const lexicon = compileLexicon({
      ...bundle,
      files: [
        {
          category: 'sexual_orientation',
          language: 'en',
          exclusions: [],
          entries: [
            patternEntry('sexual_orientation.a', ['openly']),
            patternEntry('sexual_orientation.b', ['also']),
            patternEntry('sexual_orientation.c', undefined),
          ],
        },
      ],
    });
    expect(lexicon.patternIndex.groups).toHaveLength(1);
    const matcher = new LexiconMatcher(lexicon);
    const rules = (t: string) => {
      const view = normalise(t);
      return matcher.match(view.lower, tokenise(view.lower), view.text).map((c) => c.ruleId);
    };
    expect(rules('openly bi')).toEqual(['sexual_orientation.a', 'sexual_orientation.c']);
    expect(rules('also bi')).toEqual(['sexual_orientation.b', 'sexual_orientation.c']);
    expect(rules('bi')).toEqual(['sexual_orientation.c']);
  });
});

describe('numbers (kept out of the token cache)', () => {
  const numbers = createClassifier({
    detectors: [],
    lexicons: {
      ...bundle,
      files: [
        {
          category: 'age',
          language: 'en',
          exclusions: [],
          entries: [
            entry('age.over', ['(anyone|everyone) over (40|50)'], { context: { unlessFollowedBy: ['365'] } }),
            entry('age.stated', [], {
              patterns: ['\\b[2-9]\\d\\b'],
              anchors: ['he'],
              context: { followedBy: ['and'] },
            }),
          ],
        },
      ],
    },
  });
  const found = (t: string) => numbers.scanText(t).map((f) => t.slice(f.start, f.end));

  it('still match as phrase words, context words and pattern hits', () => {
    expect(found('not for anyone over 40, sadly')).toEqual(['anyone over 40']);
    expect(found('anyone over 40 365 days a year')).toEqual([]);
    expect(found('anyone over 41')).toEqual([]);
    expect(found('he is 45 and 12345 other numbers')).toEqual(['45']);
  });
});
