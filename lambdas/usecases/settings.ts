import type { Tuning } from '../classifier/types.js';
import type { OrgSettings } from '../core/model.js';
import type { NoteRepository } from '../core/ports.js';

export function emptySettings(orgId: string): OrgSettings {
  return { orgId, allowList: [], disabledCategories: [], severityOverrides: {}, managers: [] };
}

export async function loadSettings(repo: NoteRepository, orgId: string): Promise<OrgSettings> {
  return (await repo.getSettings(orgId)) ?? emptySettings(orgId);
}

export function tuningOf(settings: OrgSettings): Tuning {
  return {
    allowList: settings.allowList,
    disabledCategories: settings.disabledCategories,
    severityOverrides: settings.severityOverrides,
  };
}

const SETTINGS_TTL_MS = 30_000;
// Per repository, so two stores in one process never share settings.
const caches = new WeakMap<object, Map<string, { at: number; settings: Promise<OrgSettings> }>>();

/**
 * Settings read through a 30-second cache: every scan applies them without a table read each
 * time; a change (allow-listing a phrase) reaches every process within 30 s.
 */
export function cachedSettings(repo: NoteRepository, orgId: string, nowMs: number): Promise<OrgSettings> {
  let cache = caches.get(repo);
  if (!cache) {
    cache = new Map();
    caches.set(repo, cache);
  }
  const entry = cache.get(orgId);
  if (entry && nowMs - entry.at <= SETTINGS_TTL_MS) return entry.settings;
  const settings = loadSettings(repo, orgId);
  cache.set(orgId, { at: nowMs, settings });
  settings.catch(() => cache.delete(orgId));
  return settings;
}
