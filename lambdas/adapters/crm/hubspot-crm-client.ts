import type { CrmUser, HubSpotCrm, HubSpotNote } from '../../core/crm-ports.js';
import { UnavailableError } from '../../core/errors.js';
import { htmlToText } from './html-to-text.js';
import { TtlCache } from './ttl-cache.js';

export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';

export interface HubSpotClientOptions {
  /** Private-app access token (crm.objects.notes read scope, crm.objects.owners read). */
  accessToken: string;
  /** Default https://api.hubapi.com; tests point it at a local server. */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  /** HubSpot gives a webhook 5 seconds, so each call gets less. */
  timeoutMs?: number;
  /** How long an owner's email is kept (default 15 minutes). */
  ownerTtlMs?: number;
  now?: () => number;
}

const NUMERIC_ID = /^\d{1,20}$/;
const EMAIL = /^[^\s@]{1,200}@[^\s@]{1,200}$/;

/** HubSpot CRM v3 over fetch: the note (HTML body converted to text) and its owner's email (cached). */
export class HubSpotRestClient implements HubSpotCrm {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly owners: TtlCache<CrmUser | null>;

  constructor(private readonly options: HubSpotClientOptions) {
    this.base = (options.baseUrl ?? HUBSPOT_API_BASE_URL).replace(/\/+$/, '');
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.owners = new TtlCache(options.ownerTtlMs ?? 15 * 60_000, options.now ?? Date.now);
  }

  async getNote(noteId: string): Promise<HubSpotNote | null> {
    if (!NUMERIC_ID.test(noteId)) return null;
    const body = await this.get(
      `/crm/v3/objects/notes/${noteId}?properties=hs_note_body,hubspot_owner_id,hs_lastmodifieddate`,
      'note',
    );
    if (body === null) return null;
    const props = ((body as { properties?: unknown }).properties ?? {}) as Record<string, unknown>;
    const html = typeof props.hs_note_body === 'string' ? props.hs_note_body : '';
    const owner = props.hubspot_owner_id;
    const modified = props.hs_lastmodifieddate;
    return {
      id: noteId,
      text: htmlToText(html),
      ...((typeof owner === 'string' || typeof owner === 'number') && NUMERIC_ID.test(String(owner))
        ? { ownerId: String(owner) }
        : {}),
      ...(typeof modified === 'string' && !Number.isNaN(Date.parse(modified))
        ? { updatedAt: new Date(modified).toISOString() }
        : {}),
    };
  }

  getOwner(ownerId: string): Promise<CrmUser | null> {
    if (!NUMERIC_ID.test(ownerId)) return Promise.resolve(null);
    return this.owners.get(ownerId, async () => {
      const body = (await this.get(`/crm/v3/owners/${ownerId}`, 'owner')) as {
        email?: unknown;
        firstName?: unknown;
        lastName?: unknown;
      } | null;
      if (!body || typeof body.email !== 'string' || !EMAIL.test(body.email)) return null;
      const name = [body.firstName, body.lastName].filter((s) => typeof s === 'string' && s).join(' ');
      return { email: body.email, ...(name ? { name: name.slice(0, 200) } : {}) };
    });
  }

  /** GET a JSON resource; null on 404; UnavailableError on anything else that is not 2xx. */
  private async get(path: string, what: string): Promise<unknown | null> {
    let res: Response;
    try {
      res = await this.fetchImpl(this.base + path, {
        headers: { authorization: `Bearer ${this.options.accessToken}`, accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 2500),
      });
    } catch (err) {
      throw new UnavailableError(`HubSpot did not answer the ${what} request`, { cause: err });
    }
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) {
      await res.arrayBuffer();
      throw new UnavailableError(`HubSpot answered ${res.status} to the ${what} request`);
    }
    try {
      return await res.json();
    } catch (err) {
      throw new UnavailableError(`HubSpot answered the ${what} request with invalid JSON`, { cause: err });
    }
  }
}

/** The client for the configured token and base URL; null without a token. */
export function hubspotClientFor(config: { accessToken?: string; apiBaseUrl?: string }): HubSpotCrm | null {
  const { accessToken, apiBaseUrl } = config;
  return accessToken
    ? new HubSpotRestClient({ accessToken, ...(apiBaseUrl ? { baseUrl: apiBaseUrl } : {}) })
    : null;
}
