import type { HttpResult } from './http-types.js';

const SECURITY_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

export function xml(statusCode: number, body: string): HttpResult {
  return { statusCode, headers: { 'content-type': 'text/xml; charset=utf-8', ...SECURITY_HEADERS }, body };
}
