import type { FieldType, TemplateField } from '@/api'

/**
 * The friendly condition builder: rows of "subject operator value" joined by and/or, turned into the CEL a
 * condition branch's `when` holds (`fields.amount > 5000 && fields.fault_type == "leak"`) and read back
 * from it when the expression has that shape. Anything else stays in the raw-expression mode. The
 * server type-checks every expression at publish time.
 */

export const CEL_OPS = ['==', '!=', '>', '>=', '<', '<=', 'contains'] as const
export type CelOp = (typeof CEL_OPS)[number]

/** How a subject's values are written: numbers bare, strings quoted, lists tested with `in`. */
export type ValueKind = 'number' | 'string' | 'list'

export interface CelRow {
  /** `fields.amount`, `ticket.priority`, `customer.level`… */
  subject: string
  op: CelOp
  /** as typed: a number, or the text of a string without quotes */
  value: string
}

export interface CelCondition {
  join: '&&' | '||'
  rows: CelRow[]
}

export interface CelSubject {
  subject: string
  kind: ValueKind
  /** the template field behind `fields.<key>`, if any */
  field?: TemplateField
}

const KIND_BY_TYPE: Partial<Record<FieldType, ValueKind>> = {
  number: 'number',
  money: 'number',
  rating: 'number',
  user: 'number',
  department: 'number',
  customer: 'number',
  text: 'string',
  textarea: 'string',
  select: 'string',
  phone: 'string',
  email: 'string',
  date: 'string',
  chat_excerpt: 'string',
  multi_select: 'list',
}

/** Facts every condition may use besides the template's fields (see the server's Conditions). */
export const FACT_SUBJECTS: readonly CelSubject[] = [
  { subject: 'ticket.priority', kind: 'string' },
  { subject: 'ticket.source', kind: 'string' },
  { subject: 'customer.level', kind: 'string' },
  { subject: 'customer.region', kind: 'string' },
  { subject: 'customer.tags', kind: 'list' },
]

/** What the builder offers: the template's fields it can compare, then the ticket and customer facts. */
export function celSubjects(fields: readonly TemplateField[]): CelSubject[] {
  const out: CelSubject[] = []
  for (const f of fields) {
    const kind = KIND_BY_TYPE[f.type]
    if (kind) out.push({ subject: `fields.${f.key}`, kind, field: f })
  }
  return [...out, ...FACT_SUBJECTS]
}

/** Operators that make sense for a kind of value. */
export function opsFor(kind: ValueKind): CelOp[] {
  if (kind === 'list') return ['contains']
  if (kind === 'number') return ['==', '!=', '>', '>=', '<', '<=']
  return ['==', '!=', '>', '>=', '<', '<=']
}

function literal(value: string, kind: ValueKind): string {
  const v = value.trim()
  if (kind === 'number') return v === '' ? '0' : v
  return JSON.stringify(value)
}

function rowToCel(row: CelRow, kinds: ReadonlyMap<string, ValueKind>): string {
  const kind = kinds.get(row.subject) ?? 'string'
  if (row.op === 'contains') return `${JSON.stringify(row.value)} in ${row.subject}`
  return `${row.subject} ${row.op} ${literal(row.value, kind)}`
}

/** The CEL of a builder condition; '' when it has no rows. */
export function buildCel(cond: CelCondition, subjects: readonly CelSubject[]): string {
  const kinds = new Map(subjects.map((s) => [s.subject, s.kind]))
  return cond.rows.map((r) => rowToCel(r, kinds)).join(` ${cond.join} `)
}

/** Splits at top-level `&&` / `||` (outside quotes and parentheses); null when both are mixed. */
function splitTopLevel(expr: string): { join: '&&' | '||'; parts: string[] } | null {
  const parts: string[] = []
  let join: '&&' | '||' | null = null
  let depth = 0
  let quote: string | null = null
  let start = 0
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (depth === 0 && (expr.startsWith('&&', i) || expr.startsWith('||', i))) {
      const op = expr.slice(i, i + 2) as '&&' | '||'
      if (join && join !== op) return null
      join = op
      parts.push(expr.slice(start, i))
      start = i + 2
      i++
    }
  }
  if (quote || depth !== 0) return null
  parts.push(expr.slice(start))
  return { join: join ?? '&&', parts }
}

const SUBJECT = '([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+)'
const STRING = `("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*')`
const NUMBER = '(-?\\d+(?:\\.\\d+)?)'
const COMPARE = new RegExp(`^${SUBJECT}\\s*(==|!=|>=|<=|>|<)\\s*(?:${STRING}|${NUMBER})$`)
const CONTAINS = new RegExp(`^${STRING}\\s+in\\s+${SUBJECT}$`)

function unquote(s: string): string | null {
  if (s.startsWith("'")) s = `"${s.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`
  try {
    const v: unknown = JSON.parse(s)
    return typeof v === 'string' ? v : null
  } catch {
    return null
  }
}

/**
 * Reads a `when` back into builder rows; null when the expression is anything else (then the raw mode
 * shows it) or names a subject the builder does not offer, or writes a value unlike its kind.
 */
export function parseCel(expr: string | null | undefined, subjects: readonly CelSubject[]): CelCondition | null {
  const text = (expr ?? '').trim()
  if (!text) return { join: '&&', rows: [] }
  const split = splitTopLevel(text)
  if (!split) return null
  const kinds = new Map(subjects.map((s) => [s.subject, s.kind]))
  const rows: CelRow[] = []
  for (const raw of split.parts) {
    const part = raw.trim()
    const c = COMPARE.exec(part)
    if (c) {
      const [, subject, op, str, num] = c
      const kind = kinds.get(subject)
      if (!kind || kind === 'list') return null
      if (kind === 'number' && num === undefined) return null
      if (kind === 'string' && str === undefined) return null
      const value = str !== undefined ? unquote(str) : num
      if (value === null || value === undefined) return null
      rows.push({ subject, op: op as CelOp, value })
      continue
    }
    const m = CONTAINS.exec(part)
    if (m) {
      const [, str, subject] = m
      if (kinds.get(subject) !== 'list') return null
      const value = unquote(str)
      if (value === null) return null
      rows.push({ subject, op: 'contains', value })
      continue
    }
    return null
  }
  return { join: split.join, rows }
}
