import { describe, expect, it } from 'vitest';
import { phraseSurfaces } from '../../lambdas/classifier/lexicon-compile.js';
import { loadLexicons } from '../../lambdas/classifier/lexicon-load.js';
import { expandPhrase } from '../../lambdas/classifier/phrase.js';
import { tokenise } from '../../lambdas/classifier/tokenise.js';

const viaTokeniser = (phrase: string) => tokenise(phrase).map((t) => t.surface);

describe('phraseSurfaces (the compile fast path) splits phrases exactly as the tokeniser does', () => {
  it.each([
    'drunk',
    'out on chemo',
    'r e h a b',
    'a b c',
    'a b',
    'x 2 y z',
    'h-1b visa',
    'd.u.i',
    'p@rty animal',
    'sh!t',
    '401k plan',
    'café owner',
  ])('%s', (phrase) => {
    expect(phraseSurfaces(phrase)).toEqual(viaTokeniser(phrase));
  });

  it('on every phrase of the bundled lexicons', () => {
    const bundle = loadLexicons();
    const phrases = [
      ...bundle.files.flatMap((f) => [
        ...f.entries.flatMap((e) => e.phrases),
        ...f.exclusions.flatMap((x) => x.phrases),
      ]),
      ...bundle.exclusions.exclusions.flatMap((x) => x.phrases),
      ...Object.values(bundle.context.lists).flat(),
    ];
    let checked = 0;
    for (const raw of phrases) {
      const expanded = expandPhrase(raw);
      if (typeof expanded === 'string') continue;
      for (const phrase of expanded) {
        if (phraseSurfaces(phrase).join('\u0000') !== viaTokeniser(phrase).join('\u0000'))
          expect(phraseSurfaces(phrase), phrase).toEqual(viaTokeniser(phrase));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
