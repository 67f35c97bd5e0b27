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
