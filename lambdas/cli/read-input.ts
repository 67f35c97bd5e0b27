import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file (or stdin for "-") as strict UTF-8; anything else is an InputError with a clear message. */
export async function readInput(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : 'cannot be read';
    throw new InputError(`${path}: ${why}`, { cause: err });
  }
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch (err) {
    throw new InputError(`${path === '-' ? 'standard input' : path}: not valid UTF-8 text`, { cause: err });
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
