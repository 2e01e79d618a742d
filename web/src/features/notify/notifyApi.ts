// Notification templates API (/api/v1/notification-templates), typed by hand from NotificationTemplates.View.
import { request } from '@/api'

export interface NotificationTemplate {
  id: number
  event: string
  channel: string
  subject: string
  body: string
  version: number
  updatedAt: string
}

export interface TemplateBody {
  event: string
  channel: string
  subject: string
  body: string
  version?: number
}

/** Events.ALL and Channel.PERSONAL of the notify module, in the server's order. */
export const EVENTS = [
  'created',
  'assigned',
  'reminder',
  'breached',
  'escalated_l1',
  'escalated_l2',
  'escalated_l3',
  'approved',
  'rejected',
  'commented',
  'closed',
  'urged',
  'pool_unclaimed',
  'automation',
] as const
export const CHANNELS = ['inapp', 'wecom', 'email', 'sms'] as const

/** TemplateText.VARIABLES: what a template may use as {{name}}. */
export const VARIABLES = [
  'ticket.id',
  'ticket.number',
  'ticket.title',
  'ticket.priority',
  'ticket.status',
  'link',
  'node.id',
  'node.name',
  'sla.metric',
  'sla.dueAt',
  'pool.waitedMinutes',
  'automation.message',
  'actor.name',
  'recipient.name',
] as const

export const notificationTemplatesApi = {
  list: () => request<NotificationTemplate[]>('/notification-templates'),
  get: (id: number) => request<NotificationTemplate>(`/notification-templates/${id}`),
  create: (body: TemplateBody) => request<NotificationTemplate>('/notification-templates', { method: 'POST', body }),
  update: (id: number, body: TemplateBody) =>
    request<NotificationTemplate>(`/notification-templates/${id}`, { method: 'PUT', body }),
  /** brings back the shipped default */
  remove: (id: number) => request<void>(`/notification-templates/${id}`, { method: 'DELETE' }),
  preview: (body: { subject?: string; body?: string; event?: string; channel?: string; ticketId?: number | null }) =>
    request<{ subject: string; body: string }>('/notification-templates/preview', { method: 'POST', body }),
}
