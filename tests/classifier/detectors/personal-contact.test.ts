import { describe, expect, it } from 'vitest';
import { personalContactDetector } from '../../../lambdas/classifier/detectors/personal-contact.js';
import { detected } from './detect.js';

describe('personal contact details', () => {
  it.each([
    ['after 5pm use her personal cell 773-555-0148 not the office line', ['773-555-0148']],
    ['call his wife Donna at (630) 555-0119, she runs his calendar', ['(630) 555-0119']],
    ["Anjali's personal mobile 07700 900418", ['07700 900418']],
    ['send the quote to his personal gmail tommyk.fishing@gmail.com', ['tommyk.fishing@gmail.com']],
    ['her email is sandra.m.lake at yahoo dot com', ['sandra.m.lake at yahoo dot com']],
    ['reach him on dana.r@hotmail.co.uk over the weekend', ['dana.r@hotmail.co.uk']],
    ['home: 4410 W Cortez St, Phoenix AZ 85031', ['4410 W Cortez St, Phoenix AZ 85031']],
    ["Colin's home address for the hamper: 22 Mossgiel Rd, Leeds LS6 2QT", ['22 Mossgiel Rd, Leeds LS6 2QT']],
    [
      "sending a basket to her house since she's WFH — 9 Orchard Way, Bend OR 97701",
      ['9 Orchard Way, Bend OR 97701'],
    ],
  ])('%s', (text, expected) => expect(detected(personalContactDetector, text)).toEqual(expected));

  it.each([
    'main line (312) 555-0100, ask for Dana',
    'office 773-555-0148, direct line ext 22',
    'email dana@kestrelcold.com for the PO',
    'HQ is at 100 Main Street, Chicago IL 60601',
    'ship the terminals to 1187 Industrial Way, Dock 4',
    'his cell is in the CRM; office at 22 Mossgiel Rd, Leeds LS6 2QT',
    'support@acme.example.com replied',
  ])('nothing in: %s', (text) => expect(detected(personalContactDetector, text)).toEqual([]));
});
