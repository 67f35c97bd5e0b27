import {
  type CrmUser,
  type OutboundMessage,
  SALESFORCE_ID,
  type SalesforceUserDirectory,
} from '../core/crm-ports.js';
import { ValidationError } from '../core/errors.js';
import { errorFields } from '../core/log.js';
import type { StoredFinding } from '../core/model.js';
import type { UseCaseDeps } from './deps.js';
import { type IngestResult, ingestNote } from './ingest-note.js';
import { settleLimited } from './settle-limited.js';

export interface SalesforceOwners {
  /** The REST lookup (OwnerId → email), used when the message carries a session id. */
  directory: SalesforceUserDirectory;
  /** Configured OwnerId → email, for owners the lookup cannot resolve. */
  ownerEmails: Readonly<Record<string, string>>;
}

export type OwnerSource = 'salesforce' | 'mapping' | 'none';

export type NotificationResult =
  | {
      index: number;
      notificationId: string;
      status: IngestResult['outcome'];
      noteId: string;
      findings: StoredFinding[];
      owner: OwnerSource;
    }
  | { index: number; notificationId: string; status: 'skipped'; reason: string }
  | { index: number; notificationId?: string; status: 'invalid'; problem: string }
  | { index: number; notificationId: string; status: 'failed'; error: unknown };

/** Several notifications are stored at once; DynamoDB and the REST lookup take a few each. */
const CONCURRENCY = 4;

export const salesforceDeliveryId = (notificationId: string) => `salesforce:${notificationId}`;

/**
 * Stores every notification of one Outbound Message that can be stored (each once: the delivery
 * id is the notification id, so Salesforce's retries dedupe) and reports each one's result. The
 * caller acknowledges the message only when none is `invalid` or `failed`.
 */
export async function ingestSalesforceMessage(
  deps: UseCaseDeps,
  owners: SalesforceOwners,
  message: OutboundMessage,
): Promise<NotificationResult[]> {
  const resolved = new Map<string, Promise<{ user?: CrmUser; source: OwnerSource }>>();
  const ownerOf = (ownerId: string) => {
    let hit = resolved.get(ownerId);
    if (!hit) {
      hit = resolveOwner(deps, owners, message, ownerId);
      resolved.set(ownerId, hit);
    }
    return hit;
  };

  const settled = await settleLimited(
    message.notifications,
    CONCURRENCY,
    async (n): Promise<NotificationResult> => {
      if (n.status === 'skipped') {
        deps.logger.info('salesforce notification skipped', {
          notificationId: n.notificationId,
          objectType: n.objectType ?? null,
        });
        return { index: n.index, notificationId: n.notificationId, status: 'skipped', reason: n.reason };
      }
      if (n.status === 'invalid') return n;
      const deliveryId = salesforceDeliveryId(n.notificationId);
      const options = { deliveryId, actor: 'salesforce' };
      let owner: { user?: CrmUser; source: OwnerSource } = { source: 'none' };
      // A retry of a stored notification needs no owner lookup: ingestNote answers "duplicate".
      if (n.note.ownerId && !(await deps.repo.wasDelivered(deliveryId)))
        owner = await ownerOf(n.note.ownerId);
      try {
        const result = await ingestNote(
          deps,
          {
            ...n.note,
            ...(owner.user ? { ownerEmail: owner.user.email } : {}),
            ...(owner.user?.name ? { ownerName: owner.user.name } : {}),
          },
          options,
        );
        return {
          index: n.index,
          notificationId: n.notificationId,
          status: result.outcome,
          noteId: result.noteId,
          findings: result.findings,
          owner: owner.source,
        };
      } catch (err) {
        if (err instanceof ValidationError) {
          return {
            index: n.index,
            notificationId: n.notificationId,
            status: 'invalid',
            problem: err.message,
          };
        }
        return { index: n.index, notificationId: n.notificationId, status: 'failed', error: err };
      }
    },
  );
  return settled.map((s, i) =>
    s.status === 'fulfilled'
      ? s.value
      : {
          index: i,
          notificationId: message.notifications[i]?.notificationId ?? '',
          status: 'failed' as const,
          error: s.reason,
        },
  );
}

async function resolveOwner(
  deps: UseCaseDeps,
  owners: SalesforceOwners,
  message: OutboundMessage,
  ownerId: string,
): Promise<{ user?: CrmUser; source: OwnerSource }> {
  if (message.sessionId && message.instanceUrl) {
    try {
      const user = await owners.directory.findUser({
        instanceUrl: message.instanceUrl,
        sessionId: message.sessionId,
        userId: ownerId,
      });
      if (user) return { user, source: 'salesforce' };
    } catch (err) {
      // Never blocks storage: fall back to the mapping, or store without an owner email.
      deps.logger.warn('salesforce owner lookup failed', { ownerId, ...errorFields(err) });
    }
  }
  const mapped = mappedEmail(owners.ownerEmails, ownerId);
  if (mapped) return { user: { email: mapped }, source: 'mapping' };
  deps.logger.info('salesforce owner not resolved', { ownerId });
  return { source: 'none' };
}

/** The configured email for an OwnerId; 15- and 18-character forms of the id both match. */
export function mappedEmail(
  ownerEmails: Readonly<Record<string, string>>,
  ownerId: string,
): string | undefined {
  if (Object.hasOwn(ownerEmails, ownerId)) return ownerEmails[ownerId];
  if (!SALESFORCE_ID.test(ownerId)) return undefined;
  const short = ownerId.slice(0, 15);
  for (const [id, email] of Object.entries(ownerEmails)) {
    if (SALESFORCE_ID.test(id) && id.slice(0, 15) === short) return email;
  }
  return undefined;
}
