import { Buffer } from 'node:buffer';

/**
 * A string's UTF-16 code units in a reused typed array, then a 0: read from it, a character costs a
 * load, not a `charCodeAt` (which checks how the string is stored at every call). Copied natively.
 * Valid until the next `of`.
 */
export class Utf16Units {
  private bytes = Buffer.alloc(0);
  private units = new Uint16Array(0);

  /** The units of the string last passed to `of`. */
  get current(): Uint16Array {
    return this.units;
  }

  of(s: string): Uint16Array {
    if (this.units.length < s.length + 1) {
      const size = s.length + 1024;
      // Unpooled, so the buffer starts at offset 0 of its own memory, aligned for 16-bit reads.
      this.bytes = Buffer.allocUnsafeSlow(2 * size);
      this.units = new Uint16Array(this.bytes.buffer, 0, size);
    }
    this.bytes.write(s, 0, 'utf16le');
    this.units[s.length] = 0;
    return this.units;
  }
}
