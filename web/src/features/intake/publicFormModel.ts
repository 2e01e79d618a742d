import type { Problem } from '@/api'
import type { PublicField } from './intakeApi'

/** How the public form renders a field type; types it does not know are typed in as text. */
export type InputKind = 'text' | 'textarea' | 'number' | 'select' | 'date'

export function inputKind(type: string): InputKind {
  switch (type) {
    case 'textarea':
      return 'textarea'
    case 'number':
    case 'money':
    case 'rating':
      return 'number'
    case 'select':
      return 'select'
    case 'date':
      return 'date'
    default:
      return 'text'
  }
}

/** Every field as an empty string, the value the vant inputs edit. */
export function fieldsToModel(fields: readonly PublicField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, '']))
}

/**
 * The values to send: blanks left out (the server says which are required), numbers as numbers, a region typed
 * as "province/city/district" as its parts.
 */
export function modelToValues(fields: readonly PublicField[], model: Record<string, string>): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const f of fields) {
    const raw = (model[f.key] ?? '').trim()
    if (!raw) continue
    const kind = inputKind(f.type)
    if (kind === 'number' && !Number.isNaN(Number(raw))) values[f.key] = Number(raw)
    else if (f.type === 'region') {
      const [province, city, district] = raw.split('/').map((s) => s.trim())
      values[f.key] = Object.fromEntries(
        Object.entries({ province, city, district }).filter(([, v]) => v),
      )
    } else values[f.key] = raw
  }
  return values
}

export interface FormErrors {
  /** name, phone, smsCode, captcha, title, description, submissionId */
  top: Record<string, string>
  /** by field key: `fields.region.province` is the region field's */
  fields: Record<string, string>
}

/** A 400's `errors[]` split between the form's own inputs and the template's fields. */
export function serverErrors(problem: Problem | null | undefined): FormErrors {
  const out: FormErrors = { top: {}, fields: {} }
  const errors = problem?.errors
  if (!Array.isArray(errors)) return out
  for (const e of errors) {
    if (!e || typeof e.field !== 'string' || typeof e.message !== 'string') continue
    const target = e.field.startsWith('fields.') ? out.fields : out.top
    const key = (e.field.startsWith('fields.') ? e.field.slice('fields.'.length) : e.field).split(/[.[]/)[0]
    if (!key) continue
    target[key] = target[key] && target[key] !== e.message ? `${target[key]}; ${e.message}` : e.message
  }
  return out
}
