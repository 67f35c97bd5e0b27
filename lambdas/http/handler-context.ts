import type { HubSpotCrm, SalesforceUserDirectory } from '../core/crm-ports.js';
import type { Logger } from '../core/log.js';
import type { UseCaseDeps } from '../usecases/deps.js';
import type { ApiConfig } from './api-config.js';
import { errorToHttp } from './errors-to-http.js';
import type { HttpEvent, HttpHandler, HttpResult } from './http-types.js';

/** CRM API clients the webhook routes use; a route builds its default from the config when absent. */
export interface CrmClients {
  salesforceUsers?: SalesforceUserDirectory;
  /** null: no HubSpot API token (note events cannot be fetched). */
  hubspot?: HubSpotCrm | null;
}

export interface HandlerContext {
  deps: UseCaseDeps;
  config: ApiConfig;
  /** Built once per process where caches should outlive a request (runtime/production.ts). */
  crm?: CrmClients;
}

/** Every handler's outer shell: one place that turns any error into the right HTTP answer. */
export function handle(
  ctx: HandlerContext,
  route: string,
  fn: (event: HttpEvent) => Promise<HttpResult>,
  renderError: (err: unknown, logger: Logger, route: string) => HttpResult = errorToHttp,
): HttpHandler {
  return async (event) => {
    try {
      return await fn(event);
    } catch (err) {
      return renderError(err, ctx.deps.logger, route);
    }
  };
}
