// Lambda entry: get-note (bundled alone by cdk/, so each function carries only what it imports).
import { getNoteHandler } from '../handlers/get-note.js';
import { httpLambda } from '../runtime/http-lambda.js';

export const handler = httpLambda(getNoteHandler);
