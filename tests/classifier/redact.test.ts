import { describe, expect, it } from 'vitest';
import { maskedPreview, maskSpan, redactText } from '../../lambdas/classifier/redact.js';

describe('redactText', () => {
  it('replaces each span with a placeholder naming its category', () => {
    const text = 'card 4111 1111 1111 1111, she is pregnant.';
    expect(
      redactText(text, [
        { category: 'payment_card', start: 5, end: 24 },
        { category: 'health', start: 33, end: 41 },
      ]),
    ).toBe('card [REDACTED:payment_card], she is [REDACTED:health].');
  });

  it('leaves text without findings unchanged', () => {
    expect(redactText('all good', [])).toBe('all good');
  });
});

describe('maskSpan', () => {
  it.each([
    ['4111 1111 1111 1111', 'payment_card', '**** **** **** 1111'],
    ['536-22-8471', 'government_id', '***-**-****'],
    ['pregnant', 'health', 'p******t'],
    ['gay', 'sexual_orientation', '***'],
    ['Summer2024!', 'credentials', '********'],
    ['DE89370400440532013000', 'bank_account', '******************3000'],
  ] as const)('%s (%s) → %s', (span, category, masked) => {
    expect(maskSpan(span, category)).toBe(masked);
  });
});

describe('maskedPreview', () => {
  it('shows two words of context either side and never the raw span', () => {
    const text = 'Met Dana at the expo. She is pregnant, deal will slip to Q3.';
    const start = text.indexOf('pregnant');
    const preview = maskedPreview(text, { category: 'health', start, end: start + 8 });
    expect(preview).toBe('…She is p******t, deal will…');
    expect(preview).not.toContain('pregnant');
  });

  it('masks other findings that fall inside the context window', () => {
    const text = 'SSN 536-22-8471 pw Summer2024! ok';
    const ssn = { category: 'government_id' as const, start: 4, end: 15 };
    const pw = { category: 'credentials' as const, start: 19, end: 30 };
    const preview = maskedPreview(text, ssn, [ssn, pw]);
    expect(preview).toBe('SSN ***-**-**** pw ********…');
    expect(preview).not.toContain('Summer');
  });
});
