/** The card network a number belongs to, by IIN range and length; null for anything else (order numbers). */
export function cardIssuer(digits: string): string | null {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'Visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'Mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'American Express';
  if (
    (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) &&
    n >= 16 &&
    n <= 19
  )
    return 'Discover';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'JCB';
  if ((p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305) || p3 === 309) && n >= 14 && n <= 19)
    return 'Diners Club';
  if (p2 === 62 && n >= 16 && n <= 19) return 'UnionPay';
  if (
    (p4 === 5018 ||
      p4 === 5020 ||
      p4 === 5038 ||
      p4 === 5893 ||
      p4 === 6304 ||
      p4 === 6759 ||
      p4 === 6761 ||
      p4 === 6762 ||
      p4 === 6763) &&
    n >= 12 &&
    n <= 19
  )
    return 'Maestro';
  return null;
}
