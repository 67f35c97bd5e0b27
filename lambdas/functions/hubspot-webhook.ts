// Lambda entry: hubspot-webhook (bundled alone by cdk/, so each function carries only what it imports).
import { hubspotWebhookHandler } from '../handlers/hubspot-webhook.js';
import { httpLambda } from '../runtime/http-lambda.js';

export const handler = httpLambda(hubspotWebhookHandler);
