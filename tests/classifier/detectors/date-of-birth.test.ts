import { describe, expect, it } from 'vitest';
import { dateOfBirthDetector } from '../../../lambdas/classifier/detectors/date-of-birth.js';
import { detected } from './detect.js';

describe('dates of birth', () => {
  it.each([
    ["Ed's DOB 04/22/1956 for the guarantee", ['04/22/1956']],
    ['D.O.B: 1979-11-02', ['1979-11-02']],
    ['date of birth 11/30/1968', ['11/30/1968']],
    ['born 14.02.1990', ['14.02.1990']],
    ['she was born on 21st June 1988', ['21st June 1988']],
    ['Hal: b. 4 Jul 1966', ['4 Jul 1966']],
    ['her bday is oct 9th', ['oct 9th']],
    ['birthday: March 12, 1984', ['March 12, 1984']],
    ['Jerry was born in 1958, retiring soon', ['born in 1958']],
    ["she was born in '71 too", ["born in '71"]],
    ['YOB 1963 per the form', ['YOB 1963']],
  ])('%s', (text, expected) => expect(detected(dateOfBirthDetector, text)).toEqual(expected));

  it.each([
    'born in Chicago, raised in Ohio',
    'contract signed 04/22/2024, renewal 04/22/2027',
    'company founded in 1958',
    'the idea was born on a whiteboard in March 2021',
    'birthday party for the team on 6/14',
  ])('nothing in: %s', (text) => expect(detected(dateOfBirthDetector, text)).toEqual([]));
});
