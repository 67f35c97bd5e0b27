import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../lambdas/http/request.js';
import { ROUTES } from '../../lambdas/http/routes.js';

const spec = JSON.parse(readFileSync('docs/openapi.json', 'utf8'));

describe('docs/openapi.json', () => {
  it('documents every route the server has, and no other', () => {
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('states the body limit the server enforces', () => {
    expect(spec.paths['/v1/notes'].post.responses['413'].description).toContain(String(MAX_BODY_BYTES));
  });
});
