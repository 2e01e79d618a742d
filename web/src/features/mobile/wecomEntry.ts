// The handshake every page opened inside WeCom's client does first (chat sidebar, customer profile page): find the
// JS-SDK, register the app with the signatures Baton computes, and ask which contact or group chat the page is open
// on. A failed signature is only a warning: inside WeCom's client the calls may still be allowed.
import { onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showNotify } from 'vant'
import { errorMessage } from '@/shared/errors'
import { wecomApi } from './mobileApi'
import { currentSubject, detectSdk, signedUrl, WeComSdkError, type ChatSubject } from './wecomJsSdk'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** A failure the page shows instead of its content (outside WeCom, or WeCom refused the context). */
export class WeComEntryError extends Error {}

export async function openInWeCom(t: Translate, href: string = location.href): Promise<ChatSubject> {
  let sdk
  try {
    sdk = detectSdk()
  } catch {
    throw new WeComEntryError(t('mobile.sidebar.noSdk'))
  }
  const warn = () => showNotify({ type: 'warning', message: t('mobile.sidebar.signatureFailed') })
  const signatures = await wecomApi.signature(signedUrl(href)).catch(() => {
    warn()
    return null
  })
  try {
    await sdk.register(signatures)
  } catch {
    warn()
  }
  try {
    return await currentSubject(sdk)
  } catch (e) {
    throw new WeComEntryError(t('mobile.sidebar.contextFailed', { message: e instanceof WeComSdkError ? e.message : String(e) }))
  }
}

/** The ticket source of a chat-sidebar ticket: a group chat's is `wecom_group`. */
export function sidebarSource(subject: ChatSubject | null): 'wecom_group' | 'wecom_sidebar' {
  return subject?.kind === 'group' ? 'wecom_group' : 'wecom_sidebar'
}

/** The handshake as page state, started when the page mounts; `start` again is the retry button's. */
export function useWeComSubject() {
  const { t } = useI18n()
  const loading = ref(true)
  const error = ref<string | null>(null)
  const subject = ref<ChatSubject | null>(null)
  async function start() {
    loading.value = true
    error.value = null
    try {
      subject.value = await openInWeCom(t)
    } catch (e) {
      error.value = e instanceof WeComEntryError ? e.message : errorMessage(e)
    } finally {
      loading.value = false
    }
  }
  onMounted(start)
  return { loading, error, subject, start }
}
