// The workbench app's log-in: WeCom opens the app's home page through its OAuth redirect, which appends `code` (and
// `state`) to the address configured in the admin console (`…/m/workbench?tenant=<tenant code>`).
import type { LocationQuery } from 'vue-router'

export type OAuthParams = { kind: 'none' } | { kind: 'code'; tenant: string; code: string } | { kind: 'no-tenant' }

const one = (v: LocationQuery[string] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''

export function oauthParams(query: LocationQuery): OAuthParams {
  const code = one(query.code).trim()
  if (!code) return { kind: 'none' }
  const tenant = one(query.tenant).trim()
  return tenant ? { kind: 'code', tenant, code } : { kind: 'no-tenant' }
}

/** The address without the one-time code, so that a reload or a shared link does not try to use it again. */
export function withoutOAuth(query: LocationQuery): LocationQuery {
  const { code: _code, state: _state, ...rest } = query
  return rest
}

/**
 * The WeCom OAuth address to configure as the workbench app's home page (应用主页): it returns to `page` with a code.
 * snsapi_base: WeCom names the member without asking them.
 */
export function oauthEntryUrl(corpId: string, agentId: string | number, page: string): string {
  const q = new URLSearchParams({ appid: corpId, redirect_uri: page, response_type: 'code', scope: 'snsapi_base', state: 'baton', agentid: String(agentId) })
  return `https://open.weixin.qq.com/connect/oauth2/authorize?${q.toString()}#wechat_redirect`
}
