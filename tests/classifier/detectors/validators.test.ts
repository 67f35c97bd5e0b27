import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsOf } from '../../../lambdas/classifier/detectors/cues.js';
import { abaValid } from '../../../lambdas/classifier/detectors/validators/aba.js';
import { cardIssuer } from '../../../lambdas/classifier/detectors/validators/card-issuer.js';
import { ibanValid } from '../../../lambdas/classifier/detectors/validators/iban.js';
import { luhnValid, luhnValidDigits } from '../../../lambdas/classifier/detectors/validators/luhn.js';
import {
  dniValid,
  itinValid,
  ninoValid,
  ssnValid,
} from '../../../lambdas/classifier/detectors/validators/national-ids.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(resolve(process.cwd(), '../shared/fixtures', name), 'utf8'));

describe('published test values (../shared/fixtures)', () => {
  // Every { number, luhnValid? } object in the file, wherever it sits.
  const entries: { number: string; luhnValid?: boolean }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.number === 'string' && /^\d{12,19}$/.test(o.number))
        entries.push(o as { number: string; luhnValid?: boolean });
      Object.values(o).forEach(walk);
    }
  };
  walk(fixture('test-values.cards.json'));

  it('every published card number passes Luhn and has an issuer; the deliberately broken one fails', () => {
    expect(entries.length).toBeGreaterThan(10);
    for (const { number, luhnValid: expected } of entries) {
      expect(luhnValid(number), number).toBe(expected ?? true);
      if (expected !== false) expect(cardIssuer(number), number).not.toBeNull();
    }
    expect(entries.some((e) => e.luhnValid === false)).toBe(true);
  });

  it('every SWIFT registry example IBAN validates, and a one-digit change does not', () => {
    const examples = Object.values(fixture('test-values.iban.json').examples) as {
      iban: string;
      mod97Valid: boolean;
    }[];
    expect(examples.length).toBeGreaterThan(20);
    for (const { iban, mod97Valid } of examples) {
      expect(ibanValid(iban), iban).toBe(mod97Valid);
      const broken = iban.slice(0, -1) + String((Number(iban.at(-1)) + 1) % 10);
      if (/\d$/.test(iban)) expect(ibanValid(broken), broken).toBe(false);
    }
  });
});

describe('validators', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['0', true],
    ['', false],
    ['12a4', false],
  ])('luhn %s → %s', (n, ok) => expect(luhnValid(n)).toBe(ok));

  it('checks the digits of a span, separators and all, as it checks the digits alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('0', '1', '4', '5', '8', '9', ' ', '-', '.', '\n'), { maxLength: 24 }),
        (parts) => {
          const s = parts.join('');
          expect(luhnValidDigits(s)).toBe(luhnValid(digitsOf(s)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['4242424242424242', 'Visa'],
    ['5555555555554444', 'Mastercard'],
    ['2223003122003222', 'Mastercard'],
    ['378282246310005', 'American Express'],
    ['6011111111111117', 'Discover'],
    ['3530111333300000', 'JCB'],
    ['36227206271667', 'Diners Club'],
    ['9999999999999995', null],
    ['1234567812345670', null],
  ])('issuer of %s is %s', (n, issuer) => expect(cardIssuer(n)).toBe(issuer));

  it.each([
    ['011000015', true],
    ['021000021', true],
    ['111000025', true],
    ['110000000', true],
    ['123456789', false],
    ['999999999', false],
    ['000000000', false],
  ])('ABA %s → %s', (n, ok) => expect(abaValid(n)).toBe(ok));

  it.each([
    ['078051120', true],
    ['000123456', false],
    ['666123456', false],
    ['912345678', false],
    ['123004567', false],
    ['123450000', false],
  ])('SSN %s → %s', (n, ok) => expect(ssnValid(n)).toBe(ok));

  it.each([
    ['912701234', true],
    ['912781234', true],
    ['912491234', false],
    ['912931234', false],
    ['812701234', false],
  ])('ITIN %s → %s', (n, ok) => expect(itinValid(n)).toBe(ok));

  it.each([
    ['JT487291B', true],
    ['QQ123456A', false],
    ['BG123456A', false],
    ['AO123456A', false],
    ['AB123456E', false],
  ])('NINO %s → %s', (n, ok) => expect(ninoValid(n)).toBe(ok));

  it.each([
    ['49928670V', true],
    ['49928670A', false],
    ['X1234567L', true],
  ])('DNI %s → %s', (n, ok) => expect(dniValid(n)).toBe(ok));
});
