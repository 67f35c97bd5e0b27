/**
 * Flags over 0..size-1 of which a note sets a few: each set flag is remembered, so clearing them for
 * the next note costs what the note set, not a pass over all of them.
 */
export class NoteFlags {
  private readonly on: Uint8Array;
  private readonly setList: number[] = [];

  constructor(size: number) {
    this.on = new Uint8Array(size);
  }

  set(i: number): void {
    if (this.on[i] === 1) return;
    this.on[i] = 1;
    this.setList.push(i);
  }

  has(i: number): boolean {
    return this.on[i] === 1;
  }

  /** The flags set since the last clear, in the order they were set. */
  get list(): readonly number[] {
    return this.setList;
  }

  clear(): void {
    const { on, setList } = this;
    while (setList.length > 0) on[setList.pop() as number] = 0;
  }
}
