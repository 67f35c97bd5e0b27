/**
 * An ABA routing number: 9 digits, a Federal Reserve prefix (00–12, 21–32, 61–72, 80) and the
 * 3-7-1 weighted checksum.
 */
export function abaValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const prefix = Number(digits.slice(0, 2));
  const prefixOk =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!prefixOk) return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (w[i % 3] as number);
  return sum % 10 === 0 && digits !== '000000000';
}
