import { describe, expect, it } from 'vitest';
import { paymentCardDetector } from '../../../lambdas/classifier/detectors/payment-card.js';
import { detected } from './detect.js';

describe('payment cards', () => {
  it.each([
    ['card 4111 1111 1111 1111 exp 09/27', ['4111 1111 1111 1111']],
    ['Visa 4242424242424242', ['4242424242424242']],
    ['pls charge MC 5555.5555.5555.4444', ['5555.5555.5555.4444']],
    ['Amex: 3782 822463 10005 (read it to me)', ['3782 822463 10005']],
    ['2-series MC 2223-0031-2200-3222', ['2223-0031-2200-3222']],
    ['Discover 6011 1111 1111 1117', ['6011 1111 1111 1117']],
    ['JCB 3530 1113 3330 0000 CVV 552', ['3530 1113 3330 0000', '552']],
    ['Diners 3622 720627 1667 cvc: 123', ['3622 720627 1667', '123']],
    ['AMEX 3782 822463 10005, cid 8830, zip 30309', ['3782 822463 10005', '8830']],
    ['split over a line: 4111 1111\n1111 1111', ['4111 1111\n1111 1111']],
    ['card 4111 1111 1111 1111 exp 09/27 cvv 318.', ['4111 1111 1111 1111', '318']],
    ['Visa 4242 4242 4242 4242, Security Code: 737', ['4242 4242 4242 4242', '737']],
    ['mc 5555555555554444 CVC2=491 csc 77', ['5555555555554444', '491']],
  ])('%s', (text, expected) => expect(detected(paymentCardDetector, text)).toEqual(expected));

  it.each([
    'order 4000 1234 5678 9011 shipped (fails Luhn)',
    'tracking 1Z999AA10123456784',
    'CVV 318 without a card is just a number',
    'invoice 1234567812345670 paid',
    'phone 773-555-0148 and ext 1234',
    'Luhn-valid but no issuer: 9999 9999 9999 9995',
    'order #4111111111111111 (a Luhn-valid order id)',
  ])('no card in: %s', (text) => expect(detected(paymentCardDetector, text)).toEqual([]));
});
