/** A US SSN: no 000, 666 or 9xx area, no 00 group, no 0000 serial. */
export function ssnValid(d: string): boolean {
  if (!/^\d{9}$/.test(d)) return false;
  const area = Number(d.slice(0, 3));
  return area !== 0 && area !== 666 && area < 900 && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

/** A US ITIN: 9xx area with group 50–65, 70–88, 90–92 or 94–99. */
export function itinValid(d: string): boolean {
  if (!/^9\d{8}$/.test(d)) return false;
  const g = Number(d.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** A UK National Insurance number (HMRC NIM39110 prefix rules), compact and upper-case. */
export function ninoValid(c: string): boolean {
  const m = /^([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])\d{6}[A-D]$/.exec(c);
  if (!m) return false;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(c.slice(0, 2));
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** A Spanish DNI (8 digits + check letter) or NIE (X/Y/Z + 7 digits + letter). */
export function dniValid(c: string): boolean {
  const m = /^([XYZ]|\d)(\d{7})([A-Z])$/.exec(c);
  if (!m) return false;
  const lead = { X: '0', Y: '1', Z: '2' }[m[1] as 'X' | 'Y' | 'Z'] ?? m[1];
  return DNI_LETTERS[Number(`${lead}${m[2]}`) % 23] === m[3];
}
