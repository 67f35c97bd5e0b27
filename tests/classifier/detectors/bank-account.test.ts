import { describe, expect, it } from 'vitest';
import { ibanDetector } from '../../../lambdas/classifier/detectors/iban.js';
import { usBankAccountDetector } from '../../../lambdas/classifier/detectors/us-bank-account.js';
import { detected } from './detect.js';

describe('IBAN', () => {
  it.each([
    ['IBAN DE89 3704 0044 0532 0130 00, BIC on file', ['DE89 3704 0044 0532 0130 00']],
    ['pay GB82WEST12345698765432 please', ['GB82WEST12345698765432']],
    ['mon IBAN perso : FR14 2004 1010 0505 0001 3M02 606.', ['FR14 2004 1010 0505 0001 3M02 606']],
    ['Swiss one: CH93 0076 2011 6238 5295 7 BIC UBSWCHZH', ['CH93 0076 2011 6238 5295 7']],
    ['lower case nl91 abna 0417 1643 00', ['nl91 abna 0417 1643 00']],
  ])('%s', (text, expected) => expect(detected(ibanDetector, text)).toEqual(expected));

  it.each([
    'IBAN DE89 3704 0044 0532 0130 01 (bad check digits)',
    'PO DE12 3456 7890 1234 5678 90',
    'ticket AB12 3456 7890 1234',
    'XX89370400440532013000 is not a country',
  ])('no IBAN in: %s', (text) => expect(detected(ibanDetector, text)).toEqual([]));
});

describe('routing, account and sort code numbers', () => {
  it.each([
    ['routing 011000015, acct 261137491427', ['011000015', '261137491427']],
    ['ABA# 021000021 / account no. 000123456789', ['021000021', '000123456789']],
    ['sort code 20-45-77, acct 41385912', ['20-45-77', '41385912']],
    ['his checking account 4412337761 at Chase', ['4412337761']],
    ['bank wire: accountno 55501234, routingno 021000021', ['55501234', '021000021']],
    ['savings ACCTNUMBER 9988776655', ['9988776655']],
  ])('%s', (text, expected) =>
    expect(detected(usBankAccountDetector, text).sort()).toEqual([...expected].sort()));

  it.each([
    'routing 123456789 (fails the checksum)',
    'account 100234 renewal is due (a CRM account id)',
    'Acct# 4412337761 owner is Dana, renewal in May',
    'invoice 261137491427 and PO 41385912',
  ])('nothing in: %s', (text) => expect(detected(usBankAccountDetector, text)).toEqual([]));
});
