// Lambda entry: salesforce-webhook (bundled alone by cdk/, so each function carries only what it imports).
import { salesforceWebhookHandler } from '../handlers/salesforce-webhook.js';
import { httpLambda } from '../runtime/http-lambda.js';

export const handler = httpLambda(salesforceWebhookHandler);
