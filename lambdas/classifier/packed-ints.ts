import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Ints } from './trie.js';

/**
 * Integer typed arrays as "type:base64 of their deflated bytes" (little-endian, as on every
 * Lambda architecture): a snapshot's arrays come back with native calls only (base64, inflate, a
 * copy), no loop in JavaScript; u8/u16 and deflate keep the snapshot small, because every Lambda
 * bundle carries it (the trie's offset arrays are long runs of +1 steps and compress ~10x).
 */
const TYPES = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array } as const;
type TypeName = keyof typeof TYPES;

export function packInts(array: Ints): string {
  const type: TypeName = array instanceof Uint8Array ? 'u8' : array instanceof Uint16Array ? 'u16' : 'i32';
  const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  return `${type}:${deflateRawSync(bytes, { level: 9 }).toString('base64')}`;
}

export function unpackInts(packed: string): Ints {
  const colon = packed.indexOf(':');
  const Type = TYPES[packed.slice(0, colon) as TypeName];
  if (!Type) throw new Error(`packed integers of unknown type "${packed.slice(0, colon)}"`);
  const bytes = inflateRawSync(Buffer.from(packed.slice(colon + 1), 'base64'));
  // A copy: Buffer.from may hand out a slice of a shared pool at an offset a wider array can't view.
  const out = new Type(bytes.length / Type.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
