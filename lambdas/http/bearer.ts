import { UnauthorizedError } from '../core/errors.js';
import type { HttpEvent } from './http-types.js';
import { header } from './request.js';
import { secretsEqual } from './webhook-signature.js';

/** Checks `Authorization: Bearer <token>` against the API token(s); returns the acting user from X-NoteGuard-Actor. */
export function requireBearer(event: HttpEvent, tokens: readonly string[]): { actor: string } {
  const value = header(event, 'authorization');
  const m = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  if (!m) throw new UnauthorizedError('missing Authorization: Bearer <token> header');
  const token = m[1] as string;
  if (!tokens.some((t) => secretsEqual(token, t))) throw new UnauthorizedError('bearer token is not valid');
  const actor = header(event, 'x-noteguard-actor')?.trim();
  return { actor: actor && actor.length <= 200 ? actor : 'api' };
}
