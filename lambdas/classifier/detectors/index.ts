import { canadaSinDetector } from './canada-sin.js';
import { credentialsDetector } from './credentials.js';
import { dateOfBirthDetector } from './date-of-birth.js';
import type { Detector } from './detector.js';
import { driversLicenceDetector } from './drivers-licence.js';
import { ibanDetector } from './iban.js';
import { passportDetector } from './passport.js';
import { paymentCardDetector } from './payment-card.js';
import { personalContactDetector } from './personal-contact.js';
import { spainDniDetector } from './spain-dni.js';
import { ssnDetector } from './ssn.js';
import { ukNinoDetector } from './uk-nino.js';
import { usBankAccountDetector } from './us-bank-account.js';

/** Every identifier detector, one per file (Presidio's recognizer shape: pattern + validate + context). */
export const PII_DETECTORS: readonly Detector[] = [
  ssnDetector,
  passportDetector,
  driversLicenceDetector,
  ukNinoDetector,
  canadaSinDetector,
  spainDniDetector,
  paymentCardDetector,
  ibanDetector,
  usBankAccountDetector,
  credentialsDetector,
  dateOfBirthDetector,
  personalContactDetector,
];
