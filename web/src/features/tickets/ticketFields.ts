import type { TemplateField } from '@/api'
import { formatDateTime } from '@/shared/format'

/** A field value as read-only text: option labels for choices, local time for instants, lists joined. */
export function displayValue(field: Pick<TemplateField, 'type' | 'options'> | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  const label = (v: unknown) => field?.options?.find((o) => o.value === v)?.label ?? String(v)
  if (Array.isArray(value)) return value.length ? value.map(label).join(', ') : '—'
  if (field?.type === 'datetime' && typeof value === 'string') return formatDateTime(value)
  if (field?.type === 'select') return label(value)
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * The rows the fields card shows: the template's fields in their order — those the view carries (fields the caller
 * may not see are absent from it) or `editable` says may be filled in — then any key the view carries that the
 * template (as loaded) does not know, so nothing the server sent is lost.
 */
export function fieldRows(
  fields: readonly TemplateField[],
  values: Record<string, unknown>,
  editable: (key: string) => boolean = () => false,
): { key: string; field?: TemplateField }[] {
  const known = new Set(fields.map((f) => f.key))
  return [
    ...fields.filter((f) => f.key in values || editable(f.key)).map((f) => ({ key: f.key, field: f })),
    ...Object.keys(values).filter((k) => !known.has(k)).map((key) => ({ key })),
  ]
}
