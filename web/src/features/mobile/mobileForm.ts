import type { Problem, TemplateField } from '@/api'

/** A fresh Idempotency-Key per opened form (randomUUID needs a secure context; WeCom may serve plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * The template fields the sidebar asks for: the required ones it cannot fill itself (the customer is the chat's;
 * files need the desktop app).
 */
export function sidebarFields(fields: readonly TemplateField[]): TemplateField[] {
  return fields.filter((f) => f.required && !['customer', 'image', 'file'].includes(f.type))
}

/** The ticket's customer in each of the template's customer fields (the customer of the chat, or the one picked). */
export function customerFieldValues(fields: readonly TemplateField[], customerId: number | null): Record<string, number> {
  if (customerId == null) return {}
  return Object.fromEntries(fields.filter((f) => f.type === 'customer').map((f) => [f.key, customerId]))
}

export interface SplitErrors {
  /** the ticket's own inputs: title, description, chatExcerpt… */
  ticket: Record<string, string>
  /** template fields by key (`fields.contact_phone` → contact_phone) */
  fields: Record<string, string>
  /** everything else, as text */
  other: string[]
}

/**
 * A 400 problem's errors, split by where they are shown. Template field keys can equal ticket input names
 * (a template field `description`), so the `fields.` prefix decides, not the last path segment.
 */
export function splitErrors(problem: Problem | undefined, ticketInputs: readonly string[]): SplitErrors {
  const out: SplitErrors = { ticket: {}, fields: {}, other: [] }
  for (const e of problem?.errors ?? []) {
    if (!e?.message) continue
    const field = typeof e.field === 'string' ? e.field : ''
    const add = (map: Record<string, string>, key: string) => (map[key] = map[key] ? `${map[key]}; ${e.message}` : e.message)
    if (field.startsWith('fields.')) add(out.fields, field.slice('fields.'.length).split(/[.[]/)[0])
    else if (ticketInputs.includes(field)) add(out.ticket, field)
    else out.other.push(field ? `${field}: ${e.message}` : e.message)
  }
  return out
}
