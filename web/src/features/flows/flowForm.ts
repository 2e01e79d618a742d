import type { Problem, SimulateRequest, StrandedPosition, TemplateField } from '@/api'
import type { FlowNode } from './flowTree'

/** Pure helpers behind the node editor, the publish mapping and the sandbox form. */

// ---- SLA ----

export type SlaUnit = 'minutes' | 'hours' | 'days'

export interface SlaInput {
  amount: number
  unit: SlaUnit
}

/** Reads the ISO durations the friendly input writes (`PT30M`, `PT4H`, `P2D`); null for any other form. */
export function parseSla(iso: string | null | undefined): SlaInput | null {
  const m = /^P(?:(\d+)D|T(\d+)([HM]))$/.exec((iso ?? '').trim().toUpperCase())
  if (!m) return null
  if (m[1] !== undefined) return { amount: Number(m[1]), unit: 'days' }
  return { amount: Number(m[2]), unit: m[3] === 'H' ? 'hours' : 'minutes' }
}

/** The ISO duration of a friendly SLA; undefined (no SLA) for an empty or non-positive amount. */
export function formatSla(input: { amount: number | null | undefined; unit: SlaUnit }): string | undefined {
  const n = input.amount
  if (n == null || !Number.isFinite(n) || n <= 0) return undefined
  const whole = Math.round(n)
  if (input.unit === 'days') return `P${whole}D`
  return `PT${whole}${input.unit === 'hours' ? 'H' : 'M'}`
}

// ---- assignees ----

export const ASSIGNEE_STRATEGIES = ['user', 'role', 'department', 'department_leader', 'creator', 'field', 'rules'] as const
export type AssigneeStrategy = (typeof ASSIGNEE_STRATEGIES)[number]

export interface Assignee {
  strategy: AssigneeStrategy | string
  userId?: number
  roleCode?: string
  departmentId?: number
  level?: number
  fieldKey?: string
  [key: string]: unknown
}

/** The assignee JSON for a strategy, keeping the one setting that strategy uses from `previous`. */
export function assigneeFor(strategy: AssigneeStrategy, previous?: Assignee | null): Assignee {
  const keep = previous?.strategy === strategy ? previous : null
  switch (strategy) {
    case 'user':
      return keep?.userId != null ? { strategy, userId: keep.userId } : { strategy }
    case 'role':
      return keep?.roleCode ? { strategy, roleCode: keep.roleCode } : { strategy }
    case 'department':
      return keep?.departmentId != null ? { strategy, departmentId: keep.departmentId } : { strategy }
    case 'department_leader':
      return { strategy, level: keep?.level ?? 1 }
    case 'field':
      return keep?.fieldKey ? { strategy, fieldKey: keep.fieldKey } : { strategy }
    default:
      return { strategy }
  }
}

/** Template fields a `field` assignee may name (user fields; the server checks the same). */
export function userFields(fields: readonly TemplateField[]): TemplateField[] {
  return fields.filter((f) => f.type === 'user')
}

// ---- field rules ----

export const FIELD_RULES = ['editable', 'required', 'readonly', 'hidden'] as const
export type FieldRule = (typeof FIELD_RULES)[number]

/** A task's `fields` with one rule set (or cleared with null); undefined when no rule is left. */
export function setFieldRule(
  rules: Record<string, string> | null | undefined,
  key: string,
  rule: FieldRule | null,
): Record<string, string> | undefined {
  const next: Record<string, string> = { ...(rules ?? {}) }
  if (rule) next[key] = rule
  else delete next[key]
  return Object.keys(next).length ? next : undefined
}

// ---- publish mapping ----

export interface StrandedNode {
  /** the node of the published version the tickets wait at */
  nodeId: string
  /** the server's "3 tickets wait here: …" */
  message: string
  tickets: string[]
}

/** True for the 409 that asks for a mapping of waiting tickets. */
export function isUnmappedProblem(problem: Problem | null | undefined): boolean {
  return !!problem?.type && problem.type.endsWith('/flow-tickets-unmapped')
}

