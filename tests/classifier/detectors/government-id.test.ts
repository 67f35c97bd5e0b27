import { describe, expect, it } from 'vitest';
import { canadaSinDetector } from '../../../lambdas/classifier/detectors/canada-sin.js';
import { driversLicenceDetector } from '../../../lambdas/classifier/detectors/drivers-licence.js';
import { passportDetector } from '../../../lambdas/classifier/detectors/passport.js';
import { spainDniDetector } from '../../../lambdas/classifier/detectors/spain-dni.js';
import { ssnDetector } from '../../../lambdas/classifier/detectors/ssn.js';
import { ukNinoDetector } from '../../../lambdas/classifier/detectors/uk-nino.js';
import { detected } from './detect.js';

describe('SSN / ITIN', () => {
  it.each([
    ['SSN 078-05-1120 on the form', ['078-05-1120']],
    ['his social security number: 219-09-9999', ['219-09-9999']],
    ['ssn# 078 05 1120 for the credit check', ['078 05 1120']],
    ['ssn 078051120 (bare digits, with a cue)', ['078051120']],
    ['read out: 0 7 8 - 0 5 - 1 1 2 0', ['0 7 8 - 0 5 - 1 1 2 0']],
    ['SSN ０７８-０５-１１２０ typed full-width', ['０７８-０５-１１２０']],
    ['ITIN 912-70-1234, pay via 1099', ['912-70-1234']],
    ['contractor 078-05-1120 needs a W-9', ['078-05-1120']],
  ])('%s', (text, expected) => expect(detected(ssnDetector, text)).toEqual(expected));

  it.each([
    'test data uses 666-12-3456 and 000-12-3456',
    'dummy 987-65-4321 in the demo tenant',
    'group 00 is never issued: 123-00-4567, serial 0000: 123-45-0000',
    'call 773-555-0148 tomorrow',
    'order 123456789 shipped',
    'ticket #48213-22-1190 still open',
    'card 4111 1111 1111 1111',
  ])('no SSN in: %s', (text) => expect(detected(ssnDetector, text)).toEqual([]));
});

describe('passports, licences, national ids', () => {
  it.each([
    [passportDetector, 'passport no. A47193285, exp 2031', ['A47193285']],
    [passportDetector, 'Passport number: 533380006', ['533380006']],
    [passportDetector, 'passport #GB1234567', ['GB1234567']],
    [driversLicenceDetector, 'CA DL D4417826 for the van', ['D4417826']],
    [driversLicenceDetector, "driver's license no. 123456789", ['123456789']],
    [driversLicenceDetector, 'Driving licence: MORGA753116SM9IJ', []],
    [ukNinoDetector, 'NI number JT 48 72 91 B, day rate £550', ['JT 48 72 91 B']],
    [ukNinoDetector, 'ni no. wk630418a', ['wk630418a']],
    [canadaSinDetector, 'sent his SIN 046 454 286 by email', ['046 454 286']],
    [spainDniDetector, 'DNI 49928670V, falta el sello', ['49928670V']],
    [spainDniDetector, 'NIE X1234567L', ['X1234567L']],
  ] as const)('%#: %s', (detector, text, expected) => expect(detected(detector, text)).toEqual(expected));

  it.each([
    [passportDetector, 'passport renewal is due, see travel policy'],
    [passportDetector, 'passport photos 123'],
    [driversLicenceDetector, 'the DL list (download) is ready'],
    [ukNinoDetector, 'QQ 12 34 56 A is the HMRC format example, never issued'],
    [ukNinoDetector, 'part AB 12 34 56 E'],
    [canadaSinDetector, 'SIN 046 454 287 (fails Luhn)'],
    [canadaSinDetector, 'quote 046 454 286 for the order'],
    [spainDniDetector, 'DNI 49928670A (wrong letter)'],
    [spainDniDetector, 'SKU 49928670V'],
  ] as const)('%#: nothing in %s', (detector, text) => expect(detected(detector, text)).toEqual([]));
});
