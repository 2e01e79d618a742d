// WeCom settings and sync API (/api/v1/wecom/...), typed by hand from WeComSettingsView, ConnectionTest.Result and
// SyncCounts.
import { request } from '@/api'

/** The tenant's WeCom app as read: the secret, token and AES key are never returned, only whether they are set. */
export interface WeComSettingsView {
  corpId: string | null
  agentId: number | null
  secretSet: boolean
  tokenSet: boolean
  encodingAesKeySet: boolean
  /** to paste into WeCom's admin console as the app's 接收消息服务器 URL */
  callbackUrl: string
  /** null before the first save */
  version: number | null
}

/** PUT body; a secret, token or AES key left out keeps the stored one. */
export interface WeComSettingsCommand {
  corpId: string
  agentId: number | null
  secret?: string
  token?: string
  encodingAesKey?: string
  version: number | null
}

export interface ConnectionResult {
  ok: boolean
  errcode: number | null
  /** WeCom's answer verbatim, or why it could not be reached */
  error: string | null
}

export interface DirectorySyncCounts {
  departments: { created: number; updated: number; unchanged: number }
  users: { created: number; updated: number; unchanged: number; deactivated: number }
  failed: number
  failures: string[]
}

export const wecomApi = {
  settings: () => request<WeComSettingsView>('/wecom/settings'),
  save: (body: WeComSettingsCommand) => request<WeComSettingsView>('/wecom/settings', { method: 'PUT', body }),
  test: () => request<ConnectionResult>('/wecom/settings/test', { method: 'POST' }),
  syncDirectory: () => request<DirectorySyncCounts>('/wecom/sync/directory', { method: 'POST' }),
  /** Built alongside the external-contact sync; its answer is shown as whatever counts it carries. */
  syncCustomers: () => request<unknown>('/wecom/sync/customers', { method: 'POST' }),
}
