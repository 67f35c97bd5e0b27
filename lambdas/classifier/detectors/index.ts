import type { Detector } from './detector.js';

// Placeholder list until the identifier detectors land (the detectors author replaces this file).
export const PII_DETECTORS: readonly Detector[] = [];
