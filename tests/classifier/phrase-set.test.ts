import { describe, expect, it } from 'vitest';
import { phraseSetOf, SequenceTableBuilder, startingWith } from '../../lambdas/classifier/phrase-set.js';

describe('startingWith', () => {
  const builder = new SequenceTableBuilder();
  const ids = ['he is', 'she is', 'he was', 'is', 'he said', 'he'].map((p) => builder.idOf(p.split(' ')));
  const { table } = builder;
  // A list holding some of the table's sequences that start with "he", and others.
  const set = phraseSetOf(table, [ids[4], ids[0], ids[3], ids[5]] as number[]);

  it("gives only the list's own sequences with that first key, in table order", () => {
    expect(startingWith(set, table, 'he').map((id) => table.sequences[id]?.join(' '))).toEqual([
      'he is',
      'he said',
      'he',
    ]);
    expect(startingWith(set, table, 'is')).toEqual([ids[3]]);
  });

  it('gives nothing for a first key the list does not have, even if the table does', () => {
    expect(startingWith(set, table, 'she')).toEqual([]);
    expect(startingWith(set, table, 'was')).toEqual([]);
  });
});
