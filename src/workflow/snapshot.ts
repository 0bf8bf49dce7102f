import { createHash } from 'node:crypto'

/** The fields whose change sends an approved item back to review: what the campaign actually says. */
export const substantiveFields = ['title', 'body', 'legalReferences', 'assets', 'sensitivity'] as const

function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, entry]) => entry !== undefined && key !== 'id')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Related documents count by id only, whether populated or not. */
function normalizeRelations(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map((entry) => (entry && typeof entry === 'object' && 'id' in entry && 'filename' in entry ? (entry as { id: unknown }).id : entry))
  return value
}

/** sha256 of the substantive fields (every locale when the document was read with locale 'all'). */
export function snapshotHash(doc: Partial<Record<(typeof substantiveFields)[number], unknown>>): string {
  const substance = Object.fromEntries(substantiveFields.map((field) => [field, normalizeRelations(doc[field])]))
  return createHash('sha256').update(canonical(substance)).digest('hex')
}

/** The substantive fields whose value differs between two versions of the same locale. */
export function changedSubstantiveFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return substantiveFields.filter((field) => field in after && canonical(normalizeRelations(before[field])) !== canonical(normalizeRelations(after[field])))
}
