import { describe, expect, it } from 'vitest'
import { oauthEntryUrl, oauthParams, withoutOAuth } from './workbenchLogin'

describe('workbench log-in', () => {
  it('takes the code WeCom appended and the tenant of the configured address', () => {
    expect(oauthParams({ tenant: 'demo', code: ' abc ', state: 'baton' })).toEqual({ kind: 'code', tenant: 'demo', code: 'abc' })
    expect(oauthParams({ tenant: ['demo', 'x'], code: ['abc'] })).toEqual({ kind: 'code', tenant: 'demo', code: 'abc' })
    expect(oauthParams({ tenant: 'demo' })).toEqual({ kind: 'none' })
    expect(oauthParams({ code: 'abc' })).toEqual({ kind: 'no-tenant' })
  })

  it('drops the one-time code and state from the address, keeping the rest', () => {
    expect(withoutOAuth({ tenant: 'demo', code: 'abc', state: 'baton', tab: 'new' })).toEqual({ tenant: 'demo', tab: 'new' })
  })

  it('builds the OAuth home-page address WeCom redirects back from', () => {
    const url = new URL(oauthEntryUrl('ww123', 1000002, 'https://baton.example.com/m/workbench?tenant=demo'))
    expect(url.origin + url.pathname).toBe('https://open.weixin.qq.com/connect/oauth2/authorize')
    expect(url.searchParams.get('appid')).toBe('ww123')
    expect(url.searchParams.get('agentid')).toBe('1000002')
    expect(url.searchParams.get('scope')).toBe('snsapi_base')
    expect(url.searchParams.get('redirect_uri')).toBe('https://baton.example.com/m/workbench?tenant=demo')
    expect(url.hash).toBe('#wechat_redirect')
  })
})
