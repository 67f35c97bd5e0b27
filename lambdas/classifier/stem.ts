// The one place NoteGuard touches `natural`: a deep import of the Porter stemmer only, because
// `import natural from 'natural'` loads every submodule (19 MB, 0.8 s, dotenv banners on stdout).
// @ts-expect-error natural ships no types for its deep paths
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const stemmer = porter as { stem(token: string): string };

// Porter's implementation is quadratic on a long token without vowels (16K letters: 0.7 s); no
// lexicon word is anywhere near this long, so such a token is left as it is.
const MAX_STEMMED = 40;

export function stem(token: string): string {
  return token.length > MAX_STEMMED ? token : stemmer.stem(token);
}
