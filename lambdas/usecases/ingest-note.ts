import { maskedPreview } from '../classifier/redact.js';
import type { Finding, ScanRecord } from '../classifier/types.js';
import { DuplicateDeliveryError, ReplayError, ValidationError, WriteConflictError } from '../core/errors.js';
import type { AuditEvent, IncomingNote, RawNote, StoredFinding, StoredNote } from '../core/model.js';
import type { Nonce } from '../core/ports.js';
import type { UseCaseDeps } from './deps.js';
import { noteIdFor } from './ids.js';
import { newStoredFinding } from './new-finding.js';
import { reconcileFindings } from './reconcile-findings.js';
import { cachedSettings, tuningOf } from './settings.js';

export interface IngestResult {
  noteId: string;
  /** duplicate: this delivery id was already stored; stale: an older version than the stored one. */
  outcome: 'stored' | 'unchanged' | 'duplicate' | 'stale';
  findings: StoredFinding[];
  /** Newly opened findings in this delivery (what the nudge is about). */
  newFindings: number;
}

const MAX_ATTEMPTS = 8;

interface IngestOptions {
  deliveryId?: string;
  actor?: string;
  /** A signed request's nonce: claimed once, whatever the outcome; ReplayError if already claimed. */
  nonce?: Nonce;
}

/**
 * Scans a delivered note and stores it with its findings. A re-delivery replaces the open
 * findings: those gone from the text become `fixed`. Concurrent deliveries of the same record
 * are serialised by the note's revision (optimistic concurrency, retried here).
 */
export async function ingestNote(
  deps: UseCaseDeps,
  incoming: IncomingNote,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const result = await ingest(deps, incoming, options);
  // A stored note claimed the nonce in its own transaction (one write fewer); any other outcome
  // claims it here, so a replay is refused whether or not it would change anything.
  const { nonce } = options;
  if (nonce && result.outcome !== 'stored') {
    if (!(await deps.repo.claimNonce(nonce.value, nonce.ttlSeconds, nonce.owner))) throw new ReplayError();
  }
  return result;
}

