/**
 * Lexicon phrase syntax: lower-case words separated by single spaces; "(a|b c|)" is a group of
 * alternatives (may contain spaces; an empty alternative makes it optional). Groups don't nest.
 * Returns every expansion, or an error message saying what is wrong.
 */
export function expandPhrase(phrase: string): string[] | string {
  if (phrase !== phrase.trim() || phrase.includes('  ')) return 'has extra spaces';
  if (phrase !== phrase.toLowerCase()) return 'must be lower-case';
  if (phrase.normalize('NFKC') !== phrase) return 'must be NFKC-normalised';
  let variants = [''];
  let i = 0;
  while (i < phrase.length) {
    const open = phrase.indexOf('(', i);
    const literal = open === -1 ? phrase.slice(i) : phrase.slice(i, open);
    if (literal.includes(')') || literal.includes('|')) return 'has ")" or "|" outside a group';
    variants = variants.map((v) => v + literal);
    if (open === -1) break;
    const close = phrase.indexOf(')', open);
    if (close === -1) return 'has an unclosed "("';
    const body = phrase.slice(open + 1, close);
    if (body.includes('(')) return 'nests groups';
    const alternatives = body.split('|');
    if (alternatives.length < 2) return 'has a group without "|"';
    variants = variants.flatMap((v) => alternatives.map((a) => v + a));
    if (variants.length > 256) return 'expands to more than 256 variants';
    i = close + 1;
  }
  // Most variants have no doubled or edge spaces (only empty alternatives make them): skip the regex then.
  const cleaned = variants
    .map((v) => (v.includes('  ') || v.trim() !== v ? v.replace(/ {2,}/g, ' ').trim() : v))
    .filter((v) => v !== '');
  if (cleaned.length === 0) return 'expands to nothing';
  return [...new Set(cleaned)];
}
