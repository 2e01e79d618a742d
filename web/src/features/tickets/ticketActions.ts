import { isApiError } from '@/api'
import type { ActionRequest, TicketView } from './ticketsApi'

/** Action codes of TicketAction, in the order their buttons are shown. */
export const ACTIONS = [
  'accept', 'save', 'submit', 'approve', 'reject', 'transfer', 'return', 'add_handler', 'comment', 'urge',
  'suspend', 'resume', 'close', 'reopen', 'cancel', 'release',
] as const
export type ActionCode = (typeof ACTIONS)[number]

/** Comments and urging never conflict with other changes, so they carry no expected version (TicketAction). */
const VERSIONLESS: readonly string[] = ['comment', 'urge']
/** The server takes the comment as the reason for these; the UI asks for one before sending. */
const REASONED: readonly string[] = ['reject', 'suspend', 'close', 'reopen', 'cancel']
/** These name a user (targetUserId). */
const USER_TARGET: readonly string[] = ['transfer', 'add_handler']
/** These send the node's form. */
const WITH_FIELDS: readonly string[] = ['save', 'submit']

export interface ActionButton {
  code: string
  type: 'primary' | 'success' | 'danger' | 'warning' | 'default'
  /** asks for a reason (comment) first */
  reason: boolean
  /** asks for a user first */
  user: boolean
}

function buttonType(code: string): ActionButton['type'] {
  if (code === 'accept' || code === 'submit') return 'primary'
  if (code === 'approve' || code === 'resume') return 'success'
  if (code === 'reject' || code === 'cancel') return 'danger'
  if (code === 'suspend' || code === 'close') return 'warning'
  return 'default'
}

/**
 * The buttons for what the view says the caller may do now, in a stable order (unknown codes last, as they come).
 * `comment` is left out: the comment box sends it.
 */
export function actionButtons(actions: readonly string[]): ActionButton[] {
  const known = ACTIONS as readonly string[]
  const rank = (c: string) => (known.includes(c) ? known.indexOf(c) : known.length)
  return [...new Set(actions)]
    .filter((c) => c !== 'comment')
    .sort((a, b) => rank(a) - rank(b))
    .map((code) => ({ code, type: buttonType(code), reason: REASONED.includes(code), user: USER_TARGET.includes(code) }))
}

export function needsVersion(action: string): boolean {
  return !VERSIONLESS.includes(action)
}

export interface ActionInput {
  comment?: string
  visibility?: 'internal' | 'public'
  fields?: Record<string, unknown>
  targetUserId?: number | null
  nodeId?: string | null
}

/** The body of POST /tickets/{id}/actions/{action}: the version the caller saw unless the action needs none. */
export function actionRequest(action: string, view: Pick<TicketView, 'version'>, input: ActionInput = {}): ActionRequest {
  const body: ActionRequest = {}
  if (needsVersion(action)) body.expectedVersion = view.version
  const comment = input.comment?.trim()
  if (comment) body.comment = comment
  if (action === 'comment' && input.visibility) body.visibility = input.visibility
  if (WITH_FIELDS.includes(action) && input.fields && Object.keys(input.fields).length) body.fields = input.fields
  if (input.targetUserId != null) body.targetUserId = input.targetUserId
  if (input.nodeId) body.nodeId = input.nodeId
  return body
}

export type FieldMode = 'edit' | 'required' | 'read' | 'hidden'

/**
 * How a field is shown, from the rules of the nodes the ticket waits at (as the view gives them). A field is
 * editable only while the view offers `save` or `submit`; hidden only when every node that has a rule hides it.
 */
export function fieldMode(view: Pick<TicketView, 'nodes' | 'actions'>, key: string): FieldMode {
  const rules = view.nodes.map((n) => n.fieldRules?.[key]).filter((r): r is string => !!r)
  if (rules.length && rules.every((r) => r === 'hidden')) return 'hidden'
  const canWrite = view.actions.includes('save') || view.actions.includes('submit')
  if (!canWrite) return 'read'
  if (rules.includes('required')) return 'required'
  if (rules.includes('editable')) return 'edit'
  return 'read'
}

/** The values the user changed, to send with save / submit. */
export function changedFields(original: Record<string, unknown>, edited: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(edited)) {
    if (JSON.stringify(v ?? null) !== JSON.stringify(original[k] ?? null)) out[k] = v
  }
  return out
}

/** The optimistic-lock conflict: someone else changed the ticket since it was read. */
export function isVersionConflict(e: unknown): boolean {
  if (!isApiError(e) || e.status !== 409) return false
  return e.problem.currentVersion != null || (e.problem.type ?? '').endsWith('version-conflict')
}

/** Events marked for the customer are `public`; everything else is internal. */
export function isPublicEvent(visibility: string | null | undefined): boolean {
  return visibility === 'public'
}

/** History entries the customer makes on the progress page (CustomerActs); they carry no staff actor. */
export const CUSTOMER_EVENTS = ['customer_confirm', 'customer_rate'] as const

/** Who an entry of the history is by: a user, the customer (progress page) or Baton itself. */
export function eventActor(e: { action: string; actorId: number | null | undefined }): 'user' | 'customer' | 'system' {
  if (e.actorId != null) return 'user'
  return (CUSTOMER_EVENTS as readonly string[]).includes(e.action) ? 'customer' : 'system'
}
