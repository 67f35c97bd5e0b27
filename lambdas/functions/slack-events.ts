// Lambda entry: POST /slack/events (events, interactivity, /noteguard) through Bolt's AwsLambdaReceiver.
import type { HttpEvent, HttpResult } from '../http/http-types.js';
import { json } from '../http/respond.js';
import { productionBot } from '../runtime/production-bot.js';

export async function handler(event: HttpEvent): Promise<HttpResult> {
  try {
    return await (await productionBot()).http(event);
  } catch (err) {
    console.log(
      JSON.stringify({ level: 'error', message: 'slack handler failed', error: (err as Error).name }),
    );
    return json(503, { error: 'UnavailableError', message: 'service unavailable; retry later' });
  }
}
