import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesOf, windowBefore } from '../../../lambdas/classifier/detectors/cues.js';
import type { Detector } from '../../../lambdas/classifier/detectors/detector.js';
import { PII_DETECTORS } from '../../../lambdas/classifier/detectors/index.js';
import { noteBitsOf, WordCueTable } from '../../../lambdas/classifier/detectors/word-cues.js';
import { normalise } from '../../../lambdas/classifier/normalise.js';
import { tokenise } from '../../../lambdas/classifier/tokenise.js';
import { devCorpusTexts } from '../../helpers/dev-corpus.js';
import { ALL_CUES, detectGated } from './detect.js';

// Cue words in the shapes reps write them, values the detectors accept, and the characters that
// decide word boundaries (symbols, accents, underscores): what a gate could get wrong.
const CUES = [
  'pw',
  'PW:',
  'password',
  'Pass code',
  'door code',
  'api key',
  'apiKey=',
  'secret',
  'access key',
  'token',
  'login',
  'admin /',
  'xoxb-',
  '-----BEGIN PRIVATE KEY-----',
  'routing',
  'ABA #',
  'sort code',
  'acct',
  'a/c',
  'account no.',
  'accountno',
  'ACCTNUMBER:',
  'acc #',
  'routingno',
  'transit number',
  'wi-ficode',
  'Wi-Fi code',
  'wifi code',
  'gatecode',
  'PINs',
  'pin code',
  'passcodes',
  'passwords:',
  'passwd=',
  'pwd',
  'apikey',
  'creds',
  'credentials',
  'bank',
  'checking',
  'DOB',
  'd.o.b.',
  'b.',
  'b-day',
  "b'day",
  'born on',
  'born in',
  'yob:',
  'year of birth',
  'date of birth',
  'DL',
  'd/l',
  "driver's license",
  'licence no',
  'SIN',
  's.i.n.',
  'social insurance number',
  'DNI',
  'd.n.i.',
  'NIE',
  'national id',
  'id card',
  'documento',
  'passport no',
  'PASSPORT#',
  'license#',
  'licenceno',
  'licences',
  'DRIVERSLICENSE',
  'drivinglicence no',
  'driver license#',
  '[dot]',
  'a/c#',
  'cell',
  'home',
  'lives at',
  'his own',
  'her place',
  'wife',
  'mobile',
  'office',
  'card',
  'cvv',
  'CVV2:',
  'cvc',
  'CID',
  'csc#',
  'security code',
  'Security Code=',
  'ssn',
  'itin',
];
const VALUES = [
  '536-22-8471',
  '046 454 286',
  '12345678Z',
  'X1234567L',
  '4111 1111 1111 1111',
  '123',
  '021000021',
  '12-34-56',
  '12345678',
  '(415) 555-0132',
  '+44 7700 900123',
  '12 Oak Street',
  '04/22/1956',
  '1956',
  'Summer2024!',
  'hunter2',
  '0917',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  'dana@gmail.com',
  'dana at gmail dot com',
  'GB82 WEST 1234 5698 7654 32',
  'QQ 12 34 56 C',
  'D4417826',
  'Tomás',
  'épass',
];
const GLUE = [' ', ': ', '\n', '.', '-', '', 'é', '/', '#', '_', ' is ', ', '];

const fragment = fc.oneof(fc.constantFrom(...CUES), fc.constantFrom(...VALUES));
const text = fc
  .array(fc.tuple(fragment, fc.constantFrom(...GLUE)), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.map(([f, g]) => f + g).join(''));

function sameHits(detector: Detector, t: string): boolean {
  const view = normalise(t);
  return JSON.stringify(detectGated(detector, view)) === JSON.stringify(detector.detect(view, ALL_CUES));
}

describe('detector word cues', () => {
  it.each(
    PII_DETECTORS.map((d) => [d.id, d] as const),
  )('%s finds the same with its gates as without, on generated notes', (_, detector) => {
    fc.assert(
      fc.property(text, (t) => sameHits(detector, t)),
      { numRuns: 1500, seed: 20261202 },
    );
  });

  it('finds the same gated and ungated on every text of the dev corpus', () => {
    const texts = devCorpusTexts();
    expect(texts.length).toBeGreaterThan(334);
    const differing = texts.flatMap((t) => PII_DETECTORS.filter((d) => !sameHits(d, t)).map((d) => d.id));
    expect(differing).toEqual([]);
  });

  it('skips a pattern when no word of the note is a cue, and runs it when one is', () => {
    const dl = PII_DETECTORS.find((d) => d.id === 'pii.drivers_licence') as Detector;
    const table = new WordCueTable([dl]);
    const bits = (t: string) => noteBitsOf(table, tokenise(t.toLowerCase()));
    expect(bits('renewal call, 12345678 seats')).toBe(0);
    expect(bits('her DL is D4417826')).not.toBe(0);
    // Spelled-out letters count one by one, as a regex sees them ("d/l" and "d.o.b" alike).
    expect(bits('d l x')).not.toBe(0);
  });

  it('reads a word run by run, so a cue after a symbol or an accent still counts', () => {
    const creds = PII_DETECTORS.find((d) => d.id === 'pii.credentials') as Detector;
    const table = new WordCueTable([creds]);
    expect(table.bitsOf('épass')).not.toBe(0);
    expect(table.bitsOf('x$token')).not.toBe(0);
    expect(table.bitsOf('passage'.slice(4))).toBe(0);
  });

  it('refuses a cue a detector reads but does not declare', () => {
    const table = new WordCueTable(PII_DETECTORS);
    const index = PII_DETECTORS.findIndex((d) => d.id === 'pii.credentials');
    expect(() => table.cuesFor(index, 0).has('nonsense')).toThrow(/does not declare: nonsense/);
  });
});

describe('windowBefore', () => {
  it('drops the part of a word the window edge cuts, so a cue is always a whole word', () => {
    // The 6 characters before "1" start inside "abcdni": "dni" is not a cue there.
    expect(windowBefore('abcdni: 1', 8, 6)).toBe(': ');
    expect(windowBefore('my dni: 1', 8, 6)).toBe(' dni: ');
    expect(windowBefore('dni: 1', 5, 40)).toBe('dni: ');
  });
});

describe('matchesOf', () => {
  it('finds every match on the shared regex and leaves it ready for the next note', () => {
    const re = /\d+/g;
    expect(matchesOf(re, 'a 12 b 345').map((m) => [m[0], m.index])).toEqual([
      ['12', 2],
      ['345', 7],
    ]);
    expect(matchesOf(re, 'no digits')).toEqual([]);
    expect(matchesOf(re, '7').map((m) => m[0])).toEqual(['7']);
  });

  it('steps over empty matches and refuses a regex that is not global', () => {
    expect(matchesOf(/x*/g, 'ab').length).toBe(3);
    expect(() => matchesOf(/\d/, '1')).toThrow(/needs a global regex/);
  });
});
