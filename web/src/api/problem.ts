import type { Problem } from './types'

export type FieldErrorMap = Record<string, string>

/**
 * Turns the `errors` of a problem+json answer into a map from form field to message.
 * Field paths are normalised so that they match form model keys:
 * `departmentIds[0]` → `departmentIds`, `user.email` → `email`. Messages for the same
 * field are joined with "; " (each message once).
 */
export function problemToFieldErrors(problem: Problem | null | undefined): FieldErrorMap {
  const map: FieldErrorMap = {}
  const errors = problem?.errors
  if (!Array.isArray(errors)) return map
  for (const err of errors) {
    if (!err || typeof err.message !== 'string' || !err.message) continue
    const field = normaliseField(typeof err.field === 'string' ? err.field : '')
    if (!field) continue
    const existing = map[field]
    if (!existing) map[field] = err.message
    else if (!existing.split('; ').includes(err.message)) map[field] = `${existing}; ${err.message}`
  }
  return map
}

export function normaliseField(field: string): string {
  const withoutIndexes = field.trim().replace(/\[[^\]]*\]/g, '')
  const parts = withoutIndexes.split('.').filter(Boolean)
  return parts.length ? parts[parts.length - 1] : ''
}

/** Field errors whose field is not one of `knownFields` (to be shown as a general message). */
export function unmatchedFieldErrors(map: FieldErrorMap, knownFields: readonly string[]): string[] {
  return Object.entries(map)
    .filter(([field]) => !knownFields.includes(field))
    .map(([field, message]) => `${field}: ${message}`)
}
