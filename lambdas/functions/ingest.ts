// Lambda entry: ingest (bundled alone by cdk/, so each function carries only what it imports).
import { postNotesHandler } from '../handlers/post-notes.js';
import { httpLambda } from '../runtime/http-lambda.js';

export const handler = httpLambda(postNotesHandler);
