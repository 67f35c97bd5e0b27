// Lambda entry: health (bundled alone by cdk/, so each function carries only what it imports).
import { healthHandler } from '../handlers/health.js';
import { httpLambda } from '../runtime/http-lambda.js';

export const handler = httpLambda(healthHandler);
