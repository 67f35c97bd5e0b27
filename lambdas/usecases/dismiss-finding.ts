import { ConflictError, NotFoundError } from '../core/errors.js';
import type { Channel, OrgSettings, StoredFinding, StoredNote } from '../core/model.js';
import type { UseCaseDeps } from './deps.js';
import { noteIdOfFinding } from './ids.js';
import { openCount, withNote } from './note-commit-loop.js';
import { loadSettings } from './settings.js';

export interface DismissOptions {
  actor: string;
  channel: Channel;
  reason: string;
  /** Also accept this phrase for the whole organisation from now on. */
  allowList?: boolean;
}

/** Marks a finding a false positive; optionally allow-lists its phrase for the organisation. */
export async function dismissFinding(
  deps: UseCaseDeps,
  findingId: string,
  opts: DismissOptions,
): Promise<{ finding: StoredFinding; note: StoredNote; allowListed?: string }> {
  const noteId = noteIdOfFinding(findingId);
  if (!noteId) throw new NotFoundError(`finding ${findingId} not found`);
  return withNote(deps, noteId, async ({ note, findings }) => {
    const finding = findings.find((f) => f.findingId === findingId);
    if (!finding) throw new NotFoundError(`finding ${findingId} not found`);
    if (finding.status === 'dismissed') return { finding, note };
    if (finding.status !== 'open' && finding.status !== 'pending')
      throw new ConflictError(`finding ${findingId} is already ${finding.status}`);
    const now = deps.clock.now().toISOString();
    const raw = await deps.repo.getRaw(noteId);
    let settings: OrgSettings | undefined;
    let phrase: string | undefined;
    if (opts.allowList) {
      const text = finding.field === undefined ? raw?.body : raw?.fields?.[finding.field];
      if (text === undefined)
        throw new ConflictError('the note text is no longer held, so its phrase cannot be allow-listed');
      phrase = text.slice(finding.start, finding.end).trim().toLowerCase();
      const current = await loadSettings(deps.repo, note.orgId);
      settings = current.allowList.includes(phrase)
        ? undefined
        : { ...current, allowList: [...current.allowList, phrase] };
    }
    const updated: StoredFinding = {
      ...finding,
      status: 'dismissed',
      resolvedBy: opts.actor,
      reason: opts.reason,
      updatedAt: now,
    };
    const all = findings.map((f) => (f.findingId === findingId ? updated : f));
    const open = openCount(all);
    const next: StoredNote = {
      ...note,
      rev: note.rev + 1,
      openFindings: open,
      status: open > 0 ? 'open' : 'resolved',
    };
    await deps.repo.commit({
      expectedRev: note.rev,
      note: next,
      raw: open > 0 ? 'keep' : 'delete',
      findings: [updated],
      audit: [
        {
          noteId,
          at: now,
          actor: opts.actor,
          action: 'dismissed',
          channel: opts.channel,
          findingIds: [findingId],
          detail: opts.reason.slice(0, 500) + (phrase ? ' (allow-listed for the organisation)' : ''),
        },
      ],
      ...(settings ? { settings } : {}),
    });
    return { finding: updated, note: next, ...(phrase ? { allowListed: phrase } : {}) };
  });
}
