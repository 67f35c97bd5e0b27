// Lambda entry: dismiss (bundled alone by cdk/, so each function carries only what it imports).
import { dismissFindingHandler } from '../handlers/dismiss-finding.js';
import { httpLambda } from '../runtime/http-lambda.js';

export const handler = httpLambda(dismissFindingHandler);
