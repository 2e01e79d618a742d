// Tickets API (GET/POST /api/v1/tickets…), typed by hand from TicketView, TicketSearch.Summary and EventView.
import { request, type Page } from '@/api'

export interface TicketSummary {
  id: number
  number: string
  title: string
  templateId: number
  status: string
  customerStatus: string
  priority: string
  source: string
  customerId: number | null
  creatorId: number | null
  nodeIds: string[]
  createdAt: string
  updatedAt: string
  version: number
}

export interface TicketHandler {
  /** task, approval (slot = approver index) or co (co-handler) */
  kind: string
  slot: number
  userId: number | null
  roleCode: string | null
  departmentId: number | null
}

export interface TicketNode {
  nodeId: string
  name: string
  type: string
  /** waiting or in_progress */
  state: string
  handlers: TicketHandler[]
  /** editable, required, readonly or hidden, by field key */
  fieldRules: Record<string, string>
}

export interface TicketView {
  id: number
  number: string
  title: string
  description: string | null
  chatExcerpt: string | null
  templateId: number
  templateVersion: number
  flowId: number | null
  flowVersion: number | null
  source: string
  priority: string
  status: string
  customerStatus: string
  customerStatusLabel: string | null
  customerId: number | null
  creatorId: number | null
  departmentId: number | null
  fields: Record<string, unknown>
  nodes: TicketNode[]
  actions: string[]
  createdAt: string
  updatedAt: string
  closedAt: string | null
  version: number
}

export interface TicketEvent {
  id: number
  ticketVersion: number
  action: string
  actorId: number | null
  nodeId: string | null
  changes: unknown
  body: string | null
  /** internal or public */
  visibility: string
  createdAt: string
}

export interface ActionRequest {
  expectedVersion?: number
  nodeId?: string
  fields?: Record<string, unknown>
  comment?: string
  visibility?: 'internal' | 'public'
  targetUserId?: number
  targetNodeId?: string
}

export interface NewTicket {
  templateId: number
  title: string
  description?: string | null
  fields?: Record<string, unknown>
  priority?: string
  source?: string
  customerId?: number | null
  chatExcerpt?: string | null
}

export type TicketListParams = Record<string, string | number | undefined>

export const ticketsApi = {
  list: (query: TicketListParams, signal?: AbortSignal) =>
    request<Page<TicketSummary>>('/tickets', { query, signal }),
  get: (id: number) => request<TicketView>(`/tickets/${id}`),
  events: (id: number) => request<TicketEvent[]>(`/tickets/${id}/events`),
  act: (id: number, action: string, body: ActionRequest) =>
    request<TicketView>(`/tickets/${id}/actions/${action}`, { method: 'POST', body }),
  /** With an Idempotency-Key, a repeated submit (double tap, retry) returns the ticket created the first time. */
  create: (body: NewTicket, idempotencyKey?: string) =>
    request<TicketView>('/tickets', {
      method: 'POST',
      body,
      headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
    }),
}
