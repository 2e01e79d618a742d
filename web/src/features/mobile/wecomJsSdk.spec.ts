import { describe, expect, it, vi } from 'vitest'
import { currentSubject, detectSdk, signedUrl, WeComSdkError, type SdkSignatures } from './wecomJsSdk'

const SIGS: SdkSignatures = {
  corpId: 'ww123',
  agentId: '1000002',
  config: { timestamp: '1700000000', nonceStr: 'n1', signature: 's1' },
  agentConfig: { timestamp: 1700000001, nonceStr: 'n2', signature: 's2' },
}

function fakeWw(entry = 'single_chat_tools') {
  return {
    register: vi.fn(),
    getContext: vi.fn(async () => ({ entry })),
    getCurExternalContact: vi.fn(async () => ({ userId: 'wmContact' })),
    getCurExternalChat: vi.fn(async () => ({ chatId: 'wrChat' })),
  }
}

function fakeWx(results: Record<string, Record<string, unknown>>, agentOk = true) {
  return {
    agentConfig: vi.fn((o: { success: () => void; fail: (r: unknown) => void }) =>
      agentOk ? o.success() : o.fail({ errMsg: 'agentConfig:fail invalid signature' }),
    ),
    invoke: vi.fn((api: string, _p: unknown, cb: (r: unknown) => void) => cb(results[api] ?? { err_msg: `${api}:fail` })),
  }
}

describe('detectSdk', () => {
  it('prefers the new ww SDK and hands it the signatures through its callbacks', async () => {
    const ww = fakeWw()
    const sdk = detectSdk({ ww, wx: fakeWx({}) })
    expect(sdk.kind).toBe('ww')
    await sdk.register(SIGS)
    const opts = ww.register.mock.calls[0][0]
    expect(opts.corpId).toBe('ww123')
    expect(opts.agentId).toBe('1000002')
    expect(opts.jsApiList).toContain('getCurExternalContact')
    expect(opts.getConfigSignature()).toEqual({ timestamp: 1700000000, nonceStr: 'n1', signature: 's1' })
    expect(opts.getAgentConfigSignature()).toEqual({ timestamp: 1700000001, nonceStr: 'n2', signature: 's2' })
    expect(await sdk.getCurExternalContact()).toBe('wmContact')
  })

  it('falls back to the legacy wx SDK: agentConfig, then invoke with err_msg ending in :ok', async () => {
    const wx = fakeWx({
      getContext: { err_msg: 'getContext:ok', entry: 'group_chat_tools' },
      getCurExternalChat: { err_msg: 'getCurExternalChat:ok', chatId: 'wrGroup' },
    })
    const sdk = detectSdk({ wx })
    expect(sdk.kind).toBe('wx')
    await sdk.register(SIGS)
    expect(wx.agentConfig.mock.calls[0][0]).toMatchObject({ corpid: 'ww123', agentid: '1000002', nonceStr: 'n2', signature: 's2' })
    expect(await currentSubject(sdk)).toEqual({ kind: 'group', chatId: 'wrGroup' })
  })

  it('reports a failed wx call and a rejected agentConfig', async () => {
    const sdk = detectSdk({ wx: fakeWx({ getCurExternalContact: { err_msg: 'getCurExternalContact:fail no permission' } }, false) })
    await expect(sdk.register(SIGS)).rejects.toThrow('invalid signature')
    await expect(sdk.getCurExternalContact()).rejects.toThrow('no permission')
  })

  it('says so when the page is not opened inside WeCom', () => {
    expect(() => detectSdk({})).toThrow(WeComSdkError)
    try {
      detectSdk({})
    } catch (e) {
      expect((e as WeComSdkError).code).toBe('missing')
    }
  })
})

describe('currentSubject', () => {
  it('reads the external contact in a one-to-one chat', async () => {
    expect(await currentSubject(detectSdk({ ww: fakeWw('single_chat_tools') }))).toEqual({ kind: 'contact', externalUserId: 'wmContact' })
  })

  it('reads the group chat id in a group chat', async () => {
    expect(await currentSubject(detectSdk({ ww: fakeWw('group_chat_tools') }))).toEqual({ kind: 'group', chatId: 'wrChat' })
  })
})

describe('signedUrl', () => {
  it('drops the fragment', () => {
    expect(signedUrl('https://a.example/m/sidebar?x=1#/y')).toBe('https://a.example/m/sidebar?x=1')
    expect(signedUrl('https://a.example/m/sidebar')).toBe('https://a.example/m/sidebar')
  })
})
