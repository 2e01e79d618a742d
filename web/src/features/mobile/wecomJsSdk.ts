// One interface over WeCom's two JS-SDKs: the new `ww` (@wecom/jssdk, promise based, register once) and the legacy
// `wx` (jweixin + agentConfig, callback based, `err_msg` ending in `:ok`). The sidebar only needs the context and
// the contact or group chat it is open in.

export interface SignaturePart {
  timestamp: number | string
  nonceStr: string
  signature: string
}

export interface SdkSignatures {
  corpId: string
  agentId: string | number
  config: SignaturePart
  agentConfig: SignaturePart
}

/** single_chat_tools, group_chat_tools… (WeCom's entry names) */
export type Entry = string

export interface WeComSdk {
  readonly kind: 'ww' | 'wx'
  /** Registers the app with WeCom (signatures may be null when they could not be fetched: the SDK may still work). */
  register(signatures: SdkSignatures | null): Promise<void>
  getContext(): Promise<Entry>
  getCurExternalContact(): Promise<string>
  getCurExternalChat(): Promise<string>
}

export const JS_API_LIST = ['getContext', 'getCurExternalContact', 'getCurExternalChat', 'sendChatMessage']

export class WeComSdkError extends Error {
  constructor(
    readonly code: 'missing' | 'failed',
    message: string,
  ) {
    super(message)
    this.name = 'WeComSdkError'
  }
}

interface WwLike {
  register(options: Record<string, unknown>): unknown
  getContext(): Promise<{ entry: string }>
  getCurExternalContact(): Promise<{ userId: string }>
  getCurExternalChat(): Promise<{ chatId: string }>
}

type WxCallback = (res: Record<string, unknown> & { err_msg?: string; errMsg?: string }) => void
interface WxLike {
  agentConfig(options: Record<string, unknown>): void
  invoke(api: string, params: Record<string, unknown>, cb: WxCallback): void
}

function sign(part: SignaturePart | undefined) {
  return part ? { timestamp: Number(part.timestamp), nonceStr: part.nonceStr, signature: part.signature } : null
}

function wwSdk(ww: WwLike): WeComSdk {
  const failed = (e: unknown) => new WeComSdkError('failed', (e as { errMsg?: string })?.errMsg ?? String(e))
  const call = async <T>(fn: () => Promise<T>) => {
    try {
      return await fn()
    } catch (e) {
      throw failed(e)
    }
  }
  return {
    kind: 'ww',
    async register(s) {
      // the new SDK asks for the signatures itself, lazily, through these callbacks
      ww.register({
        corpId: s?.corpId ?? '',
        agentId: s?.agentId,
        jsApiList: JS_API_LIST,
        getConfigSignature: () => sign(s?.config),
        getAgentConfigSignature: () => sign(s?.agentConfig),
      })
    },
    getContext: () => call(async () => (await ww.getContext()).entry),
    getCurExternalContact: () => call(async () => (await ww.getCurExternalContact()).userId),
    getCurExternalChat: () => call(async () => (await ww.getCurExternalChat()).chatId),
  }
}

function wxSdk(wx: WxLike): WeComSdk {
  const invoke = (api: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      wx.invoke(api, {}, (res) => {
        const msg = String(res?.err_msg ?? res?.errMsg ?? '')
        if (msg.endsWith(':ok')) resolve(res)
        else reject(new WeComSdkError('failed', msg || `${api} failed`))
      })
    })
  return {
    kind: 'wx',
    register(s) {
      return new Promise<void>((resolve, reject) => {
        const agent = sign(s?.agentConfig)
        wx.agentConfig({
          corpid: s?.corpId ?? '',
          agentid: s?.agentId,
          timestamp: agent?.timestamp,
          nonceStr: agent?.nonceStr,
          signature: agent?.signature,
          jsApiList: JS_API_LIST,
          success: () => resolve(),
          fail: (res: { errMsg?: string; err_msg?: string }) =>
            reject(new WeComSdkError('failed', res?.errMsg ?? res?.err_msg ?? 'agentConfig failed')),
        })
      })
    },
    getContext: async () => String((await invoke('getContext')).entry ?? ''),
    getCurExternalContact: async () => String((await invoke('getCurExternalContact')).userId ?? ''),
    getCurExternalChat: async () => String((await invoke('getCurExternalChat')).chatId ?? ''),
  }
}

/** The SDK the page was opened with: `ww` preferred, `wx` as a fallback; a `missing` error outside WeCom. */
export function detectSdk(win: { ww?: unknown; wx?: unknown } = window as never): WeComSdk {
  const ww = win.ww as Partial<WwLike> | undefined
  if (ww && typeof ww.register === 'function' && typeof ww.getContext === 'function') return wwSdk(ww as WwLike)
  const wx = win.wx as Partial<WxLike> | undefined
  if (wx && typeof wx.agentConfig === 'function' && typeof wx.invoke === 'function') return wxSdk(wx as WxLike)
  throw new WeComSdkError('missing', 'WeCom JS-SDK (ww or wx) not found')
}

/** The chat the sidebar is open in: a single external contact or a group chat. */
export type ChatSubject = { kind: 'contact'; externalUserId: string } | { kind: 'group'; chatId: string }

export async function currentSubject(sdk: WeComSdk): Promise<ChatSubject> {
  const entry = await sdk.getContext()
  if (entry === 'group_chat_tools') return { kind: 'group', chatId: await sdk.getCurExternalChat() }
  return { kind: 'contact', externalUserId: await sdk.getCurExternalContact() }
}

/** The URL WeCom signs: the page's address without the fragment. */
export function signedUrl(href: string): string {
  const i = href.indexOf('#')
  return i < 0 ? href : href.slice(0, i)
}
