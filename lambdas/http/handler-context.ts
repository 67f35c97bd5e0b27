import type { UseCaseDeps } from '../usecases/deps.js';
import type { ApiConfig } from './api-config.js';
import { errorToHttp } from './errors-to-http.js';
import type { HttpEvent, HttpHandler, HttpResult } from './http-types.js';

export interface HandlerContext {
  deps: UseCaseDeps;
  config: ApiConfig;
}

/** Every handler's outer shell: one place that turns any error into the right HTTP answer. */
export function handle(
  ctx: HandlerContext,
  route: string,
  fn: (event: HttpEvent) => Promise<HttpResult>,
): HttpHandler {
  return async (event) => {
    try {
      return await fn(event);
    } catch (err) {
      return errorToHttp(err, ctx.deps.logger, route);
    }
  };
}
