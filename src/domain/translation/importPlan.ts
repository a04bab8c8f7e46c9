/**
 * What importing a translated file would do, decided before anything is written:
 * - an id that is no unit of the story is **unknown** (reported, nothing written for it);
 * - a unit whose source in the file differs from the story's current source is a **conflict**:
 *   the source changed since the export, so the translation may be of the old text (reported,
 *   not written; export again and translate the new source);
 * - an empty target is **empty** (left alone: an import never deletes a translation);
 * - a target equal to the current text is **unchanged**;
 * - everything else is **written**.
 * Sources are compared with surrounding whitespace trimmed and line endings normalised (tools
 * differ in both); a unit listed twice is a conflict with itself and is refused as a whole file.
 */
import type { UnitRow } from '@/domain/translation/status'

export type ImportEntry = { id: string; source: string | null; target: string | null }

export type ImportConflict = { id: string; fileSource: string; currentSource: string }

export type ImportPlan = {
  write: { row: UnitRow; target: string }[]
  unchanged: string[]
  empty: string[]
  unknown: string[]
  conflicts: ImportConflict[]
  duplicates: string[]
}

const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim()

export function planImport(rows: UnitRow[], entries: ImportEntry[]): ImportPlan {
  const byId = new Map(rows.map((r) => [r.unit.id, r]))
  const plan: ImportPlan = { write: [], unchanged: [], empty: [], unknown: [], conflicts: [], duplicates: [] }
  const seen = new Set<string>()
  for (const entry of entries) {
    if (seen.has(entry.id)) {
      plan.duplicates.push(entry.id)
      continue
    }
    seen.add(entry.id)
    const row = byId.get(entry.id)
    if (!row) {
      plan.unknown.push(entry.id)
      continue
    }
    const target = entry.target ?? ''
    if (norm(target) === '') {
      plan.empty.push(entry.id)
      continue
    }
    if (entry.source === null || norm(entry.source) !== norm(row.source)) {
      plan.conflicts.push({ id: entry.id, fileSource: entry.source ?? '', currentSource: row.source })
      continue
    }
    if (norm(target) === norm(row.target)) {
      plan.unchanged.push(entry.id)
      continue
    }
    plan.write.push({ row, target: target.replace(/\r\n?/g, '\n').trim() })
  }
  return plan
}
