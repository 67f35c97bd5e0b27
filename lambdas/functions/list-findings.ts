// Lambda entry: list-findings (bundled alone by cdk/, so each function carries only what it imports).
import { listFindingsHandler } from '../handlers/list-findings.js';
import { httpLambda } from '../runtime/http-lambda.js';

export const handler = httpLambda(listFindingsHandler);