/** The nodes publishing needs a mapping for, from the 409's `errors` (`mapping.<nodeId>`) and `affected`. */
export function strandedNodes(problem: Problem | null | undefined): StrandedNode[] {
  const affected = (Array.isArray(problem?.affected) ? problem.affected : []) as StrandedPosition[]
  const out: StrandedNode[] = []
  for (const e of problem?.errors ?? []) {
    if (!e?.field?.startsWith('mapping.')) continue
    const nodeId = e.field.slice('mapping.'.length)
    const tickets = [...new Set(affected.filter((p) => p.nodeId === nodeId).map((p) => p.ticketNumber))]
    out.push({ nodeId, message: e.message, tickets })
  }
  return out
}

/** The publish `mapping`: only nodes with a chosen target. */
export function buildMapping(choice: Record<string, string | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [from, to] of Object.entries(choice)) if (to) out[from] = to
  return out
}

// ---- sandbox ----

export type SampleValue = string | number | boolean | string[] | number[] | null | undefined

export interface SandboxForm {
  fields: Record<string, SampleValue>
  customerLevel: string
  source: string
  priority: string
  creatorId: number | null
  /** approval node id → verdicts in turn */
  decisions: Record<string, string[]>
  /** a published version to run instead of the draft */
  version: number | null
}

export function emptySandbox(): SandboxForm {
  return { fields: {}, customerLevel: '', source: '', priority: '', creatorId: null, decisions: {}, version: null }
}

/** Field types the sandbox offers an input for (ids and attachments only through the API). */
export const SANDBOX_TYPES = new Set([
  'text', 'textarea', 'number', 'money', 'date', 'select', 'multi_select', 'rating', 'phone', 'email', 'user',
  'department', 'customer',
])

function sampleValue(field: TemplateField, value: SampleValue): unknown {
  if (value === undefined || value === null || value === '') return undefined
  if (Array.isArray(value)) return value.length ? value : undefined
  switch (field.type) {
    case 'number':
    case 'money':
    case 'rating':
    case 'user':
    case 'department':
    case 'customer': {
      const n = typeof value === 'number' ? value : Number(String(value).trim())
      return Number.isFinite(n) ? n : value
    }
    default:
      return value
  }
}

/** The simulate request for the sandbox form: empty inputs are left out (the server defaults them). */
export function buildSimulateRequest(form: SandboxForm, fields: readonly TemplateField[]): SimulateRequest {
  const req: SimulateRequest = {}
  const values: Record<string, unknown> = {}
  for (const f of fields) {
    const v = sampleValue(f, form.fields[f.key])
    if (v !== undefined) values[f.key] = v
  }
  if (Object.keys(values).length) req.fields = values
  if (form.customerLevel.trim()) req.facts = { 'customer.level': form.customerLevel.trim() }
  if (form.source.trim()) req.source = form.source.trim()
  if (form.priority) req.priority = form.priority
  if (form.creatorId != null) req.creatorId = form.creatorId
  const decisions: Record<string, string[]> = {}
  for (const [node, verdicts] of Object.entries(form.decisions)) if (verdicts.length) decisions[node] = [...verdicts]
  if (Object.keys(decisions).length) req.decisions = decisions
  if (form.version != null) req.version = form.version
  return req
}

/** `fields.amount` → `amount`, for showing the sandbox's 400 under the right input. */
export function sandboxErrorKey(field: string): string {
  return field.startsWith('fields.') ? field.slice('fields.'.length) : field
}

/** Approval nodes of the tree, for the optional decisions of the sandbox. */
export function approvalNodes(nodes: readonly FlowNode[]): FlowNode[] {
  return nodes.filter((n) => n.type === 'approval')
}

/** A field's label in the UI language (`labelEn` in English when the template has one). */
export function fieldText(field: Pick<TemplateField, 'label' | 'labelEn' | 'key'>, locale: string): string {
  if (locale === 'en' && field.labelEn) return field.labelEn
  return field.label || field.key
}