async function ingest(
  deps: UseCaseDeps,
  incoming: IncomingNote,
  options: IngestOptions,
): Promise<IngestResult> {
  const noteId = noteIdFor(incoming.source, incoming.orgId, incoming.recordId);
  if (incoming.body === undefined && incoming.fields === undefined) {
    throw new ValidationError('a note needs a body or fields', [
      { path: 'body', message: 'required when fields is absent' },
    ]);
  }
  if (options.deliveryId && (await deps.repo.wasDelivered(options.deliveryId))) {
    return {
      noteId,
      outcome: 'duplicate',
      findings: (await deps.repo.getNote(noteId))?.findings ?? [],
      newFindings: 0,
    };
  }
  const settings = await cachedSettings(deps.repo, incoming.orgId, deps.clock.now().getTime());
  const record: ScanRecord =
    incoming.body !== undefined
      ? { id: noteId, kind: 'note', text: incoming.body }
      : { id: noteId, kind: 'lead', fields: incoming.fields ?? {} };
  const scanned = deps.classifier.scanRecord(record, tuningOf(settings));
  const stored = scanned.slice(0, deps.config.maxFindingsPerNote);
  const dropped = scanned.length - stored.length;

  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptIngest(deps, incoming, noteId, stored, dropped, options);
    } catch (err) {
      if (err instanceof DuplicateDeliveryError) {
        return {
          noteId,
          outcome: 'duplicate',
          findings: (await deps.repo.getNote(noteId))?.findings ?? [],
          newFindings: 0,
        };
      }
      if (!(err instanceof WriteConflictError) || attempt >= MAX_ATTEMPTS) throw err;
      // Another delivery of the same record won the race: re-read and reconcile against it.
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

function textOf(incoming: IncomingNote, field: string | undefined): string {
  return field === undefined ? (incoming.body ?? '') : (incoming.fields?.[field] ?? '');
}

async function attemptIngest(
  deps: UseCaseDeps,
  incoming: IncomingNote,
  noteId: string,
  scanned: Finding[],
  dropped: number,
  options: IngestOptions,
): Promise<IngestResult> {
  const now = deps.clock.now().toISOString();
  const existing = await deps.repo.getNote(noteId);
  if (existing && existing.note.updatedAt > incoming.updatedAt) {
    // An older version arrived late (retries are unordered): keep what we have.
    return { noteId, outcome: 'stale', findings: existing.findings, newFindings: 0 };
  }
  const previous = existing?.findings ?? [];
  const { kept, added, fixed } = reconcileFindings(previous, scanned);
  const preview = (f: Finding) => {
    const text = textOf(incoming, f.field);
    return maskedPreview(
      text,
      f,
      scanned.filter((o) => o.field === f.field),
    );
  };

  let seq = previous.reduce((max, f) => Math.max(max, Number(f.findingId.split('.').pop())), 0);
  const changed: StoredFinding[] = [];
  const current: StoredFinding[] = [];
  for (const { finding, previous: before } of kept) {
    const next: StoredFinding = {
      ...before,
      start: finding.start,
      end: finding.end,
      severity: finding.severity,
      confidence: finding.confidence,
      message: finding.message,
      suggestion: finding.suggestion,
      preview: preview(finding),
      // The rep said "fixed" but the text still has it: back to open.
      status: before.status === 'pending' ? 'open' : before.status,
      ownerEmail: incoming.ownerEmail ?? before.ownerEmail,
    };
    current.push(next);
    if (JSON.stringify(next) !== JSON.stringify(before)) changed.push({ ...next, updatedAt: now });
  }
  for (const finding of added) {
    seq++;
    const f = newStoredFinding(noteId, seq, finding, preview(finding), incoming.ownerEmail, now);
    current.push(f);
    changed.push(f);
  }
  for (const f of fixed) changed.push({ ...f, status: 'fixed', updatedAt: now, resolvedBy: 'crm' });

  const openFindings = current.filter((f) => f.status === 'open' || f.status === 'pending').length;
  const metaChanged =
    !existing ||
    existing.note.updatedAt !== incoming.updatedAt ||
    existing.note.title !== incoming.title ||
    existing.note.ownerEmail !== (incoming.ownerEmail ?? existing.note.ownerEmail);
  if (existing && changed.length === 0 && !metaChanged && !options.deliveryId) {
    return { noteId, outcome: 'unchanged', findings: current, newFindings: 0 };
  }

  const note: StoredNote = {
    noteId,
    source: incoming.source,
    orgId: incoming.orgId,
    recordId: incoming.recordId,
    kind: incoming.kind,
    ...optional('ownerEmail', incoming.ownerEmail ?? existing?.note.ownerEmail),
    ...optional('ownerName', incoming.ownerName ?? existing?.note.ownerName),
    ...optional('ownerId', incoming.ownerId ?? existing?.note.ownerId),
    ...optional('parentId', incoming.parentId),
    ...optional('title', incoming.title),
    ...optional('url', incoming.url),
    updatedAt: incoming.updatedAt,
    receivedAt: now,
    rev: (existing?.note.rev ?? 0) + 1,
    status: openFindings > 0 ? 'open' : previous.length + current.length > 0 ? 'resolved' : 'clean',
    openFindings,
    droppedFindings: dropped,
  };
  // The raw text is kept only while review needs it.
  let raw: RawNote | 'delete' | 'keep' = 'delete';
  if (openFindings > 0) {
    raw = {
      noteId,
      ...(incoming.body !== undefined ? { body: incoming.body } : { fields: incoming.fields ?? {} }),
      expiresAt: Math.floor(deps.clock.now().getTime() / 1000) + deps.config.retentionDays * 86400,
    };
  }
  const audit: AuditEvent[] = [
    {
      noteId,
      at: now,
      actor: options.actor ?? incoming.source,
      action: existing ? 'updated' : 'ingested',
      channel: 'crm',
      findingIds: changed.map((f) => f.findingId),
      detail: `${added.length} new, ${fixed.length} fixed, ${current.length} current`,
    },
  ];
  const newOpen = added.length;
  // New findings need a nudge; fixed ones need the rep's DM updated ("came back clean").
  const outbox = newOpen > 0 || fixed.length > 0 ? { noteId, rev: note.rev } : undefined;
  await deps.repo.commit({
    expectedRev: existing?.note.rev ?? null,
    note,
    raw: typeof raw === 'string' ? raw : { put: raw },
    findings: changed,
    audit,
    ...(options.deliveryId ? { deliveryId: options.deliveryId } : {}),
    ...(options.nonce ? { nonce: options.nonce } : {}),
    ...(outbox ? { outbox } : {}),
  });
  if (outbox) {
    try {
      await deps.queue.enqueue(outbox);
      await deps.repo.clearOutbox(outbox);
    } catch (err) {
      // The outbox item stays; the sweeper re-enqueues it, so the nudge is late, not lost.
      deps.logger.warn('nudge enqueue failed; left in outbox', {
        noteId,
        rev: outbox.rev,
        error: (err as Error).name,
      });
    }
  }
  deps.logger.info('note stored', {
    noteId,
    rev: note.rev,
    added: added.length,
    fixed: fixed.length,
    open: openFindings,
  });
  return { noteId, outcome: 'stored', findings: current, newFindings: newOpen };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
