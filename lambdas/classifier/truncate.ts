/**
 * Cuts `array` to `length` elements (no-op if it is that short). Setting `array.length` calls into
 * the runtime, ~40 ns even on an empty array; popping is compiled inline. A scan resets half a
 * dozen reused arrays per note, so it is done this way.
 */
export function truncate(array: unknown[], length = 0): void {
  while (array.length > length) array.pop();
}
