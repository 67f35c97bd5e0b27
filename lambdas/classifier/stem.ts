// The one place NoteGuard touches `natural`: a deep import of the Porter stemmer only, because
// `import natural from 'natural'` loads every submodule (19 MB, 0.8 s, dotenv banners on stdout).
// @ts-expect-error natural ships no types for its deep paths
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const stemmer = porter as { stem(token: string): string };

export function stem(token: string): string {
  return stemmer.stem(token);
}
