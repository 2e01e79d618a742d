import type { FieldError, FieldType, TemplateField } from '@/api'

/**
 * Pure edits behind the template designer: add a field of a type, reorder, update, remove, and place the
 * server's errors (`fields[3].pattern`) on the field and property they belong to. Which rules apply to
 * which type is only used to decide what the property panel shows; the server checks the definition.
 */

/** The palette, in the order it is shown. */
export const PALETTE: readonly FieldType[] = [
  'text', 'textarea', 'number', 'money', 'date', 'datetime', 'select', 'multi_select', 'rating', 'phone', 'email',
  'image', 'file', 'user', 'department', 'customer', 'region', 'chat_excerpt',
]

/** Properties the panel offers per type (beyond key, label, labelEn, helpText, required, searchable). */
export type FieldProp =
  | 'min' | 'max' | 'minLength' | 'maxLength' | 'pattern' | 'patternMessage' | 'scale' | 'options' | 'maxFiles'
  | 'ratingMax'

const PROPS: Partial<Record<FieldType, FieldProp[]>> = {
  text: ['minLength', 'maxLength', 'pattern', 'patternMessage'],
  textarea: ['minLength', 'maxLength'],
  number: ['min', 'max', 'scale'],
  money: ['min', 'max', 'scale'],
  select: ['options'],
  multi_select: ['options'],
  rating: ['ratingMax'],
  image: ['maxFiles'],
  file: ['maxFiles'],
  phone: ['pattern', 'patternMessage'],
}

export function propsFor(type: FieldType): FieldProp[] {
  return PROPS[type] ?? []
}

/** A key `<type>_<n>` not yet used (`[a-z][a-z0-9_]*`, at most 64 characters). */
export function uniqueKey(type: string, fields: readonly TemplateField[]): string {
  const taken = new Set(fields.map((f) => f.key))
  const base = type.toLowerCase().replace(/[^a-z0-9_]/g, '') || 'field'
  for (let n = 1; ; n++) {
    const key = `${base}_${n}`
    if (!taken.has(key)) return key
  }
}

/** A new field of `type`; choice fields start with one option so the preview shows something. */
export function newField(type: FieldType, fields: readonly TemplateField[], label: string, option?: string): TemplateField {
  const field: TemplateField = { key: uniqueKey(type, fields), label, type }
  if ((type === 'select' || type === 'multi_select') && option) field.options = [{ value: 'option_1', label: option }]
  return field
}

/** Inserts at `index` (the end when absent) and returns the new list. */
export function addField(fields: readonly TemplateField[], field: TemplateField, index?: number): TemplateField[] {
  const list = [...fields]
  const at = index === undefined || index < 0 || index > list.length ? list.length : index
  list.splice(at, 0, field)
  return list
}

/** Moves the field at `from` so that it ends up at `to`; out-of-range moves change nothing. */
export function moveField(fields: readonly TemplateField[], from: number, to: number): TemplateField[] {
  if (from < 0 || from >= fields.length || to < 0 || to >= fields.length || from === to) return [...fields]
  const list = [...fields]
  const [f] = list.splice(from, 1)
  list.splice(to, 0, f)
  return list
}

/** Where an index ends up after the item at `from` moved to `to` (a selection follows its field). */
export function indexAfterMove(index: number, from: number, to: number): number {
  if (index === from) return to
  if (from < index && index <= to) return index - 1
  if (to <= index && index < from) return index + 1
  return index
}

/** A drop position reported by the drag library, clamped into the list (`length` appends). */
export function dropIndex(index: number | undefined, length: number): number {
  if (index === undefined || !Number.isFinite(index) || index < 0 || index > length) return length
  return Math.floor(index)
}

export function removeField(fields: readonly TemplateField[], index: number): TemplateField[] {
  return fields.filter((_, i) => i !== index)
}

/** Sets properties of one field; `undefined`, `null` or '' removes the property. Changing the type keeps the rest. */
export function updateField(fields: readonly TemplateField[], index: number, patch: Partial<TemplateField>): TemplateField[] {
  return fields.map((f, i) => {
    if (i !== index) return f
    const next: TemplateField = { ...f }
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') delete next[k]
      else next[k] = v
    }
    return next
  })
}

export interface FieldErrorIndex {
  /** field index → property (`pattern`, `options`, '' for the field itself) → message */
  fields: Record<number, Record<string, string>>
  /** errors about the template itself (`name`, `code`) by property */
  template: Record<string, string>
}

/** Sorts the server's errors: `fields[3].pattern` → field 3, `pattern`; `fields[2].options[0].value` → field 2, `options`. */
export function indexFieldErrors(errors: readonly FieldError[] | null | undefined): FieldErrorIndex {
  const index: FieldErrorIndex = { fields: {}, template: {} }
  const join = (map: Record<string, string>, key: string, message: string) => {
    map[key] = map[key] && !map[key].split('; ').includes(message) ? `${map[key]}; ${message}` : message
  }
  for (const e of errors ?? []) {
    if (!e?.message) continue
    const m = /^fields\[(\d+)\](?:\.([A-Za-z]+))?/.exec(e.field ?? '')
    if (m) join((index.fields[Number(m[1])] ??= {}), m[2] ?? '', e.message)
    else join(index.template, e.field || '', e.message)
  }
  return index
}

/** The fields as sent: empty option lists dropped, numbers kept as numbers. */
export function fieldsForSave(fields: readonly TemplateField[]): TemplateField[] {
  return fields.map((f) => {
    const out: TemplateField = { ...f }
    if (Array.isArray(out.options) && !out.options.length) delete out.options
    for (const k of Object.keys(out)) if (out[k] === '' || out[k] === null || out[k] === undefined) delete out[k]
    return out
  })
}
