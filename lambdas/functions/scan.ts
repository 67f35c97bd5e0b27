// Lambda entry: scan (bundled alone by cdk/, so each function carries only what it imports).
import { postScanHandler } from '../handlers/post-scan.js';
import { httpLambda } from '../runtime/http-lambda.js';

export const handler = httpLambda(postScanHandler);
