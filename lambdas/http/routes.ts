import { dismissFindingHandler } from '../handlers/dismiss-finding.js';
import { getNoteHandler } from '../handlers/get-note.js';
import { healthHandler } from '../handlers/health.js';
import { hubspotWebhookHandler } from '../handlers/hubspot-webhook.js';
import { listFindingsHandler } from '../handlers/list-findings.js';
import { postNotesHandler } from '../handlers/post-notes.js';
import { postScanHandler } from '../handlers/post-scan.js';
import { redactNoteHandler } from '../handlers/redact-note.js';
import { salesforceWebhookHandler } from '../handlers/salesforce-webhook.js';
import type { HandlerContext } from './handler-context.js';
import type { HttpHandler } from './http-types.js';

export interface Route {
  method: 'GET' | 'POST';
  /** API Gateway route path: `{name}` is a path parameter. */
  path: string;
  /** Lambda function name suffix (cdk/) and bundle entry (lambdas/functions/<name>.ts). */
  name: string;
  create: (ctx: HandlerContext) => HttpHandler;
}

/** Every HTTP route, once: the local server serves these and the CDK stack deploys them. */
export const ROUTES: readonly Route[] = [
  { method: 'POST', path: '/v1/notes', name: 'ingest', create: postNotesHandler },
  { method: 'POST', path: '/v1/scan', name: 'scan', create: postScanHandler },
  { method: 'GET', path: '/v1/notes/{id}', name: 'get-note', create: getNoteHandler },
  { method: 'GET', path: '/v1/findings', name: 'list-findings', create: listFindingsHandler },
  { method: 'POST', path: '/v1/notes/{id}/redact', name: 'redact', create: redactNoteHandler },
  { method: 'POST', path: '/v1/findings/{id}/dismiss', name: 'dismiss', create: dismissFindingHandler },
  {
    method: 'POST',
    path: '/v1/webhooks/salesforce/{token}',
    name: 'salesforce-webhook',
    create: salesforceWebhookHandler,
  },
  { method: 'POST', path: '/v1/webhooks/hubspot', name: 'hubspot-webhook', create: hubspotWebhookHandler },
  { method: 'GET', path: '/health', name: 'health', create: healthHandler },
];

/** Matches a concrete path against a route path; returns the path parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return null;
      try {
        params[w.slice(1, -1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}
