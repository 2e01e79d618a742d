// The endpoints the mobile views call: the customer's public progress page (outside /api/v1, no token), the
// WeCom JS-SDK signatures, customers by WeCom id, and the staff's progress link.
import { publicRequest, request, type Page } from '@/api'
import type { SdkSignatures } from './wecomJsSdk'
import type { TicketSla } from './slaBadge'

export interface ProgressStep {
  code: string
  label: string | null
  reached: boolean
  current: boolean
}

export interface ProgressEntry {
  /** submitted, comment, status:<code>, customer_confirm or customer_rate */
  kind: string
  /** sanitised HTML from the server */
  body: string | null
  at: string
}

export interface ProgressRating {
  stars: number
  comment: string | null
  at: string
}

export interface Progress {
  number: string
  title: string
  customerStatus: string
  steps: ProgressStep[]
  timeline: ProgressEntry[]
  canConfirm: boolean
  canRate: boolean
  rating: ProgressRating | null
}

const progressPath = (token: string) => `/public/progress/${encodeURIComponent(token)}`

export const progressApi = {
  get: (token: string) => publicRequest<Progress>(progressPath(token)),
  confirm: (token: string) => publicRequest<Progress>(`${progressPath(token)}/confirm`, { method: 'POST' }),
  rate: (token: string, stars: number, comment: string) =>
    publicRequest<Progress>(`${progressPath(token)}/rating`, { method: 'POST', body: { stars, comment } }),
}

export interface ProgressLink {
  /** site-relative: /p/<token> */
  url: string
  token: string
  expiresAt: string
}

export const progressLinkApi = {
  create: (ticketId: number) => request<ProgressLink>(`/tickets/${ticketId}/progress-link`, { method: 'POST' }),
}

export const wecomApi = {
  signature: (url: string) => request<SdkSignatures>('/wecom/jsapi/signature', { query: { url } }),
}

/** CustomerView, as far as the sidebar reads it. */
export interface Customer {
  id: number
  name: string
  company: string | null
  level: string
  phone: string | null
  tags: string[]
  wecomExternalIds: string[]
  groupChatIds: string[]
  version: number
}

export type WeComSubject = { externalUserId: string } | { chatId: string }

export const customersApi = {
  get: (id: number) => request<Customer>(`/customers/${id}`),
  /** name, phone or company; the first few, for a picker */
  search: (q: string) => request<Page<Customer>>('/customers', { query: { q, size: 8, page: 0 } }),
  byWecom: (subject: WeComSubject) => request<Customer>('/customers/by-wecom', { query: { ...subject } }),
  create: (body: { name: string; wecomExternalIds?: string[]; groupChatIds?: string[] }) =>
    request<Customer>('/customers', { method: 'POST', body }),
}

/** AttachmentView: an upload of the tenant; its URLs need the token, so images are fetched, not linked. */
export interface Attachment {
  id: string
  fileName: string
  contentType: string
  size: number
  thumbnailUrl: string | null
  url: string
}

export const attachmentsApi = {
  upload: (file: File) => {
    const form = new FormData()
    form.append('file', file)
    return request<Attachment>('/attachments', { method: 'POST', form })
  },
  /** the bytes behind an attachment URL (`/api/v1/attachments/…`), for an object URL */
  bytes: (url: string) => request<Blob>(url, { absolute: true, blob: true }),
}

export const slaApi = {
  forTicket: (ticketId: number) => request<TicketSla>(`/tickets/${ticketId}/sla`),
}
