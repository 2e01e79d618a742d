// SLA policies API (/api/v1/sla-policies), typed by hand from PolicyView and PolicyCommand.
import { request, type Page } from '@/api'

export interface PolicyMatch {
  templateIds: number[]
  priorities: string[]
  customerLevels: string[]
  sources: string[]
}

export interface Escalation {
  level: number
  /** business time after the breach */
  after: string
  /** assignee, assignee_leader or role */
  to: string
  leaderLevel: number | null
  roleCode: string | null
  channels: string[]
}

export interface SlaPolicy {
  id: number
  name: string
  position: number
  enabled: boolean
  calendarId: number | null
  match: PolicyMatch
  firstResponse: string | null
  resolution: string | null
  /** targets per flow node id */
  nodes: Record<string, string>
  pauseStatuses: string[]
  /** PT0M: no reminder */
  reminderBefore: string
  escalations: Escalation[]
  version: number
  createdAt: string
  updatedAt: string
}

export type SlaPolicyBody = Omit<SlaPolicy, 'id' | 'position' | 'version' | 'createdAt' | 'updatedAt'> & { version?: number }

export const ESCALATION_TARGETS = ['assignee', 'assignee_leader', 'role'] as const
export const SLA_CHANNELS = ['wecom', 'email', 'sms', 'webhook', 'in_app'] as const
export const PAUSE_STATUSES = ['open', 'in_progress', 'suspended'] as const

export const slaPoliciesApi = {
  /** in the order they are tried (200 is the server's largest page) */
  list: () => request<Page<SlaPolicy>>('/sla-policies', { query: { page: 0, size: 200 } }),
  get: (id: number) => request<SlaPolicy>(`/sla-policies/${id}`),
  create: (body: SlaPolicyBody) => request<SlaPolicy>('/sla-policies', { method: 'POST', body }),
  update: (id: number, body: SlaPolicyBody) => request<SlaPolicy>(`/sla-policies/${id}`, { method: 'PUT', body }),
  remove: (id: number, version: number) => request<void>(`/sla-policies/${id}`, { method: 'DELETE', query: { version } }),
  reorder: (ids: number[]) => request<SlaPolicy[]>('/sla-policies/order', { method: 'PUT', body: { ids } }),
}
