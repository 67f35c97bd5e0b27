import type { CrmUser, SalesforceUserDirectory } from '../../core/crm-ports.js';
import { UnavailableError } from '../../core/errors.js';
import { TtlCache } from './ttl-cache.js';

export interface SalesforceUserDirectoryOptions {
  fetchImpl?: typeof fetch;
  /** How long a resolved owner is kept (default 15 minutes). */
  ttlMs?: number;
  /** How long "no such user" is kept (default 5 minutes). */
  notFoundTtlMs?: number;
  timeoutMs?: number;
  apiVersion?: string;
  now?: () => number;
  /**
   * Which instance URLs may receive the message's session id. The default allows only https
   * Salesforce hosts, so a message cannot point the lookup (and its session) anywhere else.
   */
  allowInstance?: (url: URL) => boolean;
}

const SALESFORCE_HOSTS = [
  '.salesforce.com',
  '.force.com',
  '.cloudforce.com',
  '.salesforce.mil',
  '.sfcrmproducts.cn',
];

export function isSalesforceInstance(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    SALESFORCE_HOSTS.some((suffix) => url.hostname.endsWith(suffix))
  );
}

const USER_ID = /^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;
const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

/**
 * Salesforce REST: GET {instance}/services/data/v61.0/sobjects/User/{id}?fields=Email,Name with the
 * Outbound Message's session id as bearer token. Results are cached in memory per user id.
 */
export class SalesforceRestUserDirectory implements SalesforceUserDirectory {
  private readonly cache: TtlCache<CrmUser | null>;
  private readonly fetchImpl: typeof fetch;
  private readonly allowInstance: (url: URL) => boolean;

  constructor(private readonly options: SalesforceUserDirectoryOptions = {}) {
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.allowInstance = options.allowInstance ?? isSalesforceInstance;
    this.cache = new TtlCache(options.ttlMs ?? 15 * 60_000, options.now ?? Date.now);
  }

  findUser(request: { instanceUrl: string; sessionId: string; userId: string }): Promise<CrmUser | null> {
    // Queues (00G…) own records too; only users (005…) have an email.
    if (!USER_ID.test(request.userId)) return Promise.resolve(null);
    return this.cache.get(
      request.userId,
      () => this.fetchUser(request),
      (user) => (user ? (this.options.ttlMs ?? 15 * 60_000) : (this.options.notFoundTtlMs ?? 5 * 60_000)),
    );
  }

  private async fetchUser(request: {
    instanceUrl: string;
    sessionId: string;
    userId: string;
  }): Promise<CrmUser | null> {
    let instance: URL;
    try {
      instance = new URL(request.instanceUrl);
    } catch (err) {
      throw new UnavailableError('the Salesforce instance URL is not a URL', { cause: err });
    }
    if (!this.allowInstance(instance)) {
      throw new UnavailableError(`${instance.origin} is not an allowed Salesforce instance`);
    }
    const version = this.options.apiVersion ?? 'v61.0';
    const url = `${instance.origin}/services/data/${version}/sobjects/User/${encodeURIComponent(request.userId)}?fields=Email,Name`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        headers: { authorization: `Bearer ${request.sessionId}`, accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3000),
      });
    } catch (err) {
      throw new UnavailableError('Salesforce did not answer the user lookup', { cause: err });
    }
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) {
      await res.arrayBuffer();
      throw new UnavailableError(`Salesforce answered ${res.status} to the user lookup`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      throw new UnavailableError('Salesforce answered the user lookup with invalid JSON', { cause: err });
    }
    const { Email, Name } = (body ?? {}) as { Email?: unknown; Name?: unknown };
    if (typeof Email !== 'string' || !EMAIL.test(Email)) return null;
    return {
      email: Email,
      ...(typeof Name === 'string' && Name ? { name: Name.slice(0, 200) } : {}),
    };
  }
}
