// Lambda entry: redact (bundled alone by cdk/, so each function carries only what it imports).
import { redactNoteHandler } from '../handlers/redact-note.js';
import { httpLambda } from '../runtime/http-lambda.js';

export const handler = httpLambda(redactNoteHandler);
