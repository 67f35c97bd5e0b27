import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credentialsDetector } from '../../../lambdas/classifier/detectors/credentials.js';
import { trailingRunStart } from '../../../lambdas/classifier/detectors/cues.js';
import { detected } from './detect.js';

describe('credentials', () => {
  it.each([
    ['pw is Summer2024! for the portal', ['Summer2024!']],
    ['password: hunter22.', ['hunter22']],
    ['temp pw for the shared demo account is welcome1 (user demo)', ['welcome1']],
    ['admin / Ch@ngeMe123 on the POC tenant', ['Ch@ngeMe123']],
    ['user ops_admin / Gr@nite#4471', ['Gr@nite#4471']],
    ['guest wifi pw is FalconGuest2023', ['FalconGuest2023']],
    ['voicemail PIN (0917) so I can check', ['0917']],
    // Cues in capitals: the cue patterns read the lower-cased text, the value keeps its case.
    ['PASSWORD IS Xy7!kqTT for the VPN', ['Xy7!kqTT']],
    ['Username: Dana / Blue#Harbor9', ['Blue#Harbor9']],
    ['door code for the loading dock is 4719#, badge in', ['4719#']],
    ['the pin code is 4719', ['4719']],
    ['PIN code: 0917', ['0917']],
    ['key they pasted: sk_live_51Hx9QpLk2mZr7TbVw0aN3cE', ['sk_live_51Hx9QpLk2mZr7TbVw0aN3cE']],
    [
      'AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ],
    ['token ghp_7Fq2LmZx9RtV4bNc8WkP1sHy6JdQ3aEu0GiT', ['ghp_7Fq2LmZx9RtV4bNc8WkP1sHy6JdQ3aEu0GiT']],
    [
      'bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
      ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ],
  ])('%s', (text, expected) => {
    // The classifier keeps one of overlapping hits (a cue and a key shape on the same value): compare distinct spans.
    expect([...new Set(detected(credentialsDetector, text))].sort()).toEqual([...expected].sort());
  });

  it.each([
    'they want a reset password flow in the portal',
    'SSO login page keeps timing out',
    'password policy requires 12 characters',
    'token-based pricing for API calls',
    'PIN-protected PDFs are a feature request',
    'login: dana@kestrel.example.com, SSO via Okta',
    'the secret sauce is their routing engine',
    'password is the same as the old one',
    'pin the meeting invite to the channel',
  ])('no secret in: %s', (text) => expect(detected(credentialsDetector, text)).toEqual([]));
});

describe('trailingRunStart', () => {
  it('cuts what the regex replace it stands for cuts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '1', '.', '!', '?', ':', ',', ';', ' '), { maxLength: 12 }),
        (parts) => {
          const s = parts.join('');
          expect(s.slice(0, trailingRunStart(s, '.!?:'))).toBe(s.replace(/[.!?:]+$/, ''));
          expect(s.slice(0, trailingRunStart(s, '.,:;?'))).toBe(s.replace(/[.,:;?]+$/, ''));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
