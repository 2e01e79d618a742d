import { ApiError, request } from '@/api'
import type { Problem } from '@/api'

/** Ticket sources a channel may be (api and import are not channels a customer meets). */
export const CHANNEL_KINDS = [
  'web',
  'mini_program',
  'official_account',
  'wecom_customer_page',
  'wecom_sidebar',
  'wecom_workbench',
  'wecom_group',
  'email',
] as const
export type ChannelKind = (typeof CHANNEL_KINDS)[number]
/** Kinds with a public form link (/f/<tenant>/<channel>); the same list as the server's ChannelKinds.PUBLIC. */
export const PUBLIC_KINDS: readonly string[] = ['web', 'mini_program', 'official_account']

export interface Channel {
  id: number
  code: string
  name: string
  kind: string
  enabled: boolean
  templateId: number
  priority: string | null
  title: string | null
  intro: string | null
  logoUrl: string | null
  accentColor: string | null
  requirePhoneVerification: boolean
  captcha: boolean
  publicForm: boolean
  createdAt: string
  updatedAt: string
  version: number
}

export type ChannelCommand = Omit<Channel, 'id' | 'publicForm' | 'createdAt' | 'updatedAt' | 'version'> & {
  version?: number
}

export const channelsApi = {
  list: () => request<Channel[]>('/channels'),
  create: (body: ChannelCommand) => request<Channel>('/channels', { method: 'POST', body }),
  update: (id: number, body: ChannelCommand) => request<Channel>(`/channels/${id}`, { method: 'PUT', body }),
  remove: (id: number) => request<void>(`/channels/${id}`, { method: 'DELETE' }),
}

export interface PublicFieldOption {
  value: string
  label: string
}

export interface PublicField {
  key: string
  label: string
  labelEn: string | null
  helpText: string | null
  type: string
  required: boolean
  min: number | null
  max: number | null
  minLength: number | null
  maxLength: number | null
  pattern: string | null
  patternMessage: string | null
  options: PublicFieldOption[]
}

export interface PublicForm {
  name: string
  kind: string
  title: string | null
  intro: string | null
  logoUrl: string | null
  accentColor: string | null
  requirePhoneVerification: boolean
  captcha: boolean
  fields: PublicField[]
}

export interface Submission {
  name: string
  phone: string
  smsCode?: string
  captchaId?: string
  captcha?: string
  title?: string
  description: string
  fields: Record<string, unknown>
  submissionId: string
}

/** The public form's endpoints live outside /api/v1 and never carry a token. */
async function publicRequest<T>(path: string, locale: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(`/public/forms/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': locale,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, { status: 0, title: 'Network error', detail: '' })
  }
  const text = await res.text()
  if (!res.ok) {
    let problem: Problem = { status: res.status, title: res.statusText || `HTTP ${res.status}` }
    try {
      problem = JSON.parse(text) as Problem
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, problem)
  }
  return (text ? JSON.parse(text) : undefined) as T
}

/** @property progressUrl the submitter's progress page, site-relative (/p/<token>) */
export interface Submitted {
  number: string
  progressUrl: string | null
}

export function publicFormApi(tenant: string, channel: string, locale: string) {
  const base = `${encodeURIComponent(tenant)}/${encodeURIComponent(channel)}`
  return {
    form: () => publicRequest<PublicForm>(base, locale),
    captcha: () => publicRequest<{ captchaId: string; image: string }>(`${base}/captcha`, locale, {}),
    smsCode: (body: { phone: string; captchaId?: string; captcha?: string }) =>
      publicRequest<void>(`${base}/sms-code`, locale, body),
    submit: (body: Submission) =>
      publicRequest<Submitted>(`${base}/tickets`, locale, body),
  }
}

/** The address of a channel's public form, for the link, its copy button and the QR code. */
export function formLink(origin: string, tenant: string, channel: string): string {
  return `${origin}/f/${encodeURIComponent(tenant)}/${encodeURIComponent(channel)}`
}
