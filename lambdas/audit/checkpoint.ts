import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import type { AuditPosition } from './audit-run.js';
import type { SummaryState } from './summary.js';

/** Where an interrupted audit stopped, kept in the output folder so `--resume` continues it. */
export interface Checkpoint {
  version: 1;
  /** The exports as they were when the audit started: a resume refuses changed files. */
  inputs: { path: string; size: number; mtimeMs: number }[];
  /** The export being read (index into the audited sources) and the next record's byte offset and line. */
  position: AuditPosition;
  findingsBytes: number;
  summary: SummaryState;
  /** Time spent in earlier runs, for the records-per-minute figure. */
  elapsedMs: number;
  store?: { storedNotes: number; storedFindings: number; alreadyStored: number };
}

export const CHECKPOINT_FILE = '.audit-checkpoint.json';

export function checkpointPath(dir: string): string {
  return join(dir, CHECKPOINT_FILE);
}

export function loadCheckpoint(dir: string): Checkpoint | null {
  const path = checkpointPath(dir);
  if (!existsSync(path)) return null;
  let value: Partial<Checkpoint> | undefined;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Checkpoint>;
  } catch {
    value = undefined;
  }
  if (
    value?.version !== 1 ||
    !Array.isArray(value.inputs) ||
    typeof value.position?.input !== 'number' ||
    typeof value.findingsBytes !== 'number' ||
    typeof value.summary?.totals !== 'object'
  ) {
    throw new InputError(
      `${path} is not a checkpoint this version of noteguard wrote; remove it to start over`,
    );
  }
  return value as Checkpoint;
}

/** Written to a temporary file and renamed over the old one, so a crash never leaves half a checkpoint. */
export function saveCheckpoint(dir: string, checkpoint: Checkpoint): void {
  const path = checkpointPath(dir);
  writeFileSync(`${path}.tmp`, JSON.stringify(checkpoint));
  renameSync(`${path}.tmp`, path);
}

export function clearCheckpoint(dir: string): void {
  rmSync(checkpointPath(dir), { force: true });
}

/** Why a checkpoint cannot continue with these inputs, or null when it can. */
export function resumeMismatch(
  checkpoint: Checkpoint,
  inputs: readonly { path: string; size: number; mtimeMs: number }[],
): string | null {
  if (checkpoint.inputs.length !== inputs.length) {
    return `the interrupted audit read ${checkpoint.inputs.length} file(s), this one names ${inputs.length}`;
  }
  for (let i = 0; i < inputs.length; i++) {
    const was = checkpoint.inputs[i];
    const now = inputs[i];
    if (!was || !now) continue;
    if (was.path !== now.path) return `file ${i + 1} was ${was.path}, now ${now.path}`;
    if (was.size !== now.size || Math.abs(was.mtimeMs - now.mtimeMs) > 1) {
      return `${now.path} changed since the interrupted audit`;
    }
  }
  return null;
}
